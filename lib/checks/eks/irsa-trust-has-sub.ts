import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { judgeIrsaTrusts } from './lib/irsa';
import { CIS_EKS, EKS_BEST_PRACTICES_IAM, eksGuide } from './lib/references';

export const eksIrsaTrustHasSub = defineResourceCheck({
  id: 'eks-irsa-trust-has-sub',
  kind: 'iam.role',
  title: 'IRSA roles admit only the service accounts their trust names',
  severity: 'high',
  description:
    'For every IAM role whose trust policy federates to an EKS cluster\'s OIDC issuer (IRSA), and for each such issuer (key ' +
    '`Provider::<issuer>`), a `StringEquals`/`StringLike` condition on `<issuer>:sub` pins the service account. A trust that ' +
    'only conditions `:aud` (the console\'s default), or only with `…IfExists`/`ForAllValues`, fails. Policies are read as IAM ' +
    'returns them (URL-encoded, issuer without https://). Whether the pinned subjects are wildcards is judged by ' +
    'eks-irsa-trust-sub-single-namespace and eks-irsa-trust-sub-exact. Roles that are not IRSA roles are NOT_APPLICABLE.',
  risk:
    'Without a sub condition every service account in every namespace of the cluster can assume the role: any pod, including one ' +
    'an attacker creates in a namespace they control, gets the role\'s AWS permissions.',
  remediation:
    'Add "StringEquals": {"<issuer>:sub": "system:serviceaccount:<namespace>:<service-account>", "<issuer>:aud": "sts.amazonaws.com"} ' +
    'to the trust policy (eksctl create iamserviceaccount and HardenedEksCluster write it this way), or move the workload to EKS Pod Identity.',
  references: [eksGuide('associate-service-account-role'), EKS_BEST_PRACTICES_IAM, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(role, ctx) {
    return judgeIrsaTrusts(role, ctx, ({ trust }) => {
      const sub = trust.sub;
      if (sub.state === 'unknown') return unknown(`Whether ${trust.issuer} tokens are pinned by subject depends on unresolved values.`);
      if (sub.state === 'exact' || sub.state === 'wildcard') return pass(`${trust.issuer}:sub is constrained (${sub.operators.join(', ')}: ${sub.values.join(', ')}).`, { evidence: { sub } });
      const why = sub.state === 'weak' ? `is conditioned only with ${sub.operators.join(', ')}, which does not pin it` : 'is not conditioned';
      return fail(`Every service account of the cluster behind ${trust.issuer} can assume the role: its sub claim ${why} (${trust.statement}).`, {
        evidence: { principal: trust.principal, statement: trust.statement, sub, aud: trust.aud },
      });
    });
  },
});
