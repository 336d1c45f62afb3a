import { defineResourceCheck, fail, notApplicable, pass, unknown } from '../../engine/check';
import { judgeIrsaTrusts, subjectReach } from './lib/irsa';
import { CIS_EKS, EKS_BEST_PRACTICES_IAM, eksGuide } from './lib/references';

export const eksIrsaTrustSubExact = defineResourceCheck({
  id: 'eks-irsa-trust-sub-exact',
  kind: 'iam.role',
  title: 'IRSA trust policies name exact service accounts',
  severity: 'medium',
  description:
    'For each EKS issuer an IRSA role trusts (key `Provider::<issuer>`), the `sub` condition names service accounts exactly: ' +
    'a namespace-wide pattern such as `system:serviceaccount:<namespace>:*` fails. Trusts whose pattern reaches several ' +
    'namespaces are NOT_APPLICABLE here (eks-irsa-trust-sub-single-namespace fails them), as are trusts without a sub condition.',
  risk: 'Every service account of the namespace, present or future (CI runners, debug pods, a compromised app), gets the role\'s permissions.',
  remediation: 'List the service accounts with StringEquals instead of the pattern, or give each workload its own role.',
  references: [eksGuide('associate-service-account-role'), EKS_BEST_PRACTICES_IAM, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(role, ctx) {
    return judgeIrsaTrusts(role, ctx, ({ trust }) => {
      const sub = trust.sub;
      if (sub.state === 'unknown') return unknown(`Whether the ${trust.issuer} subject is exact depends on unresolved values.`);
      if (sub.state === 'absent' || sub.state === 'weak') return notApplicable(`${trust.issuer}:sub is not constrained at all (see eks-irsa-trust-has-sub).`);
      if (sub.state === 'exact') return pass(`${trust.issuer}:sub names ${sub.values.join(', ')}.`, { evidence: { sub } });
      const reaches = sub.values.map(subjectReach);
      if (reaches.includes('many-namespaces')) return notApplicable(`${trust.issuer}:sub reaches several namespaces (see eks-irsa-trust-sub-single-namespace).`);
      const namespaceWide = sub.values.filter((v) => subjectReach(v) === 'one-namespace');
      if (namespaceWide.length === 0) return pass(`${trust.issuer}:sub admits only ${sub.values.join(', ')}.`, { evidence: { sub } });
      return fail(`Every service account matching ${namespaceWide.join(', ')} on the cluster behind ${trust.issuer} can assume the role (${trust.statement}).`, {
        evidence: { statement: trust.statement, sub },
      });
    });
  },
});
