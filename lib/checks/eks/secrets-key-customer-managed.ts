import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { keyLabel, secretsKeyOf } from './lib/secrets-key';
import { CIS_EKS, eksGuide, wellArchitected } from './lib/references';

export const eksSecretsKeyCustomerManaged = defineResourceCheck({
  id: 'eks-secrets-key-customer-managed',
  kind: 'eks.cluster',
  title: 'EKS secrets are encrypted with a customer managed KMS key',
  severity: 'medium',
  description:
    'The KMS key that envelope-encrypts the cluster\'s secrets (linked to the `kms.key` in the inventory, by key or alias ' +
    'ARN) is customer managed, so its key policy, rotation and deletion are under the account\'s control. Clusters without ' +
    'secrets encryption are NOT_APPLICABLE (eks-secrets-encrypted fails them); a key of another account, or one a template ' +
    'does not declare, is UNKNOWN.',
  risk:
    'A key whose policy the account does not control cannot be restricted to the cluster role or audited separately; CIS ' +
    'EKS 5.3.1 asks for customer managed keys.',
  remediation:
    'Create a customer managed symmetric key with rotation on and a key policy limited to the cluster role, and create clusters ' +
    'with it (the secrets key of an existing cluster cannot be changed). HardenedEksCluster creates such a key.',
  references: [eksGuide('enable-kms'), CIS_EKS, wellArchitected('sec_protect_data_rest_key_mgmt')],
  frameworks: { cisEks: { '1.7': ['5.3.1'] }, wellArchitected: ['SEC08-BP01'] },

  evaluate(cluster, ctx) {
    const found = secretsKeyOf(cluster, ctx);
    if ('verdict' in found) return found.verdict;
    if ('deleted' in found) return unknown(`The secrets key ${found.deleted} no longer exists, so who managed it cannot be told (see eks-secrets-key-enabled).`);
    const manager = must(found.key.keyManager);
    const evidence = { key: keyLabel(found.key), keyManager: manager };
    return manager === 'CUSTOMER'
      ? pass(`Secrets are encrypted with the customer managed key ${evidence.key}.`, { evidence })
      : fail(`Secrets are encrypted with the AWS managed key ${evidence.key}, whose policy and lifecycle the account does not control.`, { evidence });
  },
});
