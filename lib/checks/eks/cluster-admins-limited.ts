import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { describeResolvable } from '../../model';
import { integerOption } from '../ec2/lib/options';
import { clusterAdminPolicies } from './lib/access';
import { partsOf } from './lib/lookup';
import { EKS_BEST_PRACTICES_IAM, eksGuide, wellArchitected } from './lib/references';
import { listed } from './lib/verdicts';

export const eksClusterAdminsLimited = defineResourceCheck({
  id: 'eks-cluster-admins-limited',
  kind: 'eks.cluster',
  title: 'Few principals are EKS cluster administrators',
  severity: 'medium',
  description:
    'At most `maxClusterAdmins` (default 3) access entries of the cluster hold AmazonEKSClusterAdminPolicy or ' +
    'AmazonEKSAdminPolicy at cluster scope. CONFIG_MAP clusters are NOT_APPLICABLE: their administrators sit in the aws-auth ' +
    'ConfigMap, which the EKS API does not show (eks-authentication-mode-api fails them).',
  risk: 'Every additional cluster-admin principal is another credential whose theft owns every workload, Secret and node of the cluster.',
  remediation:
    'Keep one or two break-glass admin roles; give teams AmazonEKSEditPolicy or AmazonEKSViewPolicy scoped to their namespaces ' +
    '(aws eks associate-access-policy --access-scope type=namespace,namespaces=<ns>).',
  references: [eksGuide('access-policies'), EKS_BEST_PRACTICES_IAM, wellArchitected('sec_permissions_least_privileges')],
  frameworks: { wellArchitected: ['SEC03-BP02'] },
  defaultOptions: { maxClusterAdmins: 3 },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    const max = integerOption(ctx, 'maxClusterAdmins', 0, 1000);
    if (must(cluster.access.authenticationMode) === 'CONFIG_MAP') return notApplicable(`Cluster ${name} grants access through aws-auth only, which the EKS API does not list.`);
    const admins = partsOf('eks.access-entry', cluster, ctx)
      .filter((e) => clusterAdminPolicies(e).length > 0)
      .map((e) => describeResolvable(e.principalArn));
    const evidence = { clusterAdmins: admins, maxClusterAdmins: max };
    return admins.length > max
      ? fail(`Cluster ${name} has ${admins.length} cluster administrators (allowed: ${max}): ${listed(admins)}.`, { evidence })
      : pass(`Cluster ${name} has ${admins.length} cluster administrator${admins.length === 1 ? '' : 's'} (allowed: ${max}).`, { evidence });
  },
});
