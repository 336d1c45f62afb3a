import {
  isUnresolved,
  unresolved,
  type LaunchTemplateVersion,
  type MetadataOptions,
  type NaclEntry,
  type NetworkInterface,
  type Resolvable,
  type SgPeer,
  type SgRule,
} from '../../../model';
import { bool, get, int, knownString, oneOf, str, strList, type MapContext } from '../context';
import { groupsNamedIn, templateGroups } from '../group-uses';
import type { Resolved } from '../intrinsics';
import { folds, owns, type Mapper } from './mapper';

// ---- Security group rules -----------------------------------------------------------------------

/** IP protocol numbers EC2 reports by name in DescribeSecurityGroupRules. */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6' };

function protocolOf(value: Resolved | undefined): Resolvable<string> {
  const p = str(value) ?? unresolved('<IpProtocol>');
  if (isUnresolved(p)) return p;
  const lower = p.toLowerCase();
  return PROTOCOL_NAMES[lower] ?? lower;
}

const INGRESS_PEERS = { ipv4: 'CidrIp', ipv6: 'CidrIpv6', prefixList: 'SourcePrefixListId', group: 'SourceSecurityGroupId', groupName: 'SourceSecurityGroupName', owner: 'SourceSecurityGroupOwnerId' };
const EGRESS_PEERS = { ipv4: 'CidrIp', ipv6: 'CidrIpv6', prefixList: 'DestinationPrefixListId', group: 'DestinationSecurityGroupId', groupName: undefined, owner: undefined };

/** One model rule per peer the CloudFormation rule names (EC2 lists them one by one too). */
function rulesOf(r: Record<string, Resolved>, direction: 'ingress' | 'egress'): SgRule[] {
  const fields = direction === 'ingress' ? INGRESS_PEERS : EGRESS_PEERS;
  const peers: SgPeer[] = [];
  if (r[fields.ipv4] !== undefined) peers.push({ type: 'ipv4', cidr: str(r[fields.ipv4])! });
  if (r[fields.ipv6] !== undefined) peers.push({ type: 'ipv6', cidr: str(r[fields.ipv6])! });
  if (r[fields.prefixList] !== undefined) peers.push({ type: 'prefix-list', prefixListId: str(r[fields.prefixList])! });
  const group = r[fields.group] ?? (fields.groupName ? r[fields.groupName] : undefined);
  if (group !== undefined) {
    const owner = fields.owner ? knownString(r[fields.owner]) : undefined;
    peers.push({ type: 'security-group', groupId: str(group)!, ...(owner ? { accountId: owner } : {}) });
  }
  // A rule without a peer is not valid CloudFormation; keep it as unknown rather than drop it.
  if (peers.length === 0) peers.push({ type: 'ipv4', cidr: unresolved('<rule without a peer>') });
  const protocol = protocolOf(r.IpProtocol);
  const allTraffic = protocol === '-1';
  const description = knownString(r.Description);
  return peers.map((peer) => ({
    protocol,
    ...(!allTraffic && r.FromPort !== undefined ? { fromPort: int(r.FromPort)! } : {}),
    ...(!allTraffic && r.ToPort !== undefined ? { toPort: int(r.ToPort)! } : {}),
    peer,
    ...(description !== undefined ? { description } : {}),
  }));
}

/** Does the template give the VPC (a Ref/GetAtt value) an IPv6 block? Decides whether EC2's defaults include `::/0`. */
function vpcHasIpv6(x: MapContext, vpcValue: Resolved | undefined): boolean {
  const vpc = x.scope.findReferenced(vpcValue, ['AWS::EC2::VPC']);
  if (!vpc) return false;
  return x.scope.logicalIdsOfType('AWS::EC2::VPCCidrBlock').some((block) => {
    const p = x.scope.properties(block);
    return x.scope.findReferenced(p.VpcId, ['AWS::EC2::VPC']) === vpc && (p.AmazonProvidedIpv6CidrBlock !== undefined || p.Ipv6CidrBlock !== undefined || p.Ipv6IpamPoolId !== undefined || p.Ipv6Pool !== undefined);
  });
}

function allOutbound(cidr: SgPeer): SgRule {
  return { protocol: '-1', peer: cidr };
}

