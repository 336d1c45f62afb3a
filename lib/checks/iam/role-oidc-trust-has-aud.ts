import { defineResourceCheck, fail, pass, unknown, type Verdict } from '../../engine/check';
import { providerKey, webIdentityOf } from './support/trust';
import { CIS_EKS, IRSA, OIDC_TRUST } from './support/references';

export const iamRoleOidcTrustHasAud = defineResourceCheck({
  id: 'iam-role-oidc-trust-has-aud',
  kind: 'iam.role',
  title: 'Web-identity trust policies pin the token audience',
  severity: 'medium',
  description:
    'For each OIDC provider the role trusts (key `Provider::<issuer>`), a `StringEquals` condition (or `StringLike` without wildcards) on ' +
    '`<issuer>:aud` admits only the audiences of option `expectedAudiences` (default `sts.amazonaws.com`, what EKS and GitHub Actions request). ' +
    'For public identity providers that are not IAM OIDC providers (Cognito, Google), any exact audience (the app or pool id) passes.',
  risk: 'Without an audience condition, tokens the provider issued for another client (another audience the IAM provider accepts) can assume the role.',
  remediation: 'Add "StringEquals": {"<issuer>:aud": "sts.amazonaws.com"} next to the sub condition.',
  references: [IRSA, OIDC_TRUST, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },
  defaultOptions: { expectedAudiences: ['sts.amazonaws.com'] },

  evaluate(role, ctx) {
    const expected = new Set(ctx.options.expectedAudiences as readonly string[]);
    const trusts = webIdentityOf(role);
    if (!Array.isArray(trusts)) return trusts;
    return trusts.map((t): Verdict => {
      const key = providerKey(t);
      if (t.grants === 'unknown' || t.aud.state === 'unknown') return unknown(`Whether the ${t.issuer} audience is pinned depends on unresolved values.`, key);
      if (t.aud.state === 'absent' || t.aud.state === 'weak') return fail(`${t.issuer}:aud is not constrained: tokens for any audience are accepted.`, { key });
      if (t.aud.state === 'wildcard') return fail(`${t.issuer}:aud admits any audience matching ${t.aud.values.join(', ')}.`, { key });
      const unexpected = t.iamOidcProvider ? t.aud.values.filter((v) => !expected.has(v)) : [];
      if (unexpected.length > 0) return fail(`${t.issuer}:aud admits unexpected audiences ${unexpected.join(', ')}.`, { key, evidence: { aud: t.aud, expected: [...expected] } });
      return pass(`${t.issuer}:aud admits only ${t.aud.values.join(', ')}.`, { key });
    });
  },
});
