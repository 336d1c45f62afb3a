import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { judgeIrsaTrusts } from './lib/irsa';
import { CIS_EKS, EKS_BEST_PRACTICES_IAM, eksGuide } from './lib/references';

const STS_AUDIENCE = 'sts.amazonaws.com';

export const eksIrsaTrustAudSts = defineResourceCheck({
  id: 'eks-irsa-trust-aud-sts',
  kind: 'iam.role',
  title: 'IRSA trust policies accept only tokens minted for AWS STS',
  severity: 'medium',
  description:
    'For each EKS issuer an IRSA role trusts (key `Provider::<issuer>`), `<issuer>:aud` is pinned to exactly `sts.amazonaws.com`, ' +
    'the audience of the tokens EKS projects for IRSA. A missing or weak aud condition, another audience, or a pattern fails.',
  risk:
    'Without it, a service-account token minted for another audience the IAM OIDC provider accepts (a token a workload hands to ' +
    'a third-party service, for instance) can be replayed to assume the role.',
  remediation: 'Add "StringEquals": {"<issuer>:aud": "sts.amazonaws.com"} to the trust statement, next to the sub condition.',
  references: [eksGuide('associate-service-account-role'), EKS_BEST_PRACTICES_IAM, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(role, ctx) {
    return judgeIrsaTrusts(role, ctx, ({ trust }) => {
      const aud = trust.aud;
      if (aud.state === 'unknown') return unknown(`Whether ${trust.issuer} tokens are pinned by audience depends on unresolved values.`);
      const evidence = { statement: trust.statement, aud };
      if (aud.state === 'exact' && aud.values.every((v) => v === STS_AUDIENCE)) return pass(`${trust.issuer}:aud is pinned to ${STS_AUDIENCE}.`, { evidence });
      if (aud.state === 'exact') return fail(`${trust.issuer}:aud admits ${aud.values.filter((v) => v !== STS_AUDIENCE).join(', ')} besides ${STS_AUDIENCE} (${trust.statement}).`, { evidence });
      if (aud.state === 'wildcard') return fail(`${trust.issuer}:aud is a pattern (${aud.values.join(', ')}), not ${STS_AUDIENCE} (${trust.statement}).`, { evidence });
      const why = aud.state === 'weak' ? `is conditioned only with ${aud.operators.join(', ')}` : 'is not conditioned';
      return fail(`${trust.issuer}:aud ${why}: tokens of any audience the provider accepts can assume the role (${trust.statement}).`, { evidence });
    });
  },
});
