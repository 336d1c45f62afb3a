import { defineResourceCheck, fail, notApplicable, pass, unknown } from '../../engine/check';
import { judgeIrsaTrusts, subjectReach } from './lib/irsa';
import { CIS_EKS, EKS_BEST_PRACTICES_IAM, eksGuide } from './lib/references';

export const eksIrsaTrustSubSingleNamespace = defineResourceCheck({
  id: 'eks-irsa-trust-sub-single-namespace',
  kind: 'iam.role',
  title: 'IRSA trust policies do not admit service accounts across namespaces',
  severity: 'high',
  description:
    'For each EKS issuer an IRSA role trusts (key `Provider::<issuer>`), no admitted `sub` pattern reaches beyond one namespace: ' +
    '`system:serviceaccount:*:*`, `system:serviceaccount:*:default`, `system:serviceaccount:team-*:app` or a bare `*` fail. ' +
    'Only `StringLike` makes `*` and `?` wildcards; under `StringEquals` they are literal characters, and an exact condition ' +
    'next to a wildcard one wins (both must hold). A `ForAnyValue:` list is judged value by value. Trusts without a sub ' +
    'condition are NOT_APPLICABLE here (eks-irsa-trust-has-sub fails them); namespace-wide patterns are judged by eks-irsa-trust-sub-exact.',
  risk: 'A subject wildcard across namespaces lets any workload of the cluster assume the role, including ones created later by anyone who can create a service account.',
  remediation: 'Replace the StringLike pattern with StringEquals on "system:serviceaccount:<namespace>:<service-account>", one role per workload.',
  references: [eksGuide('associate-service-account-role'), EKS_BEST_PRACTICES_IAM, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(role, ctx) {
    return judgeIrsaTrusts(role, ctx, ({ trust }) => {
      const sub = trust.sub;
      if (sub.state === 'unknown') return unknown(`Whether the ${trust.issuer} subject reaches across namespaces depends on unresolved values.`);
      if (sub.state === 'absent' || sub.state === 'weak') return notApplicable(`${trust.issuer}:sub is not constrained at all (see eks-irsa-trust-has-sub).`);
      const wide = sub.state === 'wildcard' ? sub.values.filter((v) => subjectReach(v) === 'many-namespaces') : [];
      if (wide.length === 0) return pass(`${trust.issuer}:sub stays within one namespace (${sub.values.join(', ')}).`, { evidence: { sub } });
      return fail(`Service accounts of any namespace matching ${wide.join(', ')} on the cluster behind ${trust.issuer} can assume the role (${trust.statement}).`, {
        evidence: { statement: trust.statement, sub },
      });
    });
  },
});
