import { defineResourceCheck, must } from '../../engine/check';
import { partitionOf } from './support/permission-sets';
import { kmsDecryptVerdicts } from './support/kms-decrypt';
import { securityHubKms } from './support/references';

export const iamGroupInlinePoliciesNoKmsDecryptAll = defineResourceCheck({
  id: 'iam-group-inline-policies-no-kms-decrypt-all',
  kind: 'iam.group',
  title: 'No inline policy of an IAM group allows KMS decryption on all keys',
  severity: 'medium',
  description:
    'Each inline policy of the group is judged alone: it does not allow `kms:Decrypt` or `kms:ReEncryptFrom` on every key (`*` or ' +
    '`arn:<partition>:kms:*:*:key/*`). One finding per action (key `Action::<action>`). An Allow scoped by a condition on ' +
    '`kms:ViaService`, `kms:EncryptionContext…`, `kms:CallerAccount` or resource tags does not count; an unconditional Deny of the action on all keys neutralises it.',
  risk: 'Decrypt on every key lets the group read any data protected by any key whose key policy defers to IAM, far beyond what its job needs.',
  remediation: 'List the key ARNs the group needs in the Resource element, or scope the grant with kms:ViaService / an encryption-context condition.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html', securityHubKms(2)],
  frameworks: { securityHub: ['KMS.2'] },

  evaluate(group) {
    const name = must(group.name);
    return kmsDecryptVerdicts(
      `group ${name}`,
      group.inlinePolicies.map((p) => ({ label: `inline policy ${must(p.name)}`, document: p.document })),
      partitionOf(group.id),
    );
  },
});
