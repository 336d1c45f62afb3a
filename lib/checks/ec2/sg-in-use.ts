import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import type { InventoryView } from '../../engine/inventory-view';
import { describeResolvable, isUnresolved, type Resolvable } from '../../model';
import { attempt, referenceIds, undecided, type Attempt } from './lib/decide';
import { groupLabel } from './lib/exposure';
import { isGone } from './lib/instances';

interface Holder {
  readonly by: string;
  readonly references: readonly Resolvable<string>[];
  /** The group whose rule this is (a group's reference to itself is not a use). */
  readonly owner?: string;
}

/**
 * Everything in a region that can hold a security group, by kind. Network interfaces cover
 * instances, load balancers, databases, Lambda functions and EKS; the rest covers what has no
 * interface yet: stopped or template instances, launch templates, rules that reference the group,
 * and EKS cluster configuration.
 */
function holderLists(inventory: InventoryView, region: string): (() => Holder[])[] {
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
      inventory.inRegion('ec2.security-group', region).map((other) => ({
        by: `a rule of ${groupLabel(other)}`,
        references: [...other.ingress, ...other.egress].flatMap((r) => (r.peer.type === 'security-group' ? [r.peer.groupId] : [])),
        owner: other.id,
      })),
    () =>
      inventory.inRegion('eks.cluster', region).map((cluster) => ({
        by: `EKS cluster ${describeResolvable(cluster.name)}`,
        references: [...cluster.securityGroupIds, ...(cluster.clusterSecurityGroupId === undefined ? [] : [cluster.clusterSecurityGroupId])],
      })),
  ];
}

/** One kind of holder in a region, indexed by the group ids its holders name. */
interface HolderIndex {
  readonly holders: readonly Holder[];
  /** Positions (ascending) of the holders naming each resolved id. */
  readonly naming: ReadonlyMap<string, readonly number[]>;
  /** Positions (ascending) of the holders with an unresolved reference, which may name any group. */
  readonly unsure: readonly number[];
}

function indexHolders(holders: Holder[]): HolderIndex {
  const naming = new Map<string, number[]>();
  const unsure: number[] = [];
  holders.forEach((holder, position) => {
    for (const reference of holder.references) {
      if (isUnresolved(reference)) {
        if (unsure[unsure.length - 1] !== position) unsure.push(position);
        continue;
      }
      const positions = naming.get(reference) ?? [];
      if (positions[positions.length - 1] !== position) positions.push(position);
      naming.set(reference, positions);
    }
  });
  return { holders, naming, unsure };
}

/**
 * The holder lists of a region, each indexed (or why it could not be listed), built once per
 * inventory: scanning every holder for every group is quadratic in large accounts.
 */
function holderIndexes(inventory: InventoryView, region: string): Attempt<HolderIndex>[] {
  return holderLists(inventory, region).map((list) => {
    const listed = attempt(list);
    return listed.ok ? { ok: true, value: indexHolders(listed.value) } : listed;
  });
}

/** The first holder (in inventory order) naming one of `ids`, other than the group itself. */
function firstUser(index: HolderIndex, ids: ReadonlySet<string>, self: string): Holder | undefined {
  let first: number | undefined;
  for (const id of ids) {
    const position = index.naming.get(id)?.find((p) => index.holders[p]!.owner !== self);
    if (position !== undefined && (first === undefined || position < first)) first = position;
  }
  return first === undefined ? undefined : index.holders[first];
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
    // Holder kinds in order; the first use found wins, and unresolved references only matter when none is.
    for (const listed of ctx.inventory.derived(holderIndexes, ctx.region)) {
      if (!listed.ok) {
        gaps.push(listed.reason);
        continue;
      }
      const user = firstUser(listed.value, ids, group.id);
      if (user) return pass(`${groupLabel(group)} is used by ${user.by}.`, { evidence: { usedBy: user.by } });
      const { holders, unsure } = listed.value;
      for (const position of unsure) {
        if (holders[position]!.owner !== group.id) gaps.push(`${holders[position]!.by} refers to a security group that is unresolved`);
      }
    }
    if (gaps.length > 0) return undecided(`Whether ${groupLabel(group)} is in use`, gaps);
    // Nothing names it by inventory id; whether anything names it by its AWS id needs that id.
    must(group.groupId);
    return fail(`${groupLabel(group)} is not used by any network interface, instance, launch template, security group rule or EKS cluster.`);
  },
});
