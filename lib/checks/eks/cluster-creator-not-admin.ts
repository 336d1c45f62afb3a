import { defineResourceCheck, fail, must, pass, unknown, type CheckContext, type Verdict } from '../../engine/check';
import { describeResolvable, type EksAccessEntry, type EksCluster } from '../../model';
import { clusterAdminPolicies } from './lib/access';
import { partsOf } from './lib/lookup';
import { EKS_BEST_PRACTICES_IAM, eksGuide, wellArchitected } from './lib/references';
import { listed } from './lib/verdicts';

/** EKS creates the creator's access entry while it creates the cluster: an admin entry this close to creation is taken for it. */
const BOOTSTRAP_WINDOW_MS = 30 * 60 * 1000;

export const eksClusterCreatorNotAdmin = defineResourceCheck({
  id: 'eks-cluster-creator-not-admin',
  kind: 'eks.cluster',
  title: 'The EKS cluster creator does not keep cluster-admin',
  severity: 'medium',
  description:
    'The cluster was created with bootstrapClusterCreatorAdminPermissions=false, or the cluster-admin access entry EKS gave its ' +
    'creator is gone. With the flag on, an entry holding AmazonEKSClusterAdminPolicy created within 30 minutes of the cluster ' +
    'is taken for the creator\'s and fails; no cluster-admin entry at all passes; other cluster-admin entries leave it UNKNOWN ' +
    '(a cluster migrated from aws-auth gets the creator\'s entry at migration time). CONFIG_MAP clusters fail: their creator ' +
    'holds system:masters outside aws-auth, invisible to every API. Templates with the flag on (the CloudFormation default) fail.',
  risk:
    'Whoever created the cluster (often a CI role or a departed engineer) stays cluster-admin, unlisted in the team\'s own ' +
    'access design; stealing that principal\'s credentials owns the cluster.',
  remediation:
    'Create clusters with --access-config bootstrapClusterCreatorAdminPermissions=false and explicit access entries; for existing ' +
    'clusters delete the creator\'s access entry (aws eks delete-access-entry) after granting admins their own entries.',
  references: [eksGuide('access-entries'), EKS_BEST_PRACTICES_IAM, wellArchitected('sec_permissions_least_privileges')],
  frameworks: { wellArchitected: ['SEC03-BP02'] },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    const mode = must(cluster.access.authenticationMode);
    if (mode === 'CONFIG_MAP') return fail(`The creator of cluster ${name} holds system:masters outside aws-auth, invisible to the EKS API (authentication mode CONFIG_MAP).`);
    const bootstrap = cluster.access.bootstrapClusterCreatorAdminPermissions;
    if (bootstrap === undefined) return unknown(`Whether the creator of cluster ${name} was made cluster-admin was not recorded.`);
    if (!must(bootstrap)) return pass(`Cluster ${name} was created without cluster-admin for its creator.`);
    if (cluster.origin.kind === 'cfn') return fail(`Cluster ${name} gives the principal that deploys the stack a permanent cluster-admin access entry.`);
    return judgeBootstrapEntry(cluster, name, ctx);
  },
});

function judgeBootstrapEntry(cluster: EksCluster, name: string, ctx: CheckContext): Verdict {
  const admins = partsOf('eks.access-entry', cluster, ctx).filter((e) => clusterAdminPolicies(e).length > 0);
  if (admins.length === 0) return pass(`The creator of cluster ${name} was made cluster-admin, but no access entry holds cluster-admin any more.`);
  const created = cluster.createdAt === undefined ? undefined : new Date(cluster.createdAt).getTime();
  const bootstrap = created === undefined ? [] : admins.filter((e) => e.createdAt !== undefined && Math.abs(new Date(e.createdAt).getTime() - created) <= BOOTSTRAP_WINDOW_MS);
  const principals = (entries: EksAccessEntry[]) => listed(entries.map((e) => describeResolvable(e.principalArn)));
  if (bootstrap.length > 0) {
    return fail(`The creator of cluster ${name} still holds cluster-admin through the access entry created with the cluster: ${principals(bootstrap)}.`, {
      evidence: { principals: bootstrap.map((e) => describeResolvable(e.principalArn)) },
    });
  }
  return unknown(`Cluster ${name} made its creator cluster-admin; whether the creator is one of the cluster-admin entries ${principals(admins)} cannot be told.`);
}
