import { defineResourceCheck, fail, notApplicable, pass, unknown, type Verdict } from '../../engine/check';
import { wildcardMatches } from '../../policy';
import { providerKey, webIdentityOf } from './support/trust';
import { CIS_EKS, IRSA, OIDC_TRUST } from './support/references';

export const iamRoleOidcTrustSubNotWildcard = defineResourceCheck({
  id: 'iam-role-oidc-trust-sub-not-wildcard',
  kind: 'iam.role',
  title: 'Web-identity trust policies pin the subject without wildcards',
  severity: 'high',
  description:
    'For each OIDC provider the role trusts (key `Provider::<issuer>`), the `sub` condition admits literal subjects only: no `StringLike` pattern ' +
    'such as `system:serviceaccount:*:*`, `system:serviceaccount:<ns>:*` or `repo:<org>/*`. An exact condition next to a wildcard one wins (both must hold); ' +
    '`StringLike` without `*` or `?` is exact. Option `allowedSubjectPatterns` (default none) lists patterns you accept as written, e.g. ' +
    '`repo:acme/app:environment:*`. A trust without any sub condition is NOT_APPLICABLE here and fails iam-role-oidc-trust-has-sub.',
  risk: 'A wildcard subject admits every service account of a namespace or cluster, or every repository of an organization, including ones created later by anyone who can.',
  remediation: 'Replace the StringLike pattern with StringEquals on the exact subjects (one role per workload).',
  references: [IRSA, OIDC_TRUST, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },
  defaultOptions: { allowedSubjectPatterns: [] as string[] },

  evaluate(role, ctx) {
    const accepted = ctx.options.allowedSubjectPatterns as readonly string[];
    const trusts = webIdentityOf(role);
    if (!Array.isArray(trusts)) return trusts;
    return trusts.map((t): Verdict => {
      const key = providerKey(t);
      if (t.grants === 'unknown' || t.sub.state === 'unknown') return unknown(`Whether the ${t.issuer} subject is a wildcard depends on unresolved values.`, key);
      if (t.sub.state === 'absent' || t.sub.state === 'weak') return notApplicable(`${t.issuer}:sub is not constrained at all (see iam-role-oidc-trust-has-sub).`, key);
      if (t.sub.state === 'exact') return pass(`${t.issuer}:sub admits only ${t.sub.values.join(', ')}.`, { key });
      const unaccepted = t.sub.values.filter((v) => !accepted.includes(v) && !accepted.some((a) => wildcardMatches(a, v)));
      if (unaccepted.length === 0) return pass(`${t.issuer}:sub uses only accepted patterns (${t.sub.values.join(', ')}).`, { key });
      return fail(`${t.issuer}:sub admits any subject matching ${unaccepted.join(', ')}.`, { key, evidence: { sub: t.sub } });
    });
  },
});