// ---- Network ACL entries ------------------------------------------------------------------------

function naclEntry(p: Record<string, Resolved>): NaclEntry {
  const protocol = str(p.Protocol) ?? unresolved('<Protocol>');
  const from = get(p, 'PortRange', 'From');
  const to = get(p, 'PortRange', 'To');
  return {
    ruleNumber: int(p.RuleNumber) ?? unresolved('<RuleNumber>'),
    egress: bool(p.Egress) ?? false,
    action: oneOf(p.RuleAction, ['allow', 'deny'] as const, (s) => s.toLowerCase()) ?? unresolved('<RuleAction>'),
    protocol,
    cidr:
      p.Ipv6CidrBlock !== undefined && p.CidrBlock === undefined
        ? { type: 'ipv6', cidr: str(p.Ipv6CidrBlock)! }
        : { type: 'ipv4', cidr: str(p.CidrBlock) ?? unresolved('<CidrBlock>') },
    ...(from !== undefined || to !== undefined ? { portRange: { from: int(from) ?? unresolved('<PortRange.From>'), to: int(to) ?? unresolved('<PortRange.To>') } } : {}),
  };
}

/** Every network ACL ends with EC2's catch-all deny rules (rule `*`, number 32767), in both directions. */
function defaultNaclEntries(ipv6: boolean): NaclEntry[] {
  const cidrs = [{ type: 'ipv4' as const, cidr: '0.0.0.0/0' }, ...(ipv6 ? [{ type: 'ipv6' as const, cidr: '::/0' }] : [])];
  return [false, true].flatMap((egress) => cidrs.map((cidr) => ({ ruleNumber: 32767, egress, action: 'deny' as const, protocol: '-1', cidr })));
}

// ---- Instances and launch templates -------------------------------------------------------------

/** Metadata options as EC2 applies them to an instance: unset values come from the AMI and the account defaults. */
function instanceMetadataOptions(value: Resolved | undefined, fromLaunchTemplate: LaunchTemplateVersion['metadataOptions']): MetadataOptions {
  const given = value ?? undefined;
  const tokens = oneOf(get(given, 'HttpTokens'), ['required', 'optional'] as const) ?? fromLaunchTemplate?.httpTokens;
  const hops = int(get(given, 'HttpPutResponseHopLimit')) ?? fromLaunchTemplate?.httpPutResponseHopLimit;
  const endpoint = oneOf(get(given, 'HttpEndpoint'), ['enabled', 'disabled'] as const) ?? fromLaunchTemplate?.httpEndpoint;
  return {
    // IMDSv2 enforcement and the hop limit default to the AMI's and the account's settings, which a template does not show.
    httpTokens: tokens ?? unresolved('<IMDS default of the AMI and account>'),
    httpPutResponseHopLimit: hops ?? unresolved('<IMDS default hop limit of the account>'),
    httpEndpoint: endpoint ?? 'enabled',
  };
}

function launchTemplateVersion(x: MapContext, data: Resolved | undefined): LaunchTemplateVersion {
  const metadata = get(data, 'MetadataOptions');
  const interfaces = x.objects(get(data, 'NetworkInterfaces'), 'LaunchTemplateData.NetworkInterfaces');
  const primary = interfaces.find((n) => String(n.DeviceIndex ?? '0') === '0');
  const associatePublicIp = bool(primary?.AssociatePublicIpAddress);
  const imageId = str(get(data, 'ImageId'));
  const keyName = str(get(data, 'KeyName'));
  return {
    versionNumber: 1,
    ...(metadata !== undefined
      ? {
          metadataOptions: isUnresolved(metadata)
            ? { httpTokens: metadata, httpPutResponseHopLimit: metadata, httpEndpoint: metadata }
            : {
                ...optional('httpTokens', oneOf(get(metadata, 'HttpTokens'), ['required', 'optional'] as const)),
                ...optional('httpPutResponseHopLimit', int(get(metadata, 'HttpPutResponseHopLimit'))),
                ...optional('httpEndpoint', oneOf(get(metadata, 'HttpEndpoint'), ['enabled', 'disabled'] as const)),
              },
        }
      : {}),
    blockDevices: x.objects(get(data, 'BlockDeviceMappings'), 'LaunchTemplateData.BlockDeviceMappings').flatMap((m) => blockDevice(m)),
    ...optional('associatePublicIp', associatePublicIp),
    securityGroupIds: [...(strList(get(data, 'SecurityGroupIds')) ?? []), ...(strList(get(data, 'SecurityGroups')) ?? []), ...interfaces.flatMap((n) => strList(n.Groups) ?? [])],
    ...optional('imageId', imageId),
    ...optional('keyName', keyName),
    hasUserData: get(data, 'UserData') !== undefined,
  };
}

