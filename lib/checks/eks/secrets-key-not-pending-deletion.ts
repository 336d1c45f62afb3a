import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { keyLabel, secretsKeyOf } from './lib/secrets-key';
import { eksGuide } from './lib/references';

export const eksSecretsKeyNotPendingDeletion = defineResourceCheck({
  id: 'eks-secrets-key-not-pending-deletion',
  kind: 'eks.cluster',
  title: 'The KMS key protecting EKS secrets is not scheduled for deletion',
  severity: 'critical',
  description:
    'The key that envelope-encrypts the cluster\'s secrets is not in PendingDeletion (or PendingReplicaDeletion), and still ' +
    'exists. The finding carries the scheduled deletion date. Clusters without secrets encryption are NOT_APPLICABLE.',
  risk:
    'When the waiting period ends the key is destroyed and every Secret in etcd becomes permanently unreadable: the cluster ' +
    'cannot be recovered and must be rebuilt.',
  remediation: 'aws kms cancel-key-deletion --key-id <key> and then aws kms enable-key --key-id <key>; deny kms:ScheduleKeyDeletion in the key policy.',
  references: [eksGuide('enable-kms'), 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-3'],
  frameworks: { securityHub: ['KMS.3'] },

  evaluate(cluster, ctx) {
    const found = secretsKeyOf(cluster, ctx);
    if ('verdict' in found) return found.verdict;
    if ('deleted' in found) return fail(`The secrets key ${found.deleted} has already been deleted: the cluster's secrets are unreadable.`, { evidence: { key: found.deleted } });
    const state = must(found.key.keyState);
    const evidence = { key: keyLabel(found.key), keyState: state, deletionDate: found.key.deletionDate };
    if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') {
      return fail(`The secrets key ${evidence.key} is scheduled for deletion${found.key.deletionDate ? ` on ${found.key.deletionDate}` : ''}.`, { evidence });
    }
    return pass(`The secrets key ${evidence.key} is not scheduled for deletion (${state}).`, { evidence });
  },
});
