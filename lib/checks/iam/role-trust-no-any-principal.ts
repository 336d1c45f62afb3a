import { defineResourceCheck, fail, must, pass, unknown, type Verdict } from '../../engine/check';
import { trustGrants, unresolvedPrincipalVerdicts } from './support/trust';
import { ROLE_TRUST, WA_CROSS_ACCOUNT } from './support/references';

export const iamRoleTrustNoAnyPrincipal = defineResourceCheck({
  id: 'iam-role-trust-no-any-principal',
  kind: 'iam.role',
  title: 'No role trust policy lets any AWS principal assume the role',
  severity: 'critical',
  description:
    'The role’s trust policy has no Allow of sts:AssumeRole to `*`, `{"AWS": "*"}` or via NotPrincipal, unless a condition narrows the callers ' +
    'to an account, an organization or principal ARNs (`aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:PrincipalArn`, …) with a positive operator ' +
    'and without `…IfExists`, in the statement itself or as a "Deny unless" guard. `sts:ExternalId` alone does not narrow who can call. ' +
    'No Security Hub or CIS control judges trust policies (CIS 1.20 only asks that IAM Access Analyzer is on), so the check maps to ' +
    'Well-Architected SEC03-BP07 (analyze public and cross-account access).',
  risk: 'Anyone with an AWS account can assume the role and act with its permissions.',
  remediation: 'Name the trusted accounts or roles in the Principal element, or add an aws:PrincipalOrgID / aws:PrincipalAccount condition.',
  references: [ROLE_TRUST, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html#access-analyzer-iam-role', WA_CROSS_ACCOUNT],
  frameworks: { wellArchitected: ['SEC03-BP07'] },

  evaluate(role) {
    const name = must(role.name);
    const grants = trustGrants(role, ['account', 'organization', 'arn']);
    const verdicts: Verdict[] = unresolvedPrincipalVerdicts(grants);
    for (const g of grants.filter((x) => x.principal.type === 'any')) {
      if (g.grants === 'yes' && g.restricted === 'no') verdicts.push(fail(`Role ${name} lets any AWS principal assume it (${g.statement}).`, { evidence: { statement: g.statement } }));
      else if (g.restricted === 'unknown' || g.grants === 'unknown') verdicts.push(unknown(`Whether ${g.statement} of role ${name} admits any principal depends on unresolved values.`));
    }
    return verdicts.length > 0 ? verdicts : pass(`The trust policy of role ${name} admits only named or condition-restricted principals.`);
  },
});
