import { defineResourceCheck, fail, Indeterminate, must, notApplicable, pass, unknown, type CheckContext, type Verdict } from '../../engine/check';
import { describeResolvable, type SecurityGroup } from '../../model';
import { mentions, settle, undecided } from '../ec2/lib/decide';
import { evidenceOf, groupLabel, scanWorldIngress } from '../ec2/lib/exposure';
import { EKS_BEST_PRACTICES_NETWORK, eksGuide, wellArchitected } from './lib/references';

export const eksClusterSecurityGroupsNotOpenToWorld = defineResourceCheck({
  id: 'eks-cluster-security-groups-not-open-to-world',
  kind: 'eks.cluster',
  title: 'EKS cluster security groups admit nothing from the internet',
  severity: 'high',
  description:
    'Neither the cluster security group EKS created (shared by the control-plane network interfaces and managed nodes) nor the ' +
    'additional security groups of the cluster has an ingress rule from 0.0.0.0/0, ::/0 or a prefix list holding either, on any ' +
    'protocol or port. One finding per group, keyed `SecurityGroup::<id>`. A group missing from the inventory, or a rule that ' +
    'cannot be resolved, is UNKNOWN.',
  risk:
    'These groups guard the control plane\'s private endpoint and every managed node: a world-open rule exposes kubelets, node ' +
    'ports and the private API endpoint to anything that can route to the VPC.',
  remediation:
    'Remove the world-open rules (aws ec2 revoke-security-group-ingress); admit only the node security groups, the VPC CIDR or ' +
    'named prefix lists, and expose services through load balancers.',
  references: [eksGuide('sec-group-reqs'), EKS_BEST_PRACTICES_NETWORK, wellArchitected('sec_network_protection_layered')],
  frameworks: { wellArchitected: ['SEC05-BP02'] },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    const references = [...(cluster.clusterSecurityGroupId === undefined ? [] : [cluster.clusterSecurityGroupId]), ...cluster.securityGroupIds];
    if (references.length === 0) return notApplicable(`Cluster ${name} records no security group.`);
    const keys = new Map(references.map((r) => [`SecurityGroup::${describeResolvable(r)}`, r] as const));
    return [...keys].map(([key, reference]) => settle(key, () => judgeGroup(groupNamed(must(reference), ctx), key, ctx)));
  },
});

function groupNamed(reference: string, ctx: CheckContext): SecurityGroup | string {
  const groups = ctx.inventory.inRegion('ec2.security-group', ctx.region);
  const found = groups.find((g) => g.id === reference || mentions([g.groupId], new Set([reference])) === 'yes');
  if (!found && groups.some((g) => mentions([g.groupId], new Set([reference])) === 'maybe')) throw new Indeterminate(`a security group whose id is unresolved may be ${reference}`);
  return found ?? reference;
}

function judgeGroup(group: SecurityGroup | string, key: string, ctx: CheckContext): Verdict {
  if (typeof group === 'string') return unknown(`Security group ${group} is not in the inventory.`, key);
  const scan = scanWorldIngress(group, ctx, () => true);
  if (scan.open.length > 0) {
    return fail(`${groupLabel(group)} admits the internet: ${scan.open.map((r) => r.source).join(', ')}.`, { key, evidence: { rules: evidenceOf(scan.open) } });
  }
  if (scan.undecided.length > 0) return undecided(`Whether ${groupLabel(group)} admits the internet`, scan.undecided, key);
  return pass(`${groupLabel(group)} admits nothing from the internet.`, { key });
}
