import { defineResourceCheck, fail, pass, unknown, type Verdict } from '../../engine/check';
import { providerKey, webIdentityOf } from './support/trust';
import { CIS_EKS, IRSA, OIDC_TRUST } from './support/references';

export const iamRoleOidcTrustHasSub = defineResourceCheck({
  id: 'iam-role-oidc-trust-has-sub',
  kind: 'iam.role',
  title: 'Web-identity trust policies pin the token subject',
  severity: 'critical',
  description:
    'For each OIDC provider the role trusts for sts:AssumeRoleWithWebIdentity (key `Provider::<issuer>`), a `StringEquals` or `StringLike` ' +
    'condition on `<issuer>:sub` (without `…IfExists` or `ForAllValues`) pins which workload may assume it: an EKS service account ' +
    '(`system:serviceaccount:<namespace>:<name>`) or a GitHub repository and ref (`repo:<org>/<repo>:ref:refs/heads/main`). ' +
    'A condition on `:aud` alone does not. Roles without web-identity trust are NOT_APPLICABLE.',
  risk: 'Without a sub condition every token of the provider works: any service account in any namespace of the cluster, or any repository on GitHub, can assume the role.',
  remediation: 'Add "StringEquals": {"<issuer>:sub": "system:serviceaccount:<ns>:<sa>"} (or the GitHub repo:…:ref:… subject) to the trust policy.',
  references: [IRSA, OIDC_TRUST, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(role) {
    const trusts = webIdentityOf(role);
    if (!Array.isArray(trusts)) return trusts;
    return trusts.map((t): Verdict => {
      const key = providerKey(t);
      if (t.grants === 'unknown' || t.sub.state === 'unknown') return unknown(`Whether ${t.issuer} tokens are pinned by subject depends on unresolved values.`, key);
      if (t.sub.state === 'exact' || t.sub.state === 'wildcard') return pass(`${t.issuer}:sub is constrained (${t.sub.operators.join(', ')}: ${t.sub.values.join(', ')}).`, { key, evidence: { sub: t.sub } });
      const why = t.sub.state === 'weak' ? `is constrained only with ${t.sub.operators.join(', ')}, which does not pin it` : 'is not constrained';
      return fail(`Any ${t.issuer} token can assume the role: its sub claim ${why}.`, { key, evidence: { principal: t.principal, sub: t.sub } });
    });
  },
});
