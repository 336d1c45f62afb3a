import { defineResourceCheck } from '../../engine/check';
import { kmsDecryptVerdicts } from './support/kms-decrypt';
import { partitionOf } from './support/permission-sets';
import { unlessAwsManaged } from './support/policy-verdicts';
import { securityHubKms } from './support/references';

export const iamPoliciesNoKmsDecryptAll = defineResourceCheck({
  id: 'iam-policies-no-kms-decrypt-all',
  kind: 'iam.policy',
  title: 'No customer managed policy allows KMS decryption on all keys',
  severity: 'medium',
  description:
    'The default version of each customer managed policy does not allow `kms:Decrypt` or `kms:ReEncryptFrom` on every key (`*` or ' +
    '`arn:<partition>:kms:*:*:key/*`), one finding per action (key `Action::<action>`). An Allow scoped by a condition on `kms:ViaService`, ' +
    '`kms:EncryptionContext…`, `kms:CallerAccount` or resource tags does not count; an unconditional Deny of the action on all keys neutralises it. ' +
    'AWS managed policies are NOT_APPLICABLE.',
  risk: 'Decrypt on every key lets the holder read any data protected by any key whose key policy defers to IAM.',
  remediation: 'List the key ARNs needed in the Resource element, or scope the grant with kms:ViaService / an encryption-context condition.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html', securityHubKms(1)],
  frameworks: { securityHub: ['KMS.1'] },

  evaluate(policy) {
    return unlessAwsManaged(policy, () => kmsDecryptVerdicts(`Policy ${policy.id}`, [{ label: policy.id, document: policy.document }], partitionOf(policy.id)));
  },
});
