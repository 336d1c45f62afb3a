import { defineResourceCheck, fail, must, notApplicable, pass, unknown } from '../../engine/check';

const KMS_ROTATION = 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html';

export const kmsKeyRotationEnabled = defineResourceCheck({
  id: 'kms-key-rotation-enabled',
  kind: 'kms.key',
  title: 'Customer managed symmetric KMS keys rotate their key material',
  severity: 'medium',
  description:
    'An enabled, customer managed, symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT) with AWS-generated key material has automatic rotation on. ' +
    'AWS managed keys (rotated by AWS), asymmetric, HMAC and imported or external-store keys (which cannot rotate automatically), and keys that are ' +
    'disabled or pending deletion are NOT_APPLICABLE.',
  risk: 'Key material that never changes protects ever more data; its compromise, or a cryptographic weakness found later, exposes all of it.',
  remediation: 'aws kms enable-key-rotation --key-id <key> (optionally --rotation-period-in-days); the HardenedEksCluster secrets key rotates by default.',
  references: [KMS_ROTATION, 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4', 'https://www.cisecurity.org/benchmark/amazon_web_services'],
  frameworks: { securityHub: ['KMS.4'], cisAws: { '3.0': ['3.6'], '4.0': ['3.6'] } },

  evaluate(key) {
    if (must(key.keyManager) !== 'CUSTOMER') return notApplicable('AWS managed keys are rotated by AWS every year.');
    const spec = must(key.keySpec);
    const usage = must(key.keyUsage);
    if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') return notApplicable(`Automatic rotation does not apply to ${spec} ${usage} keys.`);
    if (key.keyMaterialOrigin !== undefined && key.keyMaterialOrigin !== 'AWS_KMS') return notApplicable(`Keys with ${key.keyMaterialOrigin} key material cannot rotate automatically.`);
    const state = must(key.keyState);
    if (state !== 'Enabled') return notApplicable(`The key is ${state}.`);
    if (key.rotationEnabled === undefined) return unknown('The rotation status of the key was not collected.');
    const evidence = { rotationPeriodDays: key.rotationPeriodDays === undefined ? undefined : must(key.rotationPeriodDays) };
    return must(key.rotationEnabled) ? pass('Automatic key rotation is enabled.', { evidence }) : fail('Automatic key rotation is disabled.');
  },
});
