import { defineResourceCheck, fail, must, notApplicable, pass, type CheckContext } from '../../engine/check';
import { describeResolvable, type Resolvable, type SecurityGroup } from '../../model';
import { attempt, mentions, referenceIds, undecided } from './lib/decide';
import { groupLabel } from './lib/exposure';
import { isGone } from './lib/instances';

interface Holder {
  readonly by: string;
  readonly references: readonly Resolvable<string>[];
}

/**
 * Everything in the group's region that can hold a security group, by kind. Network interfaces
 * cover instances, load balancers, databases, Lambda functions and EKS; the rest covers what has
 * no interface yet: stopped or template instances, launch templates, rules that reference the
 * group, and EKS cluster configuration.
 */
function holders(group: SecurityGroup, ctx: CheckContext): (() => Holder[])[] {
  const { inventory, region } = ctx;
  return [
    () => inventory.inRegion('ec2.network-interface', region).map((eni) => ({ by: `network interface ${eni.networkInterfaceId}`, references: eni.securityGroupIds })),
    () =>
      inventory.inRegion('ec2.instance', region)
        .filter((instance) => !isGone(instance.state))
        .map((instance) => ({ by: `instance ${describeResolvable(instance.instanceId)}`, references: instance.securityGroupIds })),
    () =>
      inventory.inRegion('ec2.launch-template', region).map((template) => ({
        by: `launch template ${describeResolvable(template.name)}`,
        references: template.versions.flatMap((v) => v.securityGroupIds),
      })),
    () =>
      inventory.inRegion('ec2.security-group', region)
        .filter((other) => other.id !== group.id)
        .map((other) => ({
          by: `a rule of ${groupLabel(other)}`,
          references: [...other.ingress, ...other.egress].flatMap((r) => (r.peer.type === 'security-group' ? [r.peer.groupId] : [])),
        })),
    () =>
      inventory.inRegion('eks.cluster', region).map((cluster) => ({
        by: `EKS cluster ${describeResolvable(cluster.name)}`,
        references: [...cluster.securityGroupIds, ...(cluster.clusterSecurityGroupId === undefined ? [] : [cluster.clusterSecurityGroupId])],
      })),
  ];
}

export const ec2SgInUse = defineResourceCheck({
  id: 'ec2-sg-in-use',
  kind: 'ec2.security-group',
  title: 'Security groups are in use',
  severity: 'low',
  description:
    'The security group is attached to a network interface or instance, named by a launch template or an EKS cluster, or ' +
    'referenced by another group\'s rule. It PASSes as soon as one use is found; it FAILs only when every one of those kinds ' +
    'was collected in the region and none uses it, and is UNKNOWN otherwise. Default security groups cannot be deleted and ' +
    'are NOT_APPLICABLE. Security Hub retired EC2.22 from its standards (AWS Control Tower keeps it), hence the low severity.',
  risk:
    'Unused groups accumulate permissive rules nobody reviews; attaching one later (by name, by mistake, by an attacker with ' +
    'ec2:ModifyInstanceAttribute) silently opens those paths, and the clutter hides the groups that matter.',
  remediation: 'Delete groups nothing uses (aws ec2 delete-security-group --group-id <sg>) once you have confirmed they are not kept for a planned launch.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-22',
    'https://docs.aws.amazon.com/vpc/latest/userguide/deleting-security-groups.html',
  ],
  frameworks: { securityHub: ['EC2.22'] },

  evaluate(group, ctx) {
    if (must(group.groupName) === 'default') return notApplicable(`${groupLabel(group)} is a default security group, which cannot be deleted.`);
    const ids = referenceIds(group.id, group.groupId);
    const gaps: string[] = [];
    for (const list of holders(group, ctx)) {
      const listed = attempt(list);
      if (!listed.ok) {
        gaps.push(listed.reason);
        continue;
      }
      for (const holder of listed.value) {
        const match = mentions(holder.references, ids);
        if (match === 'yes') return pass(`${groupLabel(group)} is used by ${holder.by}.`, { evidence: { usedBy: holder.by } });
        if (match === 'maybe') gaps.push(`${holder.by} refers to a security group that is unresolved`);
      }
    }
    if (gaps.length > 0) return undecided(`Whether ${groupLabel(group)} is in use`, gaps);
    // Nothing names it by inventory id; whether anything names it by its AWS id needs that id.
    must(group.groupId);
    return fail(`${groupLabel(group)} is not used by any network interface, instance, launch template, security group rule or EKS cluster.`);
  },
});
