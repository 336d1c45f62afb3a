import { defineResourceCheck, fail, must, pass, unknown, type Verdict } from '../../engine/check';
import { principalGrants } from '../../policy';

export const kmsKeyPolicyNotPublic = defineResourceCheck({
  id: 'kms-key-policy-not-public',
  kind: 'kms.key',
  title: 'KMS key policies do not open the key to any principal',
  severity: 'critical',
  description:
    'The key policy has no Allow of a KMS action to `*`, `{"AWS": "*"}` or via NotPrincipal, unless a condition narrows the callers to an account, ' +
    'an organization or principal ARNs (`kms:CallerAccount`, `aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:PrincipalArn`, `aws:SourceAccount`) with a positive ' +
    'operator and without `…IfExists`, in the statement itself or as a "Deny unless" guard. `kms:ViaService` alone does not: any account can call through the service. ' +
    'The AWS managed keys’ `AWS: *` + `kms:CallerAccount` statements pass.',
  risk: 'Anyone with an AWS account can use the key, for example to decrypt data encrypted under it or to encrypt data an attacker then holds to ransom.',
  remediation: 'Replace the wildcard principal with the account or role ARNs that need the key, or add a StringEquals kms:CallerAccount / aws:PrincipalOrgID condition.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-5'],
  frameworks: { securityHub: ['KMS.5'] },

  evaluate(key) {
    const grants = principalGrants(must(key.policy), 'kms:*', ['account', 'organization', 'arn']);
    const verdicts: Verdict[] = [];
    for (const g of grants) {
      if (g.principal.type === 'unresolved') verdicts.push(unknown(`The principal of ${g.statement} depends on ${g.principal.value}, which could not be resolved.`));
      else if (g.principal.type !== 'any') continue;
      else if (g.grants === 'yes' && g.restricted === 'no') verdicts.push(fail(`The key policy lets any AWS principal use the key (${g.statement}).`, { evidence: { statement: g.statement } }));
      else if (g.grants !== 'no' && g.restricted !== 'yes') verdicts.push(unknown(`Whether ${g.statement} opens the key to anyone depends on unresolved values.`));
    }
    return verdicts.length > 0 ? verdicts : pass('The key policy admits only named or condition-restricted principals.');
  },
});