function blockDevice(m: Record<string, Resolved>): LaunchTemplateVersion['blockDevices'] {
  const ebs = m.Ebs;
  if (ebs === undefined) return [];
  return [
    {
      deviceName: str(m.DeviceName) ?? unresolved('<DeviceName>'),
      ...optional('encrypted', bool(get(ebs, 'Encrypted'))),
      ...optional('kmsKeyId', str(get(ebs, 'KmsKeyId'))),
      ...optional('volumeType', str(get(ebs, 'VolumeType'))),
      ...optional('volumeSize', int(get(ebs, 'VolumeSize'))),
    },
  ];
}

// ---- Network interfaces AWS creates for template resources --------------------------------------

interface InterfaceDetails {
  readonly interfaceType: string;
  /** The group list, evaluated and as written (a group hidden in an undecidable value is only seen in the latter). */
  readonly groups: { readonly resolved: Resolved | undefined; readonly raw: unknown };
  readonly vpcId?: Resolved | undefined;
  readonly subnetId?: Resolved | undefined;
}

/**
 * The network interfaces a resource gets, as one record (AWS creates one per subnet, all with the
 * same groups). `securityGroupIds` lists the groups the template names; the others (the VPC's
 * default group when none is given, an EKS cluster's group, a group from a parameter or another
 * stack) are never groups of this template and are left out. A group of the template hidden in a
 * value the template leaves open makes the record incomplete, so its use is not decided without it.
 */
function networkInterfaceOf(x: MapContext, details: InterfaceDetails): NetworkInterface {
  const named = (strList(details.groups.resolved) ?? []).filter((g): g is string => typeof g === 'string');
  const hidden = [...groupsNamedIn(details.groups.raw, templateGroups(x.scope), x.scope)].map((g) => x.scope.idOf(g)).filter((id) => !named.includes(id));
  if (hidden.length > 0) x.markIncomplete(`its security groups may include ${hidden.join(', ')} through a value the template does not determine`);
  return {
    kind: 'ec2.network-interface',
    networkInterfaceId: x.id,
    ...optional('vpcId', knownString(details.vpcId)),
    ...optional('subnetId', knownString(details.subnetId)),
    interfaceType: details.interfaceType,
    securityGroupIds: named,
    ...x.base(),
  };
}

