import type {
  Filter,
  FlowLog,
  Instance,
  InstanceMetadataDefaultsResponse,
  LaunchTemplate,
  LaunchTemplateVersion,
  ManagedPrefixList,
  NetworkAcl,
  NetworkInterface,
  PrefixListEntry,
  Reservation,
  SecurityGroup,
  Subnet,
  Volume,
  Vpc,
} from '@aws-sdk/client-ec2';
import { EC2_STYLE, awsError, notFound } from '../errors';
import { page } from '../paging';
import type { CallContext, SimService } from '../simulated-aws';
import type { ByRegion } from '../world';
import { ec2RegionsOperations } from './ec2-regions';

/** A launch template and all its versions. Default and latest numbers are derived when the template does not give them. */
export interface Ec2LaunchTemplateWorld {
  readonly template: LaunchTemplate;
  readonly versions: readonly LaunchTemplateVersion[];
}

export interface Ec2PrefixListWorld {
  readonly list: ManagedPrefixList;
  readonly entries: readonly PrefixListEntry[];
}

/** EC2 and VPC in one region, in the SDK's output shapes. */
export interface Ec2RegionWorld {
  readonly vpcs?: readonly Vpc[];
  readonly subnets?: readonly Subnet[];
  readonly securityGroups?: readonly SecurityGroup[];
  readonly networkAcls?: readonly NetworkAcl[];
  readonly flowLogs?: readonly FlowLog[];
  readonly networkInterfaces?: readonly NetworkInterface[];
  readonly reservations?: readonly Reservation[];
  readonly launchTemplates?: readonly Ec2LaunchTemplateWorld[];
  readonly volumes?: readonly Volume[];
  readonly prefixLists?: readonly Ec2PrefixListWorld[];
  /** @default false */
  readonly ebsEncryptionByDefault?: boolean;
  /** Unset: AWS answers with the alias of the AWS managed key, `alias/aws/ebs`. */
  readonly ebsDefaultKmsKeyId?: string;
  /** Unset: the account never set IMDS defaults, and AWS answers an empty AccountLevel. */
  readonly instanceMetadataDefaults?: InstanceMetadataDefaultsResponse;
}

declare module '../world' {
  interface SimServices {
    ec2?: ByRegion<Ec2RegionWorld>;
  }
}

const regionOf = (call: CallContext): Ec2RegionWorld => call.world.services.ec2?.[call.region] ?? {};

/** MaxResults bounds of an EC2 listing. `clamp`: larger values are cut to `max` rather than refused (the older listings: instances, volumes, flow logs). */
interface Limits {
  readonly min: number;
  readonly max: number;
  readonly clamp?: boolean;
}

interface ListInput {
  readonly NextToken?: string;
  readonly MaxResults?: number;
  readonly Filters?: readonly Filter[];
}

/** EC2 refuses an out-of-range MaxResults (or cuts it, see `clamp`); the page is the smallest of what was asked, the maximum and the simulation's page size. */
function list<T>(items: readonly T[], input: ListInput, call: CallContext, limits: Limits) {
  const asked = input.MaxResults;
  if (asked !== undefined && (asked < limits.min || (asked > limits.max && !limits.clamp))) {
    throw awsError('InvalidParameterValue', 400, `Value (${asked}) for parameter maxResults is invalid. Expecting a value between ${limits.min} and ${limits.max}.`);
  }
  return page(items, input.NextToken, Math.min(asked ?? limits.max, limits.max, call.pageSize));
}

/** Filter name → the values an item has for it. Only filters listed here are simulated. */
type FilterFields<T> = Readonly<Record<string, (item: T) => readonly (string | undefined)[]>>;

function filtered<T>(items: readonly T[], filters: readonly Filter[] | undefined, fields: FilterFields<T>): readonly T[] {
  const active = filters ?? [];
  for (const f of active) {
    if (!f.Name || !fields[f.Name]) throw new Error(`simulated AWS: EC2 filter ${f.Name} is not simulated`);
  }
  return items.filter((item) => active.every((f) => (f.Values ?? []).some((v) => fields[f.Name!]!(item).includes(v))));
}

const NO_FILTERS: FilterFields<never> = {};

function defaultVersionOf(t: Ec2LaunchTemplateWorld): number {
  return t.template.DefaultVersionNumber ?? t.versions.find((v) => v.DefaultVersion)?.VersionNumber ?? 1;
}

function latestVersionOf(t: Ec2LaunchTemplateWorld): number {
  return t.template.LatestVersionNumber ?? Math.max(...t.versions.map((v) => v.VersionNumber ?? 0));
}

