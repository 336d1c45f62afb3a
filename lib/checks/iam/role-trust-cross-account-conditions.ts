import { defineResourceCheck, fail, must, notApplicable, pass, unknown, type Verdict } from '../../engine/check';
import { trustGrants, unresolvedPrincipalVerdicts } from './support/trust';
import { ROLE_TRUST, WA_CROSS_ACCOUNT, WA_THIRD_PARTY } from './support/references';

export const iamRoleTrustCrossAccountConditions = defineResourceCheck({
  id: 'iam-role-trust-cross-account-conditions',
  kind: 'iam.role',
  title: 'Roles trusted by other accounts require an external id or MFA',
  severity: 'high',
  description:
    'For each other AWS account the trust policy admits (key `Account::<id>`), the granting statement requires `sts:ExternalId` or MFA ' +
    '(`aws:MultiFactorAuthPresent` true, `aws:MultiFactorAuthAge`) with a positive operator and without `…IfExists`. ' +
    'Option `trustedAccountIds` (default none) lists accounts you control (your organization’s management or security account) that need neither. ' +
    'No Security Hub or CIS control judges trust policies, so the check maps to Well-Architected SEC03-BP07 (analyze public and ' +
    'cross-account access) and SEC03-BP09 (share resources securely with a third party, which calls for an external ID).',
  risk: 'A third party that can assume the role on behalf of several customers can be tricked into using it for someone else (confused deputy); a person from another account gets in without a second factor.',
  remediation: 'Add a StringEquals sts:ExternalId condition for third parties, or a Bool aws:MultiFactorAuthPresent true condition for people; list accounts you own in trustedAccountIds.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html', ROLE_TRUST, WA_CROSS_ACCOUNT, WA_THIRD_PARTY],
  frameworks: { wellArchitected: ['SEC03-BP07', 'SEC03-BP09'] },
  defaultOptions: { trustedAccountIds: [] as string[] },

  evaluate(role, ctx) {
    const name = must(role.name);
    const trusted = new Set(ctx.options.trustedAccountIds as readonly string[]);
    const grants = trustGrants(role, ['external-id', 'mfa']);
    const verdicts: Verdict[] = unresolvedPrincipalVerdicts(grants);
    for (const g of grants) {
      if (g.principal.type !== 'aws' || g.principal.accountId === ctx.accountId) continue;
      const key = `Account::${g.principal.accountId}`;
      if (trusted.has(g.principal.accountId)) verdicts.push(notApplicable(`Account ${g.principal.accountId} is listed as trusted.`, key));
      else if (g.grants === 'yes' && g.restricted === 'yes') verdicts.push(pass(`Account ${g.principal.accountId} must present ${g.restrictions.map((r) => r.key).join(' or ')} to assume role ${name}.`, { key }));
      else if (g.grants === 'yes' && g.restricted === 'no') verdicts.push(fail(`Account ${g.principal.accountId} can assume role ${name} without an external id or MFA (${g.statement}).`, { key, evidence: { principal: g.principal.value } }));
      else verdicts.push(unknown(`Whether account ${g.principal.accountId} needs an external id or MFA depends on unresolved values.`, key));
    }
    return verdicts.length > 0 ? verdicts : notApplicable(`Role ${name} is not trusted by another account.`);
  },
});
