import { defineResourceCheck, fail, notApplicable, pass } from '../../engine/check';
import { isUnresolved } from '../../model';
import { judgeIrsaTrusts } from './lib/irsa';
import { clusterWithIssuer } from './lib/oidc';
import { isExternalIssuer } from './lib/options';
import { EKS_BEST_PRACTICES_IAM, eksGuide, wellArchitected } from './lib/references';

export const eksIrsaTrustIssuerLive = defineResourceCheck({
  id: 'eks-irsa-trust-issuer-live',
  kind: 'iam.role',
  title: 'IRSA roles trust only issuers of clusters that still exist',
  severity: 'low',
  description:
    'For each EKS issuer an IRSA role trusts (key `Provider::<issuer>`), a cluster with that issuer exists in the issuer\'s ' +
    'region. A trust left behind by a blue/green cluster replacement fails. The issuer\'s region must have been collected, ' +
    'else UNKNOWN. Option `externalIssuers` (default none; `*` and `?` wildcards) lists issuers of clusters in other accounts ' +
    '(cross-account IRSA): those are NOT_APPLICABLE.',
  risk:
    'The role still trusts a cluster that is gone: the workloads it was made for now run elsewhere with other permissions, the ' +
    'stale trust and its permissions outlive any review, and the role is a leftover nobody owns.',
  remediation:
    'Point the trust at the replacement cluster\'s issuer (every IRSA role must be updated when a cluster is replaced), or delete ' +
    'the role and the OIDC provider of the deleted cluster.',
  references: [eksGuide('associate-service-account-role'), EKS_BEST_PRACTICES_IAM, wellArchitected('sec_permissions_lifecycle')],
  frameworks: { wellArchitected: ['SEC03-BP06'] },
  defaultOptions: { externalIssuers: [] as string[] },

  evaluate(role, ctx) {
    return judgeIrsaTrusts(role, ctx, ({ issuer, trust }) => {
      if (!isUnresolved(issuer) && isExternalIssuer(issuer, ctx)) return notApplicable(`${trust.issuer} is the issuer of a cluster in another account (option externalIssuers).`);
      const cluster = clusterWithIssuer(issuer, ctx);
      if (cluster) return pass(`${trust.issuer} is the issuer of cluster ${cluster.id}.`, { evidence: { cluster: cluster.id } });
      return fail(`No cluster has the issuer ${trust.issuer} any more: the trust is left over from a deleted cluster (${trust.statement}).`, { evidence: { issuer: trust.issuer } });
    });
  },
});