/** A version as DescribeLaunchTemplateVersions answers it: with its template's id and name and its default flag. */
function versionOutput(t: Ec2LaunchTemplateWorld, v: LaunchTemplateVersion): LaunchTemplateVersion {
  return {
    LaunchTemplateId: t.template.LaunchTemplateId,
    LaunchTemplateName: t.template.LaunchTemplateName,
    DefaultVersion: v.VersionNumber === defaultVersionOf(t),
    ...v,
  };
}

function versionNumbered(t: Ec2LaunchTemplateWorld, n: number): LaunchTemplateVersion {
  const found = t.versions.find((v) => v.VersionNumber === n);
  if (!found) {
    throw notFound('InvalidLaunchTemplateId.VersionNotFound', `Could not find the specified version ${n} for the launch template with ID ${t.template.LaunchTemplateId}.`, 400);
  }
  return versionOutput(t, found);
}

/** `$Latest`, `$Default` or a number, as one template's versions are asked for. */
function resolveVersion(t: Ec2LaunchTemplateWorld, reference: string): LaunchTemplateVersion {
  if (reference === '$Latest') return versionNumbered(t, latestVersionOf(t));
  if (reference === '$Default') return versionNumbered(t, defaultVersionOf(t));
  const n = Number(reference);
  if (!Number.isInteger(n)) throw awsError('InvalidParameterValue', 400, `Invalid launch template version: ${reference}`);
  return versionNumbered(t, n);
}

interface VersionsInput extends ListInput {
  readonly LaunchTemplateId?: string;
  readonly LaunchTemplateName?: string;
  readonly Versions?: readonly string[];
  readonly MinVersion?: string;
  readonly MaxVersion?: string;
}

