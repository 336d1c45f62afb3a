import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';

const PENDING_STATES = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export const kmsKeysNotPendingDeletion = defineResourceCheck({
  id: 'kms-keys-not-pending-deletion',
  kind: 'kms.key',
  title: 'No customer managed KMS key is scheduled for deletion',
  severity: 'critical',
  description: 'The customer managed key is not in PendingDeletion or PendingReplicaDeletion. AWS managed keys cannot be deleted and are NOT_APPLICABLE.',
  risk: 'Once the waiting period ends the key is gone, and every ciphertext, snapshot, volume and secret it protects can never be decrypted again.',
  remediation: 'If the deletion is not intended: aws kms cancel-key-deletion --key-id <key>, then aws kms enable-key. Check CloudTrail (ScheduleKeyDeletion) for who scheduled it.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-3'],
  frameworks: { securityHub: ['KMS.3'] },

  evaluate(key) {
    if (must(key.keyManager) !== 'CUSTOMER') return notApplicable('AWS managed keys cannot be scheduled for deletion.');
    const state = must(key.keyState);
    if (!PENDING_STATES.has(state)) return pass(`The key is ${state}.`);
    return fail(`The key is scheduled for deletion${key.deletionDate ? ` on ${key.deletionDate}` : ''}.`, { evidence: { keyState: state, deletionDate: key.deletionDate } });
  },
});