/** A property as the template writes it, before evaluation. */
function rawProperty(x: MapContext, ...path: string[]): unknown {
  let node: unknown = x.scope.template.Resources[x.logicalId]?.Properties;
  for (const key of path) node = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export const EC2_MAPPERS: readonly Mapper[] = [
  owns('AWS::EC2::VPC', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'ec2.vpc',
      vpcId: x.ref,
      cidrBlocks: [str(p.CidrBlock) ?? unresolved(`<${x.logicalId} IPAM CIDR>`)],
      ipv6CidrBlocks: [],
      isDefault: false,
      ...x.base(),
    });
  }),

  folds('AWS::EC2::VPCCidrBlock', (x) => {
    const p = x.props;
    const vpc = x.out.owner(x.scope.findReferenced(p.VpcId, ['AWS::EC2::VPC']), 'ec2.vpc');
    if (!vpc) return;
    if (p.CidrBlock !== undefined || p.Ipv4IpamPoolId !== undefined) vpc.cidrBlocks.push(str(p.CidrBlock) ?? unresolved(`<${x.logicalId} IPAM CIDR>`));
    if (p.Ipv6CidrBlock !== undefined) vpc.ipv6CidrBlocks.push(str(p.Ipv6CidrBlock)!);
    else if (p.AmazonProvidedIpv6CidrBlock !== undefined || p.Ipv6IpamPoolId !== undefined || p.Ipv6Pool !== undefined) {
      vpc.ipv6CidrBlocks.push(unresolved(`<${x.logicalId}.Ipv6CidrBlock>`));
    }
    x.out.contributed(x.logicalId, vpc.id);
  }),

  owns('AWS::EC2::Subnet', (x) => {
    const p = x.props;
    const zone = str(p.AvailabilityZone) ?? str(p.AvailabilityZoneId);
    x.out.add(x.logicalId, {
      kind: 'ec2.subnet',
      subnetId: x.ref,
      vpcId: str(p.VpcId) ?? unresolved('<VpcId>'),
      ...optional('cidrBlock', str(p.CidrBlock)),
      ipv6CidrBlocks: strList(p.Ipv6CidrBlock) ?? strList(p.Ipv6CidrBlocks) ?? [],
      ...optional('availabilityZone', zone),
      mapPublicIpOnLaunch: bool(p.MapPublicIpOnLaunch) ?? false,
      assignIpv6AddressOnCreation: bool(p.AssignIpv6AddressOnCreation) ?? false,
      ...x.base(),
    });
  }),

  owns('AWS::EC2::SecurityGroup', (x) => {
    const p = x.props;
    const ingress = x.objects(p.SecurityGroupIngress, 'SecurityGroupIngress').flatMap((r) => rulesOf(r, 'ingress'));
    const egress = x.objects(p.SecurityGroupEgress, 'SecurityGroupEgress').flatMap((r) => rulesOf(r, 'egress'));
    // EC2 adds allow-all egress to a group created without egress rules; rules added later by
    // separate SecurityGroupEgress resources do not remove it.
    const defaultEgress =
      p.SecurityGroupEgress === undefined || (Array.isArray(p.SecurityGroupEgress) && p.SecurityGroupEgress.length === 0)
        ? [allOutbound({ type: 'ipv4', cidr: '0.0.0.0/0' }), ...(vpcHasIpv6(x, p.VpcId) ? [allOutbound({ type: 'ipv6', cidr: '::/0' })] : [])]
        : [];
    const description = knownString(p.GroupDescription);
    x.out.add(x.logicalId, {
      kind: 'ec2.security-group',
      groupId: x.ref,
      groupName: str(p.GroupName) ?? x.id,
      ...optional('vpcId', str(p.VpcId)),
      ...optional('description', description),
      ingress,
      egress: [...egress, ...defaultEgress],
      ...x.base(),
    });
  }),

  folds('AWS::EC2::SecurityGroupIngress', (x) => {
    const group = x.out.owner(x.scope.findReferenced(x.props.GroupId ?? x.props.GroupName, ['AWS::EC2::SecurityGroup']), 'ec2.security-group');
    if (!group) return;
    group.ingress.push(...rulesOf(x.props, 'ingress'));
    x.out.contributed(x.logicalId, group.id);
  }),

  folds('AWS::EC2::SecurityGroupEgress', (x) => {
    const group = x.out.owner(x.scope.findReferenced(x.props.GroupId, ['AWS::EC2::SecurityGroup']), 'ec2.security-group');
    if (!group) return;
    group.egress.push(...rulesOf(x.props, 'egress'));
    x.out.contributed(x.logicalId, group.id);
  }),

  owns('AWS::EC2::NetworkAcl', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'ec2.network-acl',
      networkAclId: x.ref,
      vpcId: str(p.VpcId) ?? unresolved('<VpcId>'),
      isDefault: false,
      associatedSubnetIds: [],
      entries: defaultNaclEntries(vpcHasIpv6(x, p.VpcId)),
      ...x.base(),
    });
  }),

  folds('AWS::EC2::NetworkAclEntry', (x) => {
    const acl = x.out.owner(x.scope.findReferenced(x.props.NetworkAclId, ['AWS::EC2::NetworkAcl']), 'ec2.network-acl');
    if (!acl) return;
    acl.entries.push(naclEntry(x.props));
    x.out.contributed(x.logicalId, acl.id);
  }),

  folds('AWS::EC2::SubnetNetworkAclAssociation', (x) => {
    const acl = x.out.owner(x.scope.findReferenced(x.props.NetworkAclId, ['AWS::EC2::NetworkAcl']), 'ec2.network-acl');
    if (!acl) return;
    acl.associatedSubnetIds.push(str(x.props.SubnetId) ?? unresolved('<SubnetId>'));
    x.out.contributed(x.logicalId, acl.id);
  }),

  owns('AWS::EC2::FlowLog', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'ec2.flow-log',
      flowLogId: x.ref,
      resourceId: str(p.ResourceId) ?? unresolved('<ResourceId>'),
      // Only transit-gateway flow logs may omit TrafficType, and they capture all traffic.
      trafficType: oneOf(p.TrafficType, ['ACCEPT', 'REJECT', 'ALL'] as const, (s) => s.toUpperCase()) ?? 'ALL',
      destinationType: str(p.LogDestinationType) ?? 'cloud-watch-logs',
      ...x.base(),
    });
  }),

  owns('AWS::EC2::LaunchTemplate', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'ec2.launch-template',
      launchTemplateId: x.ref,
      name: str(p.LaunchTemplateName) ?? x.id,
      defaultVersion: 1,
      latestVersion: 1,
      versions: [launchTemplateVersion(x, p.LaunchTemplateData)],
      ...x.base(),
    });
  }),

  owns('AWS::EC2::Instance', (x) => {
    const p = x.props;
    const interfaces = x.objects(p.NetworkInterfaces, 'NetworkInterfaces');
    const primary = interfaces.find((n) => String(n.DeviceIndex ?? '0') === '0');
    const subnetValue = p.SubnetId ?? primary?.SubnetId;
    const subnet = x.scope.findReferenced(subnetValue, ['AWS::EC2::Subnet']);
    const subnetProps = subnet ? x.scope.properties(subnet) : undefined;
    const lt = p.LaunchTemplate;
    const ltLogical = x.scope.findReferenced(get(lt, 'LaunchTemplateId') ?? get(lt, 'LaunchTemplateName'), ['AWS::EC2::LaunchTemplate']);
    const ltVersion = ltLogical ? x.out.owner(ltLogical, 'ec2.launch-template')?.versions[0] : undefined;
    const profile = x.scope.findReferenced(p.IamInstanceProfile, ['AWS::IAM::InstanceProfile']);
    // An instance gets a public address as its interface, launch template or (by default) its subnet says.
    const subnetDefault = subnetProps ? (bool(subnetProps.MapPublicIpOnLaunch) ?? false) : undefined;
    const associatePublicIp = bool(primary?.AssociatePublicIpAddress) ?? ltVersion?.associatePublicIp ?? subnetDefault;
    x.out.add(x.logicalId, {
      kind: 'ec2.instance',
      instanceId: x.ref,
      ...optional('vpcId', subnetProps ? str(subnetProps.VpcId) : undefined),
      ...optional('subnetId', str(subnetValue)),
      ...optional('imageId', str(p.ImageId) ?? ltVersion?.imageId),
      metadataOptions: instanceMetadataOptions(p.MetadataOptions, ltVersion?.metadataOptions),
      ...optional('associatePublicIp', associatePublicIp),
      ...optional('iamInstanceProfileArn', profile ? str(x.scope.referenceValue(profile, 'Arn')) : str(p.IamInstanceProfile)),
      securityGroupIds: [...(strList(p.SecurityGroupIds) ?? []), ...(strList(p.SecurityGroups) ?? []), ...interfaces.flatMap((n) => strList(n.GroupSet) ?? [])],
      ...(lt !== undefined
        ? {
            launchTemplate: {
              launchTemplateId: ltLogical ? x.scope.idOf(ltLogical) : (str(get(lt, 'LaunchTemplateId')) ?? str(get(lt, 'LaunchTemplateName')) ?? unresolved('<LaunchTemplate>')),
              version: str(get(lt, 'Version')) ?? '$Default',
            },
          }
        : {}),
      volumeIds: x.objects(p.Volumes, 'Volumes').map((v) => str(v.VolumeId) ?? unresolved('<VolumeId>')),
      ...x.base(),
    });
  }),

  owns('AWS::EC2::Volume', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'ec2.volume',
      volumeId: x.ref,
      // Omitted means the account's EBS encryption-by-default setting decides, which a template does not show.
      encrypted: bool(p.Encrypted) ?? unresolved('<EBS encryption by default of the account>'),
      ...optional('kmsKeyId', str(p.KmsKeyId)),
      volumeType: str(p.VolumeType) ?? 'gp2',
      attachedInstanceIds: [],
      ...x.base(),
    });
  }),

  folds('AWS::EC2::VolumeAttachment', (x) => {
    const p = x.props;
    const instance = x.out.owner(x.scope.findReferenced(p.InstanceId, ['AWS::EC2::Instance']), 'ec2.instance');
    const volume = x.out.owner(x.scope.findReferenced(p.VolumeId, ['AWS::EC2::Volume']), 'ec2.volume');
    if (instance) instance.volumeIds.push(str(p.VolumeId) ?? unresolved('<VolumeId>'));
    if (volume) volume.attachedInstanceIds.push(str(p.InstanceId) ?? unresolved('<InstanceId>'));
    for (const owner of [instance, volume]) if (owner) x.out.contributed(x.logicalId, owner.id);
  }),

  owns('AWS::EC2::NetworkInterface', (x) => {
    const p = x.props;
    const subnet = x.scope.findReferenced(p.SubnetId, ['AWS::EC2::Subnet']);
    x.out.add(
      x.logicalId,
      networkInterfaceOf(x, {
        interfaceType: knownString(p.InterfaceType) ?? 'interface',
        groups: { resolved: p.GroupSet, raw: rawProperty(x, 'GroupSet') },
        vpcId: subnet ? x.scope.properties(subnet).VpcId : undefined,
        subnetId: p.SubnetId,
      }),
    );
  }),

  owns('AWS::EC2::VPCEndpoint', (x) => {
    const p = x.props;
    // Gateway endpoints (the default type) are route-table targets: they have no network interfaces.
    const type = str(p.VpcEndpointType) ?? 'Gateway';
    if (type === 'Gateway') return;
    x.out.add(
      x.logicalId,
      networkInterfaceOf(x, {
        interfaceType: type === 'GatewayLoadBalancer' ? 'gateway_load_balancer_endpoint' : 'vpc_endpoint',
        groups: { resolved: p.SecurityGroupIds, raw: rawProperty(x, 'SecurityGroupIds') },
        vpcId: p.VpcId,
      }),
    );
  }),

  // A function in a VPC reaches it through network interfaces Lambda creates with the function's groups.
  owns('AWS::Lambda::Function', (x) => {
    const vpcConfig = x.props.VpcConfig;
    const subnets = strList(get(vpcConfig, 'SubnetIds')) ?? [];
    if (subnets.length === 0) return;
    const firstSubnet = x.scope.findReferenced(subnets[0] as Resolved, ['AWS::EC2::Subnet']);
    x.out.add(
      x.logicalId,
      networkInterfaceOf(x, {
        interfaceType: 'lambda',
        // The whole VpcConfig is scanned: it may be one conditional value, and it names no other group.
        groups: { resolved: get(vpcConfig, 'SecurityGroupIds'), raw: rawProperty(x, 'VpcConfig') },
        vpcId: firstSubnet ? x.scope.properties(firstSubnet).VpcId : undefined,
      }),
    );
  }),

  owns('AWS::EC2::PrefixList', (x) => {
    const p = x.props;
    const family = knownString(p.AddressFamily);
    const entries = x.objects(p.Entries, 'Entries');
    const cidrs = entries.map((e) => e.Cidr);
    if (family !== 'IPv4' && family !== 'IPv6') x.markIncomplete('AddressFamily is not known');
    if (!cidrs.every((c): c is string => typeof c === 'string')) x.markIncomplete('an entry CIDR is not known');
    x.out.add(x.logicalId, {
      kind: 'ec2.prefix-list',
      prefixListId: knownString(x.ref) ?? x.id,
      name: knownString(p.PrefixListName) ?? x.id,
      addressFamily: family === 'IPv6' ? 'IPv6' : 'IPv4',
      cidrs: cidrs.filter((c): c is string => typeof c === 'string'),
      ...x.base(),
    });
  }),
];