function templateFor(call: CallContext, input: { LaunchTemplateId?: string; LaunchTemplateName?: string }): Ec2LaunchTemplateWorld {
  const all = regionOf(call).launchTemplates ?? [];
  if (input.LaunchTemplateId) {
    const found = all.find((t) => t.template.LaunchTemplateId === input.LaunchTemplateId);
    if (!found) throw notFound('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${input.LaunchTemplateId}, does not exist.`, 400);
    return found;
  }
  const found = all.find((t) => t.template.LaunchTemplateName === input.LaunchTemplateName);
  if (!found) throw notFound('InvalidLaunchTemplateName.NotFoundException', 'At least one of the launch templates specified in the request does not exist.', 400);
  return found;
}

/**
 * One template's versions (named, or all within MinVersion/MaxVersion), or, without a template,
 * the default and/or latest version of every template of the region (numbers are refused then).
 */
function describeVersions(input: VersionsInput, call: CallContext): LaunchTemplateVersion[] {
  const references = input.Versions ?? [];
  if (input.LaunchTemplateId || input.LaunchTemplateName) {
    const t = templateFor(call, input);
    if (references.length > 0) return references.map((r) => resolveVersion(t, r));
    const min = input.MinVersion ? Number(input.MinVersion) : -Infinity;
    const max = input.MaxVersion ? Number(input.MaxVersion) : Infinity;
    return t.versions.filter((v) => v.VersionNumber! >= min && v.VersionNumber! <= max).map((v) => versionOutput(t, v));
  }
  if (references.length === 0 || references.some((r) => r !== '$Latest' && r !== '$Default')) {
    throw awsError('InvalidParameterCombination', 400, 'Without a launch template ID or name, only $Latest and $Default can be specified.');
  }
  return (regionOf(call).launchTemplates ?? []).flatMap((t) => {
    const numbers = [...new Set(references.map((r) => (r === '$Latest' ? latestVersionOf(t) : defaultVersionOf(t))))];
    return numbers.map((n) => versionNumbered(t, n));
  });
}

/** DescribeInstances pages count instances: a reservation split across pages appears on each with its share. */
function reservationsPage(input: ListInput, call: CallContext) {
  const flat = (regionOf(call).reservations ?? []).flatMap((r) => (r.Instances ?? []).map((instance) => ({ reservation: r, instance })));
  const p = list(flat, input, call, { min: 5, max: 1000, clamp: true });
  const out: (Reservation & { Instances: Instance[] })[] = [];
  for (const { reservation, instance } of p.items) {
    const last = out[out.length - 1];
    if (last && last.ReservationId === reservation.ReservationId) last.Instances.push(instance);
    else out.push({ ...reservation, Instances: [instance] });
  }
  return { Reservations: out, NextToken: p.next };
}

const PREFIX_LIST_FILTERS: FilterFields<Ec2PrefixListWorld> = {
  'prefix-list-id': (p) => [p.list.PrefixListId],
  'prefix-list-name': (p) => [p.list.PrefixListName],
  'owner-id': (p) => [p.list.OwnerId],
};

/** Listings without simulated filters: page `items` of the region under `field`. */
function plainListing<T>(field: string, items: (r: Ec2RegionWorld) => readonly T[] | undefined, limits: Limits) {
  return (input: ListInput, call: CallContext) => {
    const p = list(filtered(items(regionOf(call)) ?? [], input.Filters, NO_FILTERS as FilterFields<T>), input, call, limits);
    return { [field]: p.items, NextToken: p.next };
  };
}

export const ec2Service: SimService = {
  service: 'ec2',
  errors: EC2_STYLE,
  operations: {
    ...ec2RegionsOperations,
    DescribeVpcs: plainListing('Vpcs', (r) => r.vpcs, { min: 5, max: 1000 }),
    DescribeSubnets: plainListing('Subnets', (r) => r.subnets, { min: 5, max: 1000 }),
    DescribeSecurityGroups: plainListing('SecurityGroups', (r) => r.securityGroups, { min: 5, max: 1000 }),
    DescribeNetworkAcls: plainListing('NetworkAcls', (r) => r.networkAcls, { min: 5, max: 1000 }),
    DescribeFlowLogs: plainListing('FlowLogs', (r) => r.flowLogs, { min: 5, max: 1000, clamp: true }),
    DescribeNetworkInterfaces: plainListing('NetworkInterfaces', (r) => r.networkInterfaces, { min: 5, max: 1000 }),
    DescribeVolumes: plainListing('Volumes', (r) => r.volumes, { min: 5, max: 500, clamp: true }),
    DescribeInstances: (input: ListInput, call) => reservationsPage(input, call),
    DescribeLaunchTemplates: (input: ListInput, call) => {
      const templates = (regionOf(call).launchTemplates ?? []).map((t) => ({ ...t.template, DefaultVersionNumber: defaultVersionOf(t), LatestVersionNumber: latestVersionOf(t) }));
      const p = list(filtered(templates, input.Filters, NO_FILTERS as FilterFields<LaunchTemplate>), input, call, { min: 1, max: 200 });
      return { LaunchTemplates: p.items, NextToken: p.next };
    },
    DescribeLaunchTemplateVersions: (input: VersionsInput, call) => {
      const p = list(describeVersions(input, call), input, call, { min: 1, max: 200 });
      return { LaunchTemplateVersions: p.items, NextToken: p.next };
    },
    DescribeManagedPrefixLists: (input: ListInput, call) => {
      const p = list(filtered(regionOf(call).prefixLists ?? [], input.Filters, PREFIX_LIST_FILTERS), input, call, { min: 1, max: 100 });
      return { PrefixLists: p.items.map((x) => x.list), NextToken: p.next };
    },
    GetManagedPrefixListEntries: (input: ListInput & { PrefixListId: string }, call) => {
      const found = (regionOf(call).prefixLists ?? []).find((x) => x.list.PrefixListId === input.PrefixListId);
      if (!found) throw notFound('InvalidPrefixListID.NotFound', `The prefix list ID '${input.PrefixListId}' does not exist`, 400);
      const p = list(found.entries, input, call, { min: 1, max: 100 });
      return { Entries: p.items, NextToken: p.next };
    },
    GetEbsEncryptionByDefault: (_input, call) => ({ EbsEncryptionByDefault: regionOf(call).ebsEncryptionByDefault ?? false, SseType: 'sse-ebs' }),
    GetEbsDefaultKmsKeyId: (_input, call) => ({
      KmsKeyId: regionOf(call).ebsDefaultKmsKeyId ?? `arn:aws:kms:${call.region}:${call.world.accountId}:alias/aws/ebs`,
    }),
    GetInstanceMetadataDefaults: (_input, call) => ({ AccountLevel: regionOf(call).instanceMetadataDefaults ?? {} }),
  },
};

// ---------------------------------------------------------------------------------------------
// Example world: a busy region and a bare one, with every shape the collector must handle.
// ---------------------------------------------------------------------------------------------

const tags = (values: Record<string, string>) => Object.entries(values).map(([Key, Value]) => ({ Key, Value }));
const associated = { State: 'associated' as const };
const allTraffic = (cidr: string) => ({ IpProtocol: '-1', IpRanges: [{ CidrIp: cidr }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] });
const selfReference = (groupId: string, accountId: string) => ({
  IpProtocol: '-1',
  IpRanges: [],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [{ GroupId: groupId, UserId: accountId }],
});

function defaultNaclEntries() {
  return [false, true].flatMap((Egress) => [
    { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow' as const, Egress, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 101, Protocol: '-1', RuleAction: 'allow' as const, Egress, Ipv6CidrBlock: '::/0' },
    { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny' as const, Egress, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32768, Protocol: '-1', RuleAction: 'deny' as const, Egress, Ipv6CidrBlock: '::/0' },
  ]);
}

function instanceMetadata(HttpTokens: 'required' | 'optional', HttpPutResponseHopLimit: number) {
  return { State: 'applied' as const, HttpTokens, HttpPutResponseHopLimit, HttpEndpoint: 'enabled' as const, HttpProtocolIpv6: 'disabled' as const, InstanceMetadataTags: 'disabled' as const };
}

function launchedFrom(templateId: string, version: string) {
  return [
    { Key: 'aws:ec2launchtemplate:id', Value: templateId },
    { Key: 'aws:ec2launchtemplate:version', Value: version },
  ];
}

/**
 * eu-west-1-like: a platform VPC with IPv6 and a secondary block, a VPC shared in by another
 * account, security groups with every peer type (two prefix lists referenced, one not), a custom
 * network ACL, flow logs of three kinds, instances over two reservations that page apart, launch
 * templates whose in-use versions are neither default nor latest (one of them deleted), and
 * account-level IMDS defaults.
 */
function busyRegion(region: string, account: string): Ec2RegionWorld {
  const arn = (type: string, id: string, owner = account) => `arn:aws:ec2:${region}:${owner}:${type}/${id}`;
  const key = `arn:aws:kms:${region}:${account}:key/6c1f0a2e-4b7d-4e0a-9d51-2f3c7a8b9e10`;
  const sharedOwner = '444455556666';
  const vpc = 'vpc-0a1b2c3d4e5f60001';
  const launched = new Date('2026-10-01T08:00:00Z');
  return {
    vpcs: [
      {
        VpcId: vpc,
        OwnerId: account,
        CidrBlock: '10.20.0.0/16',
        CidrBlockAssociationSet: [
          { AssociationId: 'vpc-cidr-assoc-1', CidrBlock: '10.20.0.0/16', CidrBlockState: associated },
          { AssociationId: 'vpc-cidr-assoc-2', CidrBlock: '100.64.0.0/16', CidrBlockState: associated },
          { AssociationId: 'vpc-cidr-assoc-3', CidrBlock: '10.99.0.0/16', CidrBlockState: { State: 'disassociated' } },
        ],
        Ipv6CidrBlockAssociationSet: [{ AssociationId: 'vpc-cidr-assoc-6', Ipv6CidrBlock: '2a05:d018:e3f:2300::/56', Ipv6CidrBlockState: associated }],
        IsDefault: false,
        State: 'available',
        Tags: tags({ Name: 'platform' }),
      },
      { VpcId: 'vpc-0default0000000001', OwnerId: account, CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available' },
      { VpcId: 'vpc-0shared00000000001', OwnerId: sharedOwner, CidrBlock: '10.50.0.0/16', IsDefault: false, State: 'available', Tags: tags({ Name: 'network-hub' }) },
    ],
    subnets: [
      {
        SubnetId: 'subnet-0private0000000a',
        SubnetArn: arn('subnet', 'subnet-0private0000000a'),
        OwnerId: account,
        VpcId: vpc,
        CidrBlock: '10.20.0.0/19',
        AvailabilityZone: `${region}a`,
        MapPublicIpOnLaunch: false,
        AssignIpv6AddressOnCreation: false,
        Ipv6CidrBlockAssociationSet: [],
        Tags: tags({ Name: 'platform-private-a', 'kubernetes.io/role/internal-elb': '1' }),
      },
      {
        SubnetId: 'subnet-0private0000000b',
        SubnetArn: arn('subnet', 'subnet-0private0000000b'),
        OwnerId: account,
        VpcId: vpc,
        CidrBlock: '10.20.32.0/19',
        AvailabilityZone: `${region}b`,
        MapPublicIpOnLaunch: false,
        AssignIpv6AddressOnCreation: true,
        Ipv6CidrBlockAssociationSet: [{ AssociationId: 'subnet-cidr-assoc-b', Ipv6CidrBlock: '2a05:d018:e3f:2301::/64', Ipv6CidrBlockState: associated }],
      },
      // Shared in from the hub account: its ARN carries the owner.
      { SubnetId: 'subnet-0public00000000c', OwnerId: sharedOwner, VpcId: 'vpc-0shared00000000001', CidrBlock: '10.50.0.0/24', AvailabilityZone: `${region}c`, MapPublicIpOnLaunch: true },
    ],
    securityGroups: [
      {
        GroupId: 'sg-0cluster000000001',
        GroupName: 'eks-cluster-sg-platform-1849302716',
        SecurityGroupArn: arn('security-group', 'sg-0cluster000000001'),
        OwnerId: account,
        VpcId: vpc,
        Description: 'EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.',
        IpPermissions: [selfReference('sg-0cluster000000001', account)],
        IpPermissionsEgress: [{ ...allTraffic('0.0.0.0/0'), Ipv6Ranges: [{ CidrIpv6: '::/0' }] }],
        Tags: tags({ 'aws:eks:cluster-name': 'platform' }),
      },
      {
        // No SecurityGroupArn: older responses (and emulators) omit it.
        GroupId: 'sg-0web0000000000001',
        GroupName: 'web',
        OwnerId: account,
        VpcId: vpc,
        Description: 'web tier',
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 443,
            ToPort: 443,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'public https' }, { CidrIp: '10.0.0.0/8' }],
            Ipv6Ranges: [{ CidrIpv6: '::/0' }],
            PrefixListIds: [{ PrefixListId: 'pl-0corp000000000001', Description: 'office' }],
            UserIdGroupPairs: [],
          },
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [{ PrefixListId: 'pl-0corp000000000001', Description: 'office ssh' }], UserIdGroupPairs: [] },
          { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [{ PrefixListId: 'pl-0partners00000001' }], UserIdGroupPairs: [] },
          { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8', Description: 'ping' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
          {
            IpProtocol: 'udp',
            FromPort: 53,
            ToPort: 53,
            IpRanges: [],
            Ipv6Ranges: [],
            PrefixListIds: [],
            UserIdGroupPairs: [{ GroupId: 'sg-0resolver00000001', UserId: sharedOwner, VpcId: 'vpc-0shared00000000001', VpcPeeringConnectionId: 'pcx-0a1b2c3d' }],
          },
        ],
        IpPermissionsEgress: [allTraffic('0.0.0.0/0')],
      },
      {
        GroupId: 'sg-0default000000001',
        GroupName: 'default',
        SecurityGroupArn: arn('security-group', 'sg-0default000000001'),
        OwnerId: account,
        VpcId: vpc,
        Description: 'default VPC security group',
        IpPermissions: [selfReference('sg-0default000000001', account)],
        IpPermissionsEgress: [allTraffic('0.0.0.0/0')],
      },
      {
        GroupId: 'sg-0ssh0000000000001',
        GroupName: 'launch-wizard-1',
        SecurityGroupArn: arn('security-group', 'sg-0ssh0000000000001'),
        OwnerId: account,
        VpcId: vpc,
        Description: 'launch-wizard-1 created 2026-02-11T10:00:00.000Z',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
        IpPermissionsEgress: [],
      },
    ],
    networkAcls: [
      {
        NetworkAclId: 'acl-0default00000001',
        VpcId: vpc,
        OwnerId: account,
        IsDefault: true,
        Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: 'acl-0default00000001', SubnetId: 'subnet-0private0000000b' }],
        Entries: defaultNaclEntries(),
      },
      {
        NetworkAclId: 'acl-0private00000001',
        VpcId: vpc,
        OwnerId: account,
        IsDefault: false,
        Associations: [{ NetworkAclAssociationId: 'aclassoc-2', NetworkAclId: 'acl-0private00000001', SubnetId: 'subnet-0private0000000a' }],
        Entries: [
          { RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
          { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } },
          { RuleNumber: 110, Protocol: '17', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/8', PortRange: { From: 53, To: 53 } },
          { RuleNumber: 120, Protocol: '1', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/8', IcmpTypeCode: { Type: -1, Code: -1 } },
          { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
        ],
        Tags: tags({ Name: 'platform-private' }),
      },
    ],
    flowLogs: [
      {
        FlowLogId: 'fl-0platform00000001',
        ResourceId: vpc,
        TrafficType: 'ALL',
        FlowLogStatus: 'ACTIVE',
        DeliverLogsStatus: 'SUCCESS',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: '/vpc/platform',
        CreationTime: new Date('2025-05-01T09:00:00Z'),
      },
      // Older flow logs omit the destination type: CloudWatch Logs was the only one.
      { FlowLogId: 'fl-0subnet0000000001', ResourceId: 'subnet-0private0000000a', TrafficType: 'REJECT', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'FAILED', LogGroupName: '/vpc/rejects' },
      // Transit gateway flow logs carry no traffic type.
      { FlowLogId: 'fl-0tgw000000000001', ResourceId: 'tgw-0a1b2c3d4e5f60001', FlowLogStatus: 'ACTIVE', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::platform-flow-logs' },
    ],
    networkInterfaces: [
      {
        NetworkInterfaceId: 'eni-0node100000000001',
        OwnerId: account,
        SubnetId: 'subnet-0private0000000a',
        VpcId: vpc,
        InterfaceType: 'interface',
        Groups: [{ GroupId: 'sg-0cluster000000001', GroupName: 'eks-cluster-sg-platform-1849302716' }],
        Attachment: { AttachmentId: 'eni-attach-1', InstanceId: 'i-0node1000000000001', DeviceIndex: 0, Status: 'attached' },
        Status: 'in-use',
      },
      {
        NetworkInterfaceId: 'eni-0controlplane0001',
        OwnerId: account,
        SubnetId: 'subnet-0private0000000b',
        VpcId: vpc,
        InterfaceType: 'interface',
        Description: 'Amazon EKS platform',
        RequesterId: '602401143452',
        RequesterManaged: true,
        Groups: [{ GroupId: 'sg-0cluster000000001' }],
        Status: 'in-use',
      },
      {
        NetworkInterfaceId: 'eni-0web000000000001',
        OwnerId: account,
        SubnetId: 'subnet-0private0000000a',
        VpcId: vpc,
        InterfaceType: 'interface',
        Groups: [{ GroupId: 'sg-0web0000000000001' }, { GroupId: 'sg-0ssh0000000000001' }],
        Association: { PublicIp: '203.0.113.10', IpOwnerId: 'amazon' },
        TagSet: tags({ Name: 'web' }),
        Status: 'available',
      },
    ],
    reservations: [
      {
        ReservationId: 'r-0nodes000000000001',
        OwnerId: account,
        Instances: [
          {
            InstanceId: 'i-0node1000000000001',
            ImageId: 'ami-0eks000000000001',
            State: { Code: 16, Name: 'running' },
            VpcId: vpc,
            SubnetId: 'subnet-0private0000000a',
            LaunchTime: launched,
            MetadataOptions: instanceMetadata('optional', 2),
            IamInstanceProfile: { Arn: `arn:aws:iam::${account}:instance-profile/eks-nodes`, Id: 'AIPA000000000000NODES' },
            SecurityGroups: [{ GroupId: 'sg-0cluster000000001', GroupName: 'eks-cluster-sg-platform-1849302716' }],
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-0node10000000001', Status: 'attached', DeleteOnTermination: true } }],
            Tags: [...launchedFrom('lt-0nodes0000000001', '2'), ...tags({ 'eks:cluster-name': 'platform', 'eks:nodegroup-name': 'system' })],
          },
          {
            InstanceId: 'i-0node2000000000001',
            ImageId: 'ami-0eks000000000001',
            State: { Code: 16, Name: 'running' },
            VpcId: vpc,
            SubnetId: 'subnet-0private0000000b',
            LaunchTime: launched,
            MetadataOptions: instanceMetadata('required', 1),
            SecurityGroups: [{ GroupId: 'sg-0cluster000000001' }],
            // A second interface with a group of its own.
            NetworkInterfaces: [
              { NetworkInterfaceId: 'eni-0node200000000001', Groups: [{ GroupId: 'sg-0cluster000000001' }] },
              { NetworkInterfaceId: 'eni-0node200000000002', Groups: [{ GroupId: 'sg-0web0000000000001' }] },
            ],
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-0node20000000001', Status: 'attached' } }],
            Tags: [...launchedFrom('lt-0nodes0000000001', '3'), ...tags({ 'eks:cluster-name': 'platform' })],
          },
        ],
      },
      {
        ReservationId: 'r-0misc0000000000001',
        OwnerId: account,
        Instances: [
          {
            InstanceId: 'i-0legacy00000000001',
            ImageId: 'ami-0legacy000000001',
            State: { Code: 16, Name: 'running' },
            VpcId: vpc,
            SubnetId: 'subnet-0private0000000a',
            LaunchTime: new Date('2021-02-03T04:05:06Z'),
            MetadataOptions: instanceMetadata('optional', 1),
            PublicIpAddress: '203.0.113.20',
            IamInstanceProfile: { Arn: `arn:aws:iam::${account}:instance-profile/legacy`, Id: 'AIPA00000000000LEGACY' },
            SecurityGroups: [{ GroupId: 'sg-0ssh0000000000001' }],
            BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { VolumeId: 'vol-0legacy000000001', Status: 'attached' } }],
            Tags: tags({ Name: 'legacy' }),
          },
          {
            // Terminated: its template version no longer matters, and it was deleted long ago.
            InstanceId: 'i-0gone000000000001',
            ImageId: 'ami-0eks000000000001',
            State: { Code: 48, Name: 'terminated' },
            LaunchTime: new Date('2025-01-01T00:00:00Z'),
            MetadataOptions: instanceMetadata('optional', 1),
            SecurityGroups: [],
            BlockDeviceMappings: [],
            Tags: launchedFrom('lt-0nodes0000000001', '1'),
          },
          {
            // Still running from version 1, which was deleted since.
            InstanceId: 'i-0stale00000000001',
            ImageId: 'ami-0eks000000000001',
            State: { Code: 80, Name: 'stopped' },
            VpcId: vpc,
            SubnetId: 'subnet-0private0000000b',
            LaunchTime: new Date('2025-06-01T00:00:00Z'),
            MetadataOptions: instanceMetadata('optional', 2),
            SecurityGroups: [{ GroupId: 'sg-0cluster000000001' }],
            BlockDeviceMappings: [],
            Tags: launchedFrom('lt-0nodes0000000001', '1'),
          },
          {
            InstanceId: 'i-0bastion0000000001',
            ImageId: 'ami-0bastion00000001',
            State: { Code: 16, Name: 'running' },
            VpcId: 'vpc-0shared00000000001',
            SubnetId: 'subnet-0public00000000c',
            LaunchTime: launched,
            MetadataOptions: instanceMetadata('required', 1),
            PublicIpAddress: '198.51.100.7',
            SecurityGroups: [{ GroupId: 'sg-0ssh0000000000001' }],
            BlockDeviceMappings: [],
            Tags: launchedFrom('lt-0bastion00000001', '1'),
          },
        ],
      },
    ],
    launchTemplates: [
      {
        template: { LaunchTemplateId: 'lt-0nodes0000000001', LaunchTemplateName: 'eks-platform-nodes', DefaultVersionNumber: 3, LatestVersionNumber: 4, CreateTime: new Date('2025-01-01T00:00:00Z'), Tags: tags({ team: 'platform' }) },
        versions: [
          // Version 1 was deleted; 2 is what node 1 still runs; 3 is the default; 4 the latest.
          { VersionNumber: 2, LaunchTemplateData: { ImageId: 'ami-0eks000000000001', MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 2 } } },
          {
            VersionNumber: 3,
            LaunchTemplateData: {
              ImageId: 'ami-0eks000000000001',
              MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
              SecurityGroupIds: ['sg-0cluster000000001'],
              BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: key, VolumeType: 'gp3', VolumeSize: 80 } }],
            },
          },
          {
            VersionNumber: 4,
            LaunchTemplateData: {
              MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
              NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: ['sg-0web0000000000001'] }],
              BlockDeviceMappings: [
                { DeviceName: '/dev/xvda', Ebs: { Encrypted: false, VolumeType: 'gp3', VolumeSize: 80 } },
                { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
              ],
              UserData: 'IyEvYmluL2Jhc2gKL2V0Yy9la3MvYm9vdHN0cmFwLnNoIHBsYXRmb3Jt',
            },
          },
        ],
      },
      {
        template: { LaunchTemplateId: 'lt-0bastion00000001', LaunchTemplateName: 'bastion', CreateTime: new Date('2025-02-01T00:00:00Z') },
        versions: [{ VersionNumber: 1, LaunchTemplateData: { ImageId: 'ami-0bastion00000001', KeyName: 'ops', SecurityGroupIds: ['sg-0ssh0000000000001'] } }],
      },
    ],
    volumes: [
      {
        VolumeId: 'vol-0node10000000001',
        Encrypted: true,
        KmsKeyId: key,
        VolumeType: 'gp3',
        Size: 80,
        State: 'in-use',
        Attachments: [{ InstanceId: 'i-0node1000000000001', VolumeId: 'vol-0node10000000001', Device: '/dev/xvda', State: 'attached' }],
        CreateTime: launched,
      },
      {
        VolumeId: 'vol-0node20000000001',
        Encrypted: true,
        KmsKeyId: key,
        VolumeType: 'gp3',
        State: 'in-use',
        Attachments: [{ InstanceId: 'i-0node2000000000001', VolumeId: 'vol-0node20000000001', Device: '/dev/xvda', State: 'attached' }],
      },
      {
        VolumeId: 'vol-0legacy000000001',
        Encrypted: false,
        VolumeType: 'gp2',
        State: 'in-use',
        Attachments: [{ InstanceId: 'i-0legacy00000000001', VolumeId: 'vol-0legacy000000001', Device: '/dev/sda1', State: 'attached' }],
        Tags: tags({ Name: 'legacy-root' }),
      },
      { VolumeId: 'vol-0spare0000000001', Encrypted: false, VolumeType: 'gp3', State: 'available', Attachments: [] },
    ],
    prefixLists: [
      {
        list: {
          PrefixListId: 'pl-0corp000000000001',
          PrefixListName: 'corp-offices',
          PrefixListArn: arn('prefix-list', 'pl-0corp000000000001'),
          OwnerId: account,
          AddressFamily: 'IPv4',
          State: 'create-complete',
          MaxEntries: 10,
          Version: 3,
        },
        entries: [
          { Cidr: '203.0.113.0/24', Description: 'London' },
          { Cidr: '198.51.100.0/25', Description: 'Berlin' },
          { Cidr: '192.0.2.0/26', Description: 'VPN' },
        ],
      },
      {
        list: {
          PrefixListId: 'pl-0partners00000001',
          PrefixListName: 'partners',
          PrefixListArn: arn('prefix-list', 'pl-0partners00000001'),
          OwnerId: account,
          AddressFamily: 'IPv4',
          State: 'modify-complete',
          MaxEntries: 5,
          Version: 7,
        },
        // Someone widened it to the whole internet.
        entries: [{ Cidr: '0.0.0.0/0', Description: 'temporary' }],
      },
      {
        list: { PrefixListId: 'pl-6da54004', PrefixListName: `com.amazonaws.${region}.s3`, PrefixListArn: arn('prefix-list', 'pl-6da54004', 'aws'), OwnerId: 'AWS', AddressFamily: 'IPv4', State: 'create-complete' },
        entries: [{ Cidr: '3.5.64.0/21' }, { Cidr: '52.218.0.0/17' }],
      },
    ],
    ebsEncryptionByDefault: true,
    ebsDefaultKmsKeyId: key,
    instanceMetadataDefaults: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled', InstanceMetadataTags: 'disabled', ManagedBy: 'account' },
  };
}

