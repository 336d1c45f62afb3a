import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { WA_KEY_MANAGEMENT } from '../iam/support/references';

export const kmsCustomerKeysEnabled = defineResourceCheck({
  id: 'kms-customer-keys-enabled',
  kind: 'kms.key',
  title: 'Customer managed KMS keys are in use, not left disabled',
  severity: 'low',
  description:
    'The customer managed key is not Disabled: a disabled key protects nothing new, still costs money and is usually the first step of a deletion ' +
    'nobody finished (or an outage nobody noticed). Keys pending deletion are judged by kms-keys-not-pending-deletion; AWS managed keys are NOT_APPLICABLE. ' +
    'Security Hub KMS.3 covers keys pending deletion only and CIS has no such control, so the check maps to Well-Architected SEC08-BP01 ' +
    '(implement secure key management).',
  risk: 'Data encrypted under a disabled key cannot be read until it is re-enabled; an unneeded key that stays around keeps its key policy as an attack surface.',
  remediation: 'Re-enable the key if something still needs it (aws kms enable-key); otherwise schedule its deletion after checking nothing is encrypted under it.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html', WA_KEY_MANAGEMENT],
  frameworks: { wellArchitected: ['SEC08-BP01'] },

  evaluate(key) {
    if (must(key.keyManager) !== 'CUSTOMER') return notApplicable('AWS managed keys are managed by AWS.');
    const state = must(key.keyState);
    if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') return notApplicable('The key is pending deletion (see kms-keys-not-pending-deletion).');
    return state === 'Disabled' ? fail('The key is disabled.') : pass(`The key is ${state}.`);
  },
});
