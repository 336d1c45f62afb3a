import { defineResourceCheck, fail, must, notApplicable, pass, unknown } from '../../engine/check';
import { keyLabel, secretsKeyOf } from './lib/secrets-key';
import { eksGuide } from './lib/references';

export const eksSecretsKeyRotated = defineResourceCheck({
  id: 'eks-secrets-key-rotated',
  kind: 'eks.cluster',
  title: 'The KMS key protecting EKS secrets rotates its key material',
  severity: 'medium',
  description:
    'The customer managed key that envelope-encrypts the cluster\'s secrets has automatic rotation on. AWS managed keys ' +
    '(rotated by AWS), keys with imported or external key material (which cannot rotate automatically) and clusters ' +
    'without secrets encryption are NOT_APPLICABLE.',
  risk: 'Key material that never changes protects every Secret the cluster ever stored; its compromise exposes all of them.',
  remediation: 'aws kms enable-key-rotation --key-id <key>. HardenedEksCluster creates its secrets key with rotation on.',
  references: [eksGuide('enable-kms'), 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4'],
  frameworks: { securityHub: ['KMS.4'], cisAws: { '3.0': ['3.6'], '4.0': ['3.6'] } },

  evaluate(cluster, ctx) {
    const found = secretsKeyOf(cluster, ctx);
    if ('verdict' in found) return found.verdict;
    if ('deleted' in found) return notApplicable(`The secrets key ${found.deleted} no longer exists (see eks-secrets-key-enabled).`);
    const key = found.key;
    const label = keyLabel(key);
    if (must(key.keyManager) !== 'CUSTOMER') return notApplicable(`The secrets key ${label} is AWS managed and rotated by AWS.`);
    if (key.keyMaterialOrigin !== undefined && key.keyMaterialOrigin !== 'AWS_KMS') return notApplicable(`The secrets key ${label} has ${key.keyMaterialOrigin} key material, which cannot rotate automatically.`);
    if (key.rotationEnabled === undefined) return unknown(`The rotation status of the secrets key ${label} was not collected.`);
    const evidence = { key: label, rotationPeriodDays: key.rotationPeriodDays === undefined ? undefined : must(key.rotationPeriodDays) };
    return must(key.rotationEnabled)
      ? pass(`The secrets key ${label} rotates automatically.`, { evidence })
      : fail(`The secrets key ${label} does not rotate its key material.`, { evidence });
  },
});
