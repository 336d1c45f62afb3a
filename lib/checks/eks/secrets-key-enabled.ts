import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { keyLabel, secretsKeyOf } from './lib/secrets-key';
import { CIS_EKS, eksGuide, wellArchitected } from './lib/references';

/** Key states in which a scheduled deletion is reported by eks-secrets-key-not-pending-deletion. */
const DELETION_STATES = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export const eksSecretsKeyEnabled = defineResourceCheck({
  id: 'eks-secrets-key-enabled',
  kind: 'eks.cluster',
  title: 'The KMS key protecting EKS secrets is enabled',
  severity: 'high',
  description:
    'The key that envelope-encrypts the cluster\'s secrets is in state Enabled. A disabled or unavailable key, or a key that ' +
    'no longer exists in the (fully collected) region, fails. Keys scheduled for deletion are NOT_APPLICABLE here and fail ' +
    'eks-secrets-key-not-pending-deletion. Clusters without secrets encryption are NOT_APPLICABLE.',
  risk:
    'The API server cannot decrypt Secrets while the key is unusable: pods that mount them fail to start and the cluster ' +
    'degrades; EKS marks such clusters unhealthy and cannot recover them once the key is gone.',
  remediation: 'aws kms enable-key --key-id <key>; find who disabled it in CloudTrail (DisableKey) and limit kms:DisableKey in the key policy.',
  references: [eksGuide('enable-kms'), 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html', CIS_EKS, wellArchitected('sec_protect_data_rest_key_mgmt')],
  frameworks: { cisEks: { '1.7': ['5.3.1'] }, wellArchitected: ['SEC08-BP01'] },

  evaluate(cluster, ctx) {
    const found = secretsKeyOf(cluster, ctx);
    if ('verdict' in found) return found.verdict;
    if ('deleted' in found) return fail(`The secrets key ${found.deleted} no longer exists: the cluster cannot decrypt its secrets.`, { evidence: { key: found.deleted } });
    const state = must(found.key.keyState);
    const evidence = { key: keyLabel(found.key), keyState: state };
    if (DELETION_STATES.has(state)) return notApplicable(`The secrets key ${evidence.key} is scheduled for deletion (see eks-secrets-key-not-pending-deletion).`);
    return state === 'Enabled'
      ? pass(`The secrets key ${evidence.key} is enabled.`, { evidence })
      : fail(`The secrets key ${evidence.key} is ${state}: the cluster cannot decrypt its secrets.`, { evidence });
  },
});
