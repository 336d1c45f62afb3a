import type {
  FlowLog as SdkFlowLog,
  IpPermission,
  ManagedPrefixList as SdkPrefixList,
  NetworkAcl as SdkNetworkAcl,
  NetworkAclEntry,
  NetworkInterface as SdkNetworkInterface,
  PrefixListEntry,
  SecurityGroup as SdkSecurityGroup,
  Subnet as SdkSubnet,
  Vpc as SdkVpc,
} from '@aws-sdk/client-ec2';
import type { FlowLog, ManagedPrefixList, NaclEntry, NetworkAcl, NetworkInterface, SecurityGroup, SgPeer, SgRule, Subnet, Vpc } from '../../../../model';
import { compact, tagMap } from '../../convert';
import { awsOrigin, distinct, ec2Arn, type Where } from './where';

/** Pure mappings from EC2's VPC-side Describe* shapes to the model, applying EC2's defaults. */

const ASSOCIATED = 'associated';

export function toVpc(v: SdkVpc, at: Where): Vpc {
  const arn = ec2Arn(at, 'vpc', v.VpcId!, v.OwnerId);
  const extraIpv4 = (v.CidrBlockAssociationSet ?? []).filter((a) => a.CidrBlockState?.State === ASSOCIATED).map((a) => a.CidrBlock);
  return compact({
    kind: 'ec2.vpc' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(v.Tags),
    vpcId: v.VpcId!,
    // The primary block first, then blocks associated later; a block being disassociated no longer counts.
    cidrBlocks: distinct([v.CidrBlock, ...extraIpv4]),
    ipv6CidrBlocks: distinct((v.Ipv6CidrBlockAssociationSet ?? []).filter((a) => a.Ipv6CidrBlockState?.State === ASSOCIATED).map((a) => a.Ipv6CidrBlock)),
    isDefault: v.IsDefault ?? false,
    state: v.State,
  });
}

export function toSubnet(s: SdkSubnet, at: Where): Subnet {
  const arn = s.SubnetArn ?? ec2Arn(at, 'subnet', s.SubnetId!, s.OwnerId);
  return compact({
    kind: 'ec2.subnet' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(s.Tags),
    subnetId: s.SubnetId!,
    vpcId: s.VpcId!,
    cidrBlock: s.CidrBlock,
    ipv6CidrBlocks: distinct((s.Ipv6CidrBlockAssociationSet ?? []).filter((a) => a.Ipv6CidrBlockState?.State === ASSOCIATED).map((a) => a.Ipv6CidrBlock)),
    availabilityZone: s.AvailabilityZone,
    mapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
    assignIpv6AddressOnCreation: s.AssignIpv6AddressOnCreation ?? false,
  });
}

/** Protocol and ports of a permission. `-1` (all traffic) has no ports; other protocols keep what AWS says (ICMP: type and code). */
function trafficOf(p: IpPermission): Pick<SgRule, 'protocol' | 'fromPort' | 'toPort'> {
  const protocol = p.IpProtocol ?? '-1';
  if (protocol === '-1') return { protocol };
  return compact({ protocol, fromPort: p.FromPort, toPort: p.ToPort });
}

/**
 * One model rule per peer: an IpPermission groups IPv4 ranges, IPv6 ranges, prefix lists and
 * security groups that share protocol and ports, and each of them is a rule of its own.
 */
export function toSgRules(permissions: readonly IpPermission[] | undefined): SgRule[] {
  return (permissions ?? []).flatMap((p) => {
    const traffic = trafficOf(p);
    const rule = (peer: SgPeer, description: string | undefined): SgRule => compact({ ...traffic, peer, description });
    return [
      ...(p.IpRanges ?? []).map((r) => rule({ type: 'ipv4', cidr: r.CidrIp! }, r.Description)),
      ...(p.Ipv6Ranges ?? []).map((r) => rule({ type: 'ipv6', cidr: r.CidrIpv6! }, r.Description)),
      ...(p.PrefixListIds ?? []).map((r) => rule({ type: 'prefix-list', prefixListId: r.PrefixListId! }, r.Description)),
      // A default-VPC reference may name the group only; a rule is never dropped, whatever names its peer.
      ...(p.UserIdGroupPairs ?? []).map((r) =>
        rule(compact({ type: 'security-group' as const, groupId: r.GroupId ?? r.GroupName ?? 'unknown', accountId: r.UserId }), r.Description),
      ),
    ];
  });
}

