import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';

export const kmsCustomerKeysEnabled = defineResourceCheck({
  id: 'kms-customer-keys-enabled',
  kind: 'kms.key',
  title: 'Customer managed KMS keys are in use, not left disabled',
  severity: 'low',
  description:
    'The customer managed key is not Disabled: a disabled key protects nothing new, still costs money and is usually the first step of a deletion ' +
    'nobody finished (or an outage nobody noticed). Keys pending deletion are judged by kms-keys-not-pending-deletion; AWS managed keys are NOT_APPLICABLE. ' +
    '(Mapped to KMS.3 as the nearest control.)',
  risk: 'Data encrypted under a disabled key cannot be read until it is re-enabled; an unneeded key that stays around keeps its key policy as an attack surface.',
  remediation: 'Re-enable the key if something still needs it (aws kms enable-key); otherwise schedule its deletion after checking nothing is encrypted under it.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-3'],
  frameworks: { securityHub: ['KMS.3'] },

  evaluate(key) {
    if (must(key.keyManager) !== 'CUSTOMER') return notApplicable('AWS managed keys are managed by AWS.');
    const state = must(key.keyState);
    if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') return notApplicable('The key is pending deletion (see kms-keys-not-pending-deletion).');
    return state === 'Disabled' ? fail('The key is disabled.') : pass(`The key is ${state}.`);
  },
});