/** us-east-1-like: only what a new account has (default VPC, group and ACL), one IMDSv1 instance, nothing ever configured. */
function bareRegion(region: string, account: string): Ec2RegionWorld {
  const vpc = 'vpc-0default0000000e1';
  return {
    vpcs: [{ VpcId: vpc, OwnerId: account, CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available' }],
    subnets: ['a', 'b'].map((az, i) => ({
      SubnetId: `subnet-0default00000e1${az}`,
      SubnetArn: `arn:aws:ec2:${region}:${account}:subnet/subnet-0default00000e1${az}`,
      OwnerId: account,
      VpcId: vpc,
      CidrBlock: `172.31.${i * 16}.0/20`,
      AvailabilityZone: `${region}${az}`,
      DefaultForAz: true,
      MapPublicIpOnLaunch: true,
    })),
    securityGroups: [
      {
        GroupId: 'sg-0default0000000e1',
        GroupName: 'default',
        OwnerId: account,
        VpcId: vpc,
        Description: 'default VPC security group',
        IpPermissions: [selfReference('sg-0default0000000e1', account)],
        IpPermissionsEgress: [allTraffic('0.0.0.0/0')],
      },
    ],
    networkAcls: [{ NetworkAclId: 'acl-0default0000000e1', VpcId: vpc, OwnerId: account, IsDefault: true, Associations: [], Entries: defaultNaclEntries() }],
    reservations: [
      {
        ReservationId: 'r-0east00000000001',
        OwnerId: account,
        Instances: [
          {
            InstanceId: 'i-0east000000000001',
            ImageId: 'ami-0east0000000001',
            State: { Code: 16, Name: 'running' },
            VpcId: vpc,
            SubnetId: 'subnet-0default00000e1a',
            LaunchTime: new Date('2024-04-04T04:04:04Z'),
            MetadataOptions: instanceMetadata('optional', 1),
            PublicIpAddress: '192.0.2.44',
            SecurityGroups: [{ GroupId: 'sg-0default0000000e1', GroupName: 'default' }],
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-0east00000000001', Status: 'attached' } }],
          },
        ],
      },
    ],
    volumes: [
      {
        VolumeId: 'vol-0east00000000001',
        Encrypted: false,
        VolumeType: 'gp2',
        State: 'in-use',
        Attachments: [{ InstanceId: 'i-0east000000000001', VolumeId: 'vol-0east00000000001', State: 'attached' }],
      },
    ],
  };
}

/**
 * A small EC2 world for two regions that makes the EC2 collector use every call it declares:
 * paging (at small page sizes), prefix-list resolution, launch-template versions in use (one of
 * them deleted), and regional settings both configured and never set.
 */
export function exampleEc2World(accountId = '210987654321'): ByRegion<Ec2RegionWorld> {
  return { 'eu-west-1': busyRegion('eu-west-1', accountId), 'us-east-1': bareRegion('us-east-1', accountId) };
}