export function toSecurityGroup(g: SdkSecurityGroup, at: Where): SecurityGroup {
  const arn = g.SecurityGroupArn ?? ec2Arn(at, 'security-group', g.GroupId!, g.OwnerId);
  return compact({
    kind: 'ec2.security-group' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(g.Tags),
    groupId: g.GroupId!,
    groupName: g.GroupName ?? g.GroupId!,
    vpcId: g.VpcId,
    description: g.Description,
    ingress: toSgRules(g.IpPermissions),
    egress: toSgRules(g.IpPermissionsEgress),
  });
}

/** Prefix lists the groups' rules (ingress and egress) refer to. */
export function referencedPrefixListIds(groups: readonly SdkSecurityGroup[]): string[] {
  return distinct(groups.flatMap((g) => [...(g.IpPermissions ?? []), ...(g.IpPermissionsEgress ?? [])]).flatMap((p) => (p.PrefixListIds ?? []).map((r) => r.PrefixListId)));
}

export function toNaclEntry(e: NetworkAclEntry): NaclEntry {
  return compact({
    ruleNumber: e.RuleNumber!,
    egress: e.Egress ?? false,
    // AWS always states the action; were it ever missing, reading it as allow can only surface exposure, never hide it.
    action: e.RuleAction === 'deny' ? ('deny' as const) : ('allow' as const),
    protocol: e.Protocol ?? '-1',
    cidr: e.Ipv6CidrBlock ? { type: 'ipv6' as const, cidr: e.Ipv6CidrBlock } : { type: 'ipv4' as const, cidr: e.CidrBlock! },
    portRange: e.PortRange?.From !== undefined && e.PortRange.To !== undefined ? { from: e.PortRange.From, to: e.PortRange.To } : undefined,
  });
}

export function toNetworkAcl(a: SdkNetworkAcl, at: Where): NetworkAcl {
  const arn = ec2Arn(at, 'network-acl', a.NetworkAclId!, a.OwnerId);
  return compact({
    kind: 'ec2.network-acl' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(a.Tags),
    networkAclId: a.NetworkAclId!,
    vpcId: a.VpcId!,
    isDefault: a.IsDefault ?? false,
    associatedSubnetIds: distinct((a.Associations ?? []).map((s) => s.SubnetId)),
    entries: (a.Entries ?? []).map(toNaclEntry),
  });
}

export function toFlowLog(f: SdkFlowLog, at: Where): FlowLog {
  const arn = ec2Arn(at, 'vpc-flow-log', f.FlowLogId!);
  return compact({
    kind: 'ec2.flow-log' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(f.Tags),
    flowLogId: f.FlowLogId!,
    resourceId: f.ResourceId!,
    // Transit gateway flow logs have no traffic type: they capture all traffic.
    trafficType: f.TrafficType ?? 'ALL',
    status: f.FlowLogStatus,
    deliverLogsStatus: f.DeliverLogsStatus,
    destinationType: f.LogDestinationType ?? 'cloud-watch-logs',
  });
}

export function toNetworkInterface(n: SdkNetworkInterface, at: Where): NetworkInterface {
  const arn = ec2Arn(at, 'network-interface', n.NetworkInterfaceId!, n.OwnerId);
  return compact({
    kind: 'ec2.network-interface' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(n.TagSet),
    networkInterfaceId: n.NetworkInterfaceId!,
    subnetId: n.SubnetId,
    vpcId: n.VpcId,
    interfaceType: n.InterfaceType,
    securityGroupIds: distinct((n.Groups ?? []).map((g) => g.GroupId)),
    attachedInstanceId: n.Attachment?.InstanceId,
    publicIp: n.Association?.PublicIp,
    requesterId: n.RequesterId,
  });
}

export function toPrefixList(list: SdkPrefixList, entries: readonly PrefixListEntry[], at: Where): ManagedPrefixList {
  const arn = list.PrefixListArn ?? ec2Arn(at, 'prefix-list', list.PrefixListId!, list.OwnerId);
  return compact({
    kind: 'ec2.prefix-list' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(list.Tags),
    prefixListId: list.PrefixListId!,
    name: list.PrefixListName ?? list.PrefixListId!,
    ownerId: list.OwnerId,
    addressFamily: list.AddressFamily === 'IPv6' ? ('IPv6' as const) : ('IPv4' as const),
    cidrs: distinct(entries.map((e) => e.Cidr)),
  });
}
