import { defineResourceCheck, fail, must, notApplicable, pass, unknown, type Verdict } from '../../engine/check';
import { principalGrants } from '../../policy';
import { WA_CROSS_ACCOUNT, WA_DATA_ACCESS_CONTROL } from '../iam/support/references';

export const kmsKeyPolicyCrossAccountConditions = defineResourceCheck({
  id: 'kms-key-policy-cross-account-conditions',
  kind: 'kms.key',
  title: 'KMS key policies grant other accounts access only under conditions',
  severity: 'high',
  description:
    'For each other AWS account the key policy grants a KMS action to (key `Account::<id>`), the granting statement carries a Condition ' +
    '(for example `kms:ViaService`, `kms:EncryptionContext…`, `aws:PrincipalArn`). Option `trustedAccountIds` (default none) lists accounts you control ' +
    'that may use the key unconditionally. Security Hub KMS.5 fails only publicly accessible keys (kms-key-policy-not-public) and CIS ' +
    'has no such control, so the check maps to Well-Architected SEC03-BP07 (analyze public and cross-account access) and SEC08-BP04 ' +
    '(enforce access control to data at rest).',
  risk: 'An unconditional grant lets every principal the other account authorizes use the key for anything the statement allows, through any service.',
  remediation: 'Add a condition that limits the use (kms:ViaService for the service that needs it, an encryption context), or name specific roles instead of the account root.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html', WA_CROSS_ACCOUNT, WA_DATA_ACCESS_CONTROL],
  frameworks: { wellArchitected: ['SEC03-BP07', 'SEC08-BP04'] },
  defaultOptions: { trustedAccountIds: [] as string[] },

  evaluate(key, ctx) {
    const trusted = new Set(ctx.options.trustedAccountIds as readonly string[]);
    const verdicts: Verdict[] = [];
    for (const g of principalGrants(must(key.policy), 'kms:*', [])) {
      if (g.principal.type === 'unresolved') {
        verdicts.push(unknown(`The principal of ${g.statement} depends on ${g.principal.value}, which could not be resolved.`));
        continue;
      }
      if (g.principal.type !== 'aws' || g.principal.accountId === ctx.accountId) continue;
      const key = `Account::${g.principal.accountId}`;
      if (trusted.has(g.principal.accountId)) verdicts.push(notApplicable(`Account ${g.principal.accountId} is listed as trusted.`, key));
      else if (g.grants === 'yes' && g.conditional === 'no') verdicts.push(fail(`Account ${g.principal.accountId} may use the key without any condition (${g.statement}).`, { key, evidence: { principal: g.principal.value } }));
      else if (g.grants === 'yes' && g.conditional === 'yes') verdicts.push(pass(`Account ${g.principal.accountId} may use the key only under the conditions of ${g.statement}.`, { key }));
      else verdicts.push(unknown(`Whether account ${g.principal.accountId} is granted access unconditionally depends on unresolved values.`, key));
    }
    return verdicts.length > 0 ? verdicts : notApplicable('The key policy grants no other account.');
  },
});
