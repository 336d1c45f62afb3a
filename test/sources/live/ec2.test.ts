import {
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeNetworkAclsCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
  type SecurityGroup as SdkSecurityGroup,
} from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { mockClient } from 'aws-sdk-client-mock';
import { ALL_CHECKS } from '../../../lib/checks';
import { runChecks } from '../../../lib/engine/run';
import type { Finding } from '../../../lib/engine/types';
import { inventorySchema, type Inventory, type ResourceKind } from '../../../lib/model';
import { collectInventory, type CollectOptions } from '../../../lib/sources/live/collect';
import type { Collector } from '../../../lib/sources/live/collector';
import {
  ec2Collector,
  instanceMetadataOptions,
  toFlowLog,
  toLaunchTemplateVersion,
  toNetworkInterface,
  toPrefixList,
  toRegionSettings,
  toSgRules,
  toSubnet,
  toVolume,
  toVpc,
  type Where,
} from '../../../lib/sources/live/collectors/ec2';
import { parseSnapshot, serializeSnapshot } from '../../../lib/sources/snapshot/snapshot';
import { SimulatedAws, stsService, type SimWorld } from '../../../lib/testing/simulated-aws';
import { ec2Service, exampleEc2World } from '../../../lib/testing/simulated-aws/services/ec2';

const ACCOUNT = '210987654321';
const EU = 'eu-west-1';
const US = 'us-east-1';
const NOW = new Date('2026-11-26T00:00:00Z');
const at: Where = { accountId: ACCOUNT, region: EU, partition: 'aws' };
const EC2_KINDS = ec2Collector.tasks.map((t) => t.kind);
/** Calls the collection driver makes itself (identity and region discovery). */
const DRIVER_OPERATIONS = new Set(['sts:GetCallerIdentity', 'ec2:DescribeRegions']);

const resourcesIn = <K extends ResourceKind>(inventory: Inventory, kind: K, region: string) =>
  (inventory.resources[kind] ?? []).filter((r) => r.origin.kind === 'aws' && r.origin.region === region);
const coverageOf = (inventory: Inventory, kind: ResourceKind, region: string) => inventory.coverage.filter((c) => c.kind === kind && c.region === region && !c.part);
const findingKey = (f: Finding) => `${f.checkId}|${f.resource.id}|${f.resource.region}|${f.key ?? ''}`;

describe('EC2 mappings from recorded response shapes', () => {
  test('a VPC keeps its associated IPv4 and IPv6 blocks only, and a shared one carries its owner in the ARN', () => {
    const vpc = toVpc(
      {
        VpcId: 'vpc-1',
        OwnerId: '444455556666',
        CidrBlock: '10.0.0.0/16',
        CidrBlockAssociationSet: [
          { CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
          { CidrBlock: '10.1.0.0/16', CidrBlockState: { State: 'associated' } },
          { CidrBlock: '10.2.0.0/16', CidrBlockState: { State: 'disassociating' } },
        ],
        Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18::/56', Ipv6CidrBlockState: { State: 'associated' } }],
        State: 'available',
      },
      at,
    );
    expect(vpc).toMatchObject({ id: 'arn:aws:ec2:eu-west-1:444455556666:vpc/vpc-1', cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'], ipv6CidrBlocks: ['2600:1f18::/56'], isDefault: false, tags: {} });
    expect(vpc.origin).toEqual({ kind: 'aws', arn: vpc.id, accountId: ACCOUNT, region: EU });
  });

  test('a subnet without SubnetArn gets an ARN, and omitted launch flags are false', () => {
    expect(toSubnet({ SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' }, at)).toMatchObject({
      id: `arn:aws:ec2:eu-west-1:${ACCOUNT}:subnet/subnet-1`,
      mapPublicIpOnLaunch: false,
      assignIpv6AddressOnCreation: false,
      ipv6CidrBlocks: [],
    });
  });

  test('each peer of an IpPermission is a rule of its own; -1 has no ports, ICMP keeps type and code', () => {
    const rules = toSgRules([
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'https' }, { CidrIp: '10.0.0.0/8' }],
        Ipv6Ranges: [{ CidrIpv6: '::/0' }],
        PrefixListIds: [{ PrefixListId: 'pl-1' }],
        UserIdGroupPairs: [{ GroupId: 'sg-2', UserId: '444455556666' }],
      },
      { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
      { IpProtocol: '50', UserIdGroupPairs: [{ GroupName: 'legacy' }] },
    ]);
    expect(rules).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'ipv4', cidr: '0.0.0.0/0' }, description: 'https' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'ipv4', cidr: '10.0.0.0/8' } },
      { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'ipv6', cidr: '::/0' } },
      { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'prefix-list', prefixListId: 'pl-1' } },
      { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'security-group', groupId: 'sg-2', accountId: '444455556666' } },
      { protocol: '-1', peer: { type: 'ipv4', cidr: '0.0.0.0/0' } },
      { protocol: 'icmp', fromPort: 8, toPort: -1, peer: { type: 'ipv4', cidr: '10.0.0.0/8' } },
      { protocol: '50', peer: { type: 'security-group', groupId: 'legacy' } },
    ]);
  });

  test('flow logs default their traffic type (transit gateways) and destination (older logs)', () => {
    expect(toFlowLog({ FlowLogId: 'fl-1', ResourceId: 'tgw-1', FlowLogStatus: 'ACTIVE' }, at)).toMatchObject({
      id: `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc-flow-log/fl-1`,
      trafficType: 'ALL',
      destinationType: 'cloud-watch-logs',
    });
    expect(toFlowLog({ FlowLogId: 'fl-2', ResourceId: 'vpc-1', TrafficType: 'REJECT', LogDestinationType: 's3' }, at)).toMatchObject({ trafficType: 'REJECT', destinationType: 's3' });
  });

  test('network interfaces record their groups, attachment, public address and requester', () => {
    expect(
      toNetworkInterface(
        {
          NetworkInterfaceId: 'eni-1',
          Groups: [{ GroupId: 'sg-1' }, { GroupId: 'sg-2' }],
          Attachment: { InstanceId: 'i-1' },
          Association: { PublicIp: '198.51.100.1' },
          RequesterId: '602401143452',
          TagSet: [{ Key: 'Name', Value: 'x' }],
        },
        at,
      ),
    ).toMatchObject({ securityGroupIds: ['sg-1', 'sg-2'], attachedInstanceId: 'i-1', publicIp: '198.51.100.1', requesterId: '602401143452', tags: { Name: 'x' } });
  });

  test('a volume that does not say it is encrypted is not', () => {
    expect(toVolume({ VolumeId: 'vol-1', Attachments: [{ InstanceId: 'i-1' }, { InstanceId: 'i-2' }] }, at)).toMatchObject({ encrypted: false, attachedInstanceIds: ['i-1', 'i-2'] });
  });

  test('an AWS-managed prefix list keeps its own ARN and owner', () => {
    const list = toPrefixList(
      { PrefixListId: 'pl-6da54004', PrefixListName: 'com.amazonaws.eu-west-1.s3', PrefixListArn: 'arn:aws:ec2:eu-west-1:aws:prefix-list/pl-6da54004', OwnerId: 'AWS', AddressFamily: 'IPv4' },
      [{ Cidr: '3.5.64.0/21' }, { Cidr: '52.218.0.0/17' }],
      at,
    );
    expect(list).toMatchObject({ id: 'arn:aws:ec2:eu-west-1:aws:prefix-list/pl-6da54004', ownerId: 'AWS', addressFamily: 'IPv4', cidrs: ['3.5.64.0/21', '52.218.0.0/17'] });
  });

  test('instances without metadata options get EC2 defaults (IMDSv1 allowed, one hop)', () => {
    expect(instanceMetadataOptions(undefined)).toEqual({ httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' });
  });

  test('a launch-template version: absent metadata options stay absent, instance-store devices are skipped, public IP and user data are read', () => {
    expect(toLaunchTemplateVersion({ VersionNumber: 1, LaunchTemplateData: {} })).toEqual({ versionNumber: 1, blockDevices: [], securityGroupIds: [], hasUserData: false });
    expect(
      toLaunchTemplateVersion({
        VersionNumber: 7,
        LaunchTemplateData: {
          MetadataOptions: { HttpTokens: 'required' },
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeSize: 20 } }, { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }],
          SecurityGroupIds: ['sg-1'],
          NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: ['sg-2'] }],
          UserData: 'IyEvYmluL3NoCg==',
        },
      }),
    ).toEqual({
      versionNumber: 7,
      metadataOptions: { httpTokens: 'required' },
      blockDevices: [{ deviceName: '/dev/xvda', encrypted: true, volumeSize: 20 }],
      associatePublicIp: true,
      securityGroupIds: ['sg-1', 'sg-2'],
      hasUserData: true,
    });
  });

  test('regional settings: IMDS defaults the account never set are no-preference; a -1 hop limit is no limit', () => {
    const never = toRegionSettings({ encryption: { EbsEncryptionByDefault: false }, defaultKey: {}, metadataDefaults: { AccountLevel: {} } }, at);
    expect(never).toMatchObject({ id: `arn:aws:ec2:eu-west-1:${ACCOUNT}:region-settings`, ebsEncryptionByDefault: false, imdsDefaults: { httpTokens: 'no-preference' } });
    expect(never.imdsDefaults).toEqual({ httpTokens: 'no-preference' });
    const set = toRegionSettings(
      { encryption: { EbsEncryptionByDefault: true }, defaultKey: { KmsKeyId: 'arn:aws:kms:eu-west-1:1:key/k' }, metadataDefaults: { AccountLevel: { HttpTokens: 'required', HttpPutResponseHopLimit: -1, HttpEndpoint: 'enabled' } } },
      at,
    );
    expect(set).toMatchObject({ ebsEncryptionByDefault: true, ebsDefaultKmsKeyId: 'arn:aws:kms:eu-west-1:1:key/k', imdsDefaults: { httpTokens: 'required', httpEndpoint: 'enabled' } });
    expect(set.imdsDefaults.httpPutResponseHopLimit).toBeUndefined();
  });
});

describe('EC2 collector on mocked SDK clients (aws-sdk-client-mock)', () => {
  const ec2 = mockClient(EC2Client);
  const sts = mockClient(STSClient);
  afterAll(() => {
    ec2.restore();
    sts.restore();
  });
  beforeEach(() => {
    ec2.reset();
    sts.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/auditor` });
    // Every listing not set up by a test answers empty.
    ec2.onAnyCommand().resolves({});
    ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: EU, OptInStatus: 'opt-in-not-required' }] });
  });
  const collect = () =>
    collectInventory({ collectors: [ec2Collector], regions: [EU], homeRegion: EU, credentials: { accessKeyId: 'AKIAMOCK', secretAccessKey: 'mock' }, maxAttempts: 1, now: () => NOW });

  const webGroup: SdkSecurityGroup = {
    GroupId: 'sg-0web',
    GroupName: 'web',
    OwnerId: ACCOUNT,
    VpcId: 'vpc-1',
    Description: 'web tier',
    IpPermissions: [
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }], PrefixListIds: [], UserIdGroupPairs: [] },
    ],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    Tags: [{ Key: 'team', Value: 'web' }],
  };

  test('DescribeSecurityGroups over two pages: every group, one rule per peer, at the largest page size', async () => {
    ec2
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({ SecurityGroups: [webGroup], NextToken: 'page-2' })
      .resolvesOnce({
        SecurityGroups: [
          {
            GroupId: 'sg-0db',
            GroupName: 'db',
            SecurityGroupArn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0db`,
            VpcId: 'vpc-1',
            IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: 'sg-0web', UserId: ACCOUNT, Description: 'from web' }] }],
            IpPermissionsEgress: [],
          },
        ],
      });
    const inventory = await collect();
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const groups = inventory.resources['ec2.security-group']!;
    expect(groups.map((g) => g.groupId).sort()).toEqual(['sg-0db', 'sg-0web']);
    expect(groups.find((g) => g.groupId === 'sg-0web')).toMatchObject({
      id: `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0web`,
      tags: { team: 'web' },
      ingress: [
        { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'ipv4', cidr: '0.0.0.0/0' } },
        { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'ipv6', cidr: '::/0' } },
      ],
      egress: [{ protocol: '-1', peer: { type: 'ipv4', cidr: '0.0.0.0/0' } }],
    });
    expect(groups.find((g) => g.groupId === 'sg-0db')?.ingress).toEqual([
      { protocol: 'tcp', fromPort: 5432, toPort: 5432, peer: { type: 'security-group', groupId: 'sg-0web', accountId: ACCOUNT }, description: 'from web' },
    ]);
    // The paginator reuses one input object, so only the last state of it is observable.
    const calls = ec2.commandCalls(DescribeSecurityGroupsCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ MaxResults: 1000, NextToken: 'page-2' });
    expect(coverageOf(inventory, 'ec2.security-group', EU)).toEqual([{ kind: 'ec2.security-group', region: EU, status: 'ok' }]);
  });

  test('DescribeNetworkAcls over two pages: numeric protocols, direction, IPv4/IPv6 blocks, port ranges and associations', async () => {
    ec2
      .on(DescribeNetworkAclsCommand)
      .resolvesOnce({
        NetworkAcls: [
          {
            NetworkAclId: 'acl-1',
            VpcId: 'vpc-1',
            IsDefault: false,
            OwnerId: ACCOUNT,
            Associations: [{ SubnetId: 'subnet-a' }, { SubnetId: 'subnet-b' }],
            Entries: [
              { RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
              { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, Ipv6CidrBlock: '::/0' },
              { RuleNumber: 100, Protocol: '17', RuleAction: 'allow', Egress: true, CidrBlock: '10.0.0.0/8', PortRange: { From: 53, To: 53 } },
            ],
          },
        ],
        NextToken: 'next',
      })
      .resolvesOnce({ NetworkAcls: [{ NetworkAclId: 'acl-2', VpcId: 'vpc-1', IsDefault: true, Entries: [{ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' }] }] });
    const inventory = await collect();
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const [custom, standard] = inventory.resources['ec2.network-acl']!;
    expect(custom).toMatchObject({
      id: `arn:aws:ec2:eu-west-1:${ACCOUNT}:network-acl/acl-1`,
      isDefault: false,
      associatedSubnetIds: ['subnet-a', 'subnet-b'],
      entries: [
        { ruleNumber: 90, egress: false, action: 'deny', protocol: '6', cidr: { type: 'ipv4', cidr: '0.0.0.0/0' }, portRange: { from: 22, to: 22 } },
        { ruleNumber: 100, egress: false, action: 'allow', protocol: '-1', cidr: { type: 'ipv6', cidr: '::/0' } },
        { ruleNumber: 100, egress: true, action: 'allow', protocol: '17', cidr: { type: 'ipv4', cidr: '10.0.0.0/8' }, portRange: { from: 53, to: 53 } },
      ],
    });
    expect(custom!.entries[1]).not.toHaveProperty('portRange');
    expect(standard).toMatchObject({ networkAclId: 'acl-2', isDefault: true, associatedSubnetIds: [] });
    expect(ec2.commandCalls(DescribeNetworkAclsCommand)[1]!.args[0].input).toMatchObject({ NextToken: 'next' });
  });

  test('DescribeInstances over pages: every reservation, a reservation split across pages, Dates, defaults, template tags and volumes', async () => {
    const launch = new Date('2026-03-04T05:06:07Z');
    ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({
        Reservations: [
          { ReservationId: 'r-1', OwnerId: ACCOUNT, Instances: [{ InstanceId: 'i-1', State: { Name: 'running' }, LaunchTime: launch, MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' } }] },
          {
            ReservationId: 'r-2',
            OwnerId: ACCOUNT,
            Instances: [
              {
                InstanceId: 'i-2',
                State: { Name: 'running' },
                LaunchTime: launch,
                PublicIpAddress: '203.0.113.5',
                IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/nodes` },
                SecurityGroups: [{ GroupId: 'sg-1' }],
                NetworkInterfaces: [{ Groups: [{ GroupId: 'sg-1' }] }, { Groups: [{ GroupId: 'sg-2' }] }],
                BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-1' } }, { DeviceName: '/dev/xvdb', Ebs: { VolumeId: 'vol-2' } }],
                Tags: [
                  { Key: 'aws:ec2launchtemplate:id', Value: 'lt-1' },
                  { Key: 'aws:ec2launchtemplate:version', Value: '4' },
                ],
              },
            ],
          },
        ],
        NextToken: 'more',
      })
      // The rest of reservation r-2, on the next page; this instance reports no metadata options.
      .resolvesOnce({ Reservations: [{ ReservationId: 'r-2', OwnerId: ACCOUNT, Instances: [{ InstanceId: 'i-3', State: { Name: 'stopped' } }] }] });
    const inventory = await collect();
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const byId = new Map(inventory.resources['ec2.instance']!.map((i) => [i.instanceId, i]));
    expect([...byId.keys()].sort()).toEqual(['i-1', 'i-2', 'i-3']);
    expect(byId.get('i-1')).toMatchObject({ metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' }, launchedAt: '2026-03-04T05:06:07.000Z', volumeIds: [], securityGroupIds: [] });
    expect(byId.get('i-2')).toMatchObject({
      id: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-2`,
      publicIpAddress: '203.0.113.5',
      iamInstanceProfileArn: `arn:aws:iam::${ACCOUNT}:instance-profile/nodes`,
      securityGroupIds: ['sg-1', 'sg-2'],
      launchTemplate: { launchTemplateId: 'lt-1', version: '4' },
      volumeIds: ['vol-1', 'vol-2'],
    });
    expect(byId.get('i-3')).toMatchObject({ state: 'stopped', metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' } });
    expect(byId.get('i-3')).not.toHaveProperty('launchedAt');
    const calls = ec2.commandCalls(DescribeInstancesCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ MaxResults: 1000, NextToken: 'more' });
  });

  test('one failing DescribeLaunchTemplateVersions marks only that template incomplete', async () => {
    ec2.on(DescribeLaunchTemplatesCommand).resolves({
      LaunchTemplates: [
        { LaunchTemplateId: 'lt-a', LaunchTemplateName: 'a', DefaultVersionNumber: 3, LatestVersionNumber: 3 },
        { LaunchTemplateId: 'lt-b', LaunchTemplateName: 'b', DefaultVersionNumber: 1, LatestVersionNumber: 6 },
      ],
    });
    ec2.on(DescribeLaunchTemplateVersionsCommand, { Versions: ['$Default', '$Latest'] }).resolves({
      LaunchTemplateVersions: [
        { LaunchTemplateId: 'lt-a', VersionNumber: 3, DefaultVersion: true, LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } } },
        { LaunchTemplateId: 'lt-b', VersionNumber: 1, DefaultVersion: true, LaunchTemplateData: {} },
        { LaunchTemplateId: 'lt-b', VersionNumber: 6, DefaultVersion: false, LaunchTemplateData: {} },
      ],
    });
    const denied = Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $fault: 'client', $metadata: { httpStatusCode: 403 } });
    ec2.on(DescribeLaunchTemplateVersionsCommand, { LaunchTemplateId: 'lt-a' }).rejects(denied);
    ec2.on(DescribeLaunchTemplateVersionsCommand, { LaunchTemplateId: 'lt-b' }).resolves({ LaunchTemplateVersions: [{ LaunchTemplateId: 'lt-b', VersionNumber: 4, LaunchTemplateData: {} }] });
    const from = (id: string, version: string) => [
      { Key: 'aws:ec2launchtemplate:id', Value: id },
      { Key: 'aws:ec2launchtemplate:version', Value: version },
    ];
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            { InstanceId: 'i-a', State: { Name: 'running' }, Tags: from('lt-a', '2') },
            { InstanceId: 'i-b', State: { Name: 'running' }, Tags: from('lt-b', '4') },
            { InstanceId: 'i-c', State: { Name: 'terminated' }, Tags: from('lt-b', '2') },
          ],
        },
      ],
    });
    const inventory = await collect();
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const [a, b] = inventory.resources['ec2.launch-template']!;
    expect(a).toMatchObject({ launchTemplateId: 'lt-a', incomplete: { code: 'ACCESS_DENIED', operation: 'DescribeLaunchTemplateVersions' } });
    expect(a!.versions.map((v) => v.versionNumber)).toEqual([3]);
    expect(b).not.toHaveProperty('incomplete');
    // Default 1, latest 6, and 4 that i-b runs; the terminated instance's version 2 is not fetched.
    expect(b!.versions.map((v) => v.versionNumber)).toEqual([1, 4, 6]);
    expect(ec2.commandCalls(DescribeLaunchTemplateVersionsCommand, { LaunchTemplateId: 'lt-b' })[0]!.args[0].input).toMatchObject({ Versions: ['4'] });
    expect(coverageOf(inventory, 'ec2.launch-template', EU)[0]!.status).toBe('ok');
    const findings = runChecks(inventory, ALL_CHECKS, { now: NOW }).findings.filter((f) => f.resource.id === a!.id);
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.status))).toEqual(new Set(['UNKNOWN']));
  });

  test('a denied GetInstanceMetadataDefaults fails only the imdsDefaults part of the region settings', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: false });
    ec2.on(GetInstanceMetadataDefaultsCommand).rejects(Object.assign(new Error('not authorized'), { name: 'UnauthorizedOperation', $fault: 'client', $metadata: { httpStatusCode: 403 } }));
    const inventory = await collect();
    expect(inventory.coverage.filter((c) => c.kind === 'ec2.region-settings')).toEqual([
      { kind: 'ec2.region-settings', region: EU, status: 'ok' },
      { kind: 'ec2.region-settings', region: EU, status: 'error', part: 'imdsDefaults', issue: expect.objectContaining({ code: 'ACCESS_DENIED', operation: 'GetInstanceMetadataDefaults' }) },
    ]);
    const report = runChecks(inventory, ALL_CHECKS, { now: NOW });
    const statusOf = (checkId: string) => report.findings.find((f) => f.checkId === checkId && f.resource.region === EU)?.status;
    expect(statusOf('ec2-imdsv2-default-required')).toBe('UNKNOWN');
    // EBS encryption was read (off) and is judged.
    expect(statusOf('ec2-ebs-encryption-by-default')).toBe('FAIL');
  });
});

describe('EC2 collection through the simulated AWS', () => {
  const world = (): SimWorld => ({
    accountId: ACCOUNT,
    regions: [{ name: EU }, { name: US }, { name: 'af-south-1', optIn: 'not-opted-in' }],
    services: { ec2: exampleEc2World(ACCOUNT) },
  });
  const simulate = (pageSize = 2) => new SimulatedAws(world(), { services: [stsService, ec2Service], pageSize });
  const collect = (sim: SimulatedAws, extra: Partial<CollectOptions> = {}) =>
    collectInventory({ ...sim.clientOptions(), collectors: [ec2Collector], homeRegion: US, now: () => NOW, ...extra });

  /** A collection fault may only make findings UNKNOWN: never a new PASS, never a changed verdict. */
  function expectOnlyUnknownsAdded(faulty: Inventory, clean: Inventory): Finding[] {
    const before = new Map(runChecks(clean, ALL_CHECKS, { now: NOW }).findings.map((f) => [findingKey(f), f.status]));
    const changed = runChecks(faulty, ALL_CHECKS, { now: NOW }).findings.filter((f) => before.get(findingKey(f)) !== f.status);
    for (const f of changed) expect({ id: findingKey(f), status: f.status }).toEqual({ id: findingKey(f), status: 'UNKNOWN' });
    return changed;
  }

  test('collects every EC2 kind in both enabled regions across pages, and the inventory is valid', async () => {
    const sim = simulate();
    const inventory = await collect(sim);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    for (const region of [EU, US]) {
      for (const kind of EC2_KINDS) expect(coverageOf(inventory, kind, region)).toEqual([{ kind, region, status: 'ok' }]);
    }
    expect(inventory.coverage.filter((c) => c.status !== 'ok')).toEqual([]);
    // Five instances over two reservations take three pages of two in eu-west-1, one page in us-east-1.
    expect(sim.calls['ec2:DescribeInstances']).toBe(4);
    expect(resourcesIn(inventory, 'ec2.instance', EU).map((i) => i.instanceId).sort()).toEqual([
      'i-0bastion0000000001',
      'i-0gone000000000001',
      'i-0legacy00000000001',
      'i-0node1000000000001',
      'i-0node2000000000001',
      'i-0stale00000000001',
    ]);
    expect(resourcesIn(inventory, 'ec2.vpc', EU)).toHaveLength(3);
    expect(resourcesIn(inventory, 'ec2.security-group', EU)).toHaveLength(4);
    expect(resourcesIn(inventory, 'ec2.volume', EU)).toHaveLength(4);
    expect(resourcesIn(inventory, 'ec2.region-settings', US)).toHaveLength(1);
    // The subnet shared in from another account is named by its owner's ARN.
    expect(resourcesIn(inventory, 'ec2.subnet', EU).map((s) => s.id)).toContain('arn:aws:ec2:eu-west-1:444455556666:subnet/subnet-0public00000000c');
  });

  test('collect → snapshot → audit equals auditing the live inventory', async () => {
    const inventory = await collect(simulate());
    const reread = parseSnapshot(JSON.parse(serializeSnapshot(inventory)));
    expect(runChecks(reread, ALL_CHECKS, { now: NOW })).toEqual(runChecks(inventory, ALL_CHECKS, { now: NOW }));
  });

  test('IMDS defaults the account never set are recorded as no-preference, and judged FAIL, not UNKNOWN', async () => {
    const inventory = await collect(simulate());
    const [east] = resourcesIn(inventory, 'ec2.region-settings', US);
    expect(east).toMatchObject({ ebsEncryptionByDefault: false, ebsDefaultKmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/ebs`, imdsDefaults: { httpTokens: 'no-preference' } });
    expect(east!.imdsDefaults).toEqual({ httpTokens: 'no-preference' });
    const [west] = resourcesIn(inventory, 'ec2.region-settings', EU);
    expect(west!.imdsDefaults).toEqual({ httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' });
    const findings = runChecks(inventory, ALL_CHECKS, { now: NOW }).findings.filter((f) => f.checkId === 'ec2-imdsv2-default-required');
    expect(findings.map((f) => [f.resource.region, f.status]).sort()).toEqual([
      [EU, 'PASS'],
      [US, 'FAIL'],
    ]);
  });

  test('prefix lists that security groups reference are resolved with their entries; unreferenced ones cost no call', async () => {
    const sim = simulate();
    const inventory = await collect(sim);
    const lists = resourcesIn(inventory, 'ec2.prefix-list', EU);
    expect(lists.map((l) => [l.prefixListId, l.cidrs])).toEqual([
      ['pl-0corp000000000001', ['203.0.113.0/24', '198.51.100.0/25', '192.0.2.0/26']],
      ['pl-0partners00000001', ['0.0.0.0/0']],
    ]);
    // us-east-1's groups reference none: no prefix-list call there at all.
    expect(sim.calls['ec2:DescribeManagedPrefixLists']).toBe(1);
    // The partners list holds 0.0.0.0/0, so port 8080 of the web group is open to the internet through it.
    const web = resourcesIn(inventory, 'ec2.security-group', EU).find((g) => g.groupId === 'sg-0web0000000000001')!;
    const onWeb = runChecks(inventory, ALL_CHECKS, { now: NOW }).findings.filter((f) => f.resource.id === web.id && f.checkId === 'ec2-sg-no-world-high-risk-ports');
    expect(onWeb.map((f) => [f.key, f.status])).toEqual([['Port::8080', 'FAIL']]);
  });

  test('AccessDenied on DescribeSecurityGroups: security-group coverage error and UNKNOWN findings, every other EC2 kind still ok', async () => {
    const clean = await collect(simulate());
    const sim = simulate().inject({ operation: 'ec2:DescribeSecurityGroups', region: EU, type: 'access-denied' });
    const inventory = await collect(sim);
    expect(coverageOf(inventory, 'ec2.security-group', EU)).toEqual([
      { kind: 'ec2.security-group', region: EU, status: 'error', issue: expect.objectContaining({ code: 'ACCESS_DENIED', service: 'ec2', operation: 'DescribeSecurityGroups' }) },
    ]);
    for (const kind of EC2_KINDS.filter((k) => k !== 'ec2.security-group')) expect(coverageOf(inventory, kind, EU)).toEqual([{ kind, region: EU, status: 'ok' }]);
    // Without the groups, every visible prefix list is resolved, so that kind stays complete.
    expect(resourcesIn(inventory, 'ec2.prefix-list', EU).map((l) => l.prefixListId)).toEqual(['pl-0corp000000000001', 'pl-0partners00000001', 'pl-6da54004']);

    const findings = runChecks(inventory, ALL_CHECKS, { now: NOW }).findings;
    const sgFindings = findings.filter((f) => f.resource.region === EU && ALL_CHECKS.find((c) => c.id === f.checkId)?.kind === 'ec2.security-group');
    expect(sgFindings.length).toBeGreaterThan(0);
    expect(new Set(sgFindings.map((f) => f.status))).toEqual(new Set(['UNKNOWN']));
    // The other region is judged as before.
    expect(findings.some((f) => f.resource.region === US && f.checkId.startsWith('ec2-sg-') && f.status !== 'UNKNOWN')).toBe(true);
    expect(expectOnlyUnknownsAdded(inventory, clean).length).toBeGreaterThan(0);
  });

  test('one failing GetManagedPrefixListEntries leaves out only that list, and rules naming it turn UNKNOWN, not PASS', async () => {
    const clean = await collect(simulate());
    const sim = simulate().inject({ operation: 'ec2:GetManagedPrefixListEntries', region: EU, type: 'access-denied', times: 1 });
    const inventory = await collect(sim);
    expect(coverageOf(inventory, 'ec2.prefix-list', EU)).toEqual([{ kind: 'ec2.prefix-list', region: EU, status: 'ok' }]);
    expect(resourcesIn(inventory, 'ec2.prefix-list', EU)).toHaveLength(1);
    const changed = expectOnlyUnknownsAdded(inventory, clean);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((f) => f.resource.id.endsWith('sg-0web0000000000001'))).toBe(true);
  });

  test('launch templates record default, latest and the versions live instances use; a deleted version is absent, not a failure', async () => {
    const sim = simulate();
    const inventory = await collect(sim);
    const [bastion, nodes] = resourcesIn(inventory, 'ec2.launch-template', EU);
    expect(bastion).toMatchObject({ launchTemplateId: 'lt-0bastion00000001', defaultVersion: 1, latestVersion: 1 });
    expect(bastion!.versions.map((v) => v.versionNumber)).toEqual([1]);
    expect(nodes).toMatchObject({ launchTemplateId: 'lt-0nodes0000000001', defaultVersion: 3, latestVersion: 4 });
    expect(nodes).not.toHaveProperty('incomplete');
    // 2 is what node 1 runs; 1 (a stopped instance's) was deleted, so it cannot be recorded.
    expect(nodes!.versions.map((v) => v.versionNumber)).toEqual([2, 3, 4]);
    expect(nodes!.versions[0]).toMatchObject({ metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 2 } });
    const verdicts = runChecks(inventory, ALL_CHECKS, { now: NOW }).findings.filter((f) => f.resource.id === nodes!.id && f.checkId === 'ec2-launch-template-imdsv2-required');
    expect(verdicts.find((f) => f.key === 'Version::2')?.status).toBe('FAIL');
    expect(verdicts.find((f) => f.key === 'Version::1')?.status).toBe('UNKNOWN');
  });

  test('each task alone calls exactly the operations it declares, and the example world makes it call all of them', async () => {
    for (const task of ec2Collector.tasks) {
      const sim = simulate();
      const alone: Collector = { ...ec2Collector, tasks: [task] };
      const inventory = await collect(sim, { collectors: [alone] });
      expect({ kind: task.kind, coverage: inventory.coverage.filter((c) => c.status !== 'ok') }).toEqual({ kind: task.kind, coverage: [] });
      const called = Object.keys(sim.calls).filter((op) => !DRIVER_OPERATIONS.has(op)).sort();
      expect({ kind: task.kind, called }).toEqual({ kind: task.kind, called: [...task.permissions].sort() });
    }
  });

  test('at AWS page sizes each listing is one call per region; per-resource calls only where needed', async () => {
    const sim = simulate(1000);
    await collect(sim);
    const { ['sts:GetCallerIdentity']: _sts, ['ec2:DescribeRegions']: _regions, ...calls } = sim.calls;
    expect(calls).toEqual({
      'ec2:DescribeVpcs': 2,
      'ec2:DescribeSubnets': 2,
      'ec2:DescribeSecurityGroups': 2,
      'ec2:DescribeNetworkAcls': 2,
      'ec2:DescribeFlowLogs': 2,
      'ec2:DescribeNetworkInterfaces': 2,
      'ec2:DescribeInstances': 2,
      'ec2:DescribeVolumes': 2,
      'ec2:DescribeLaunchTemplates': 2,
      // eu-west-1: default and latest of every template in one call, then node 1's version 2 together
      // with the deleted version 1 (refused), then each alone.
      'ec2:DescribeLaunchTemplateVersions': 4,
      // Only eu-west-1's groups reference lists: one listing, one entries call per referenced list.
      'ec2:DescribeManagedPrefixLists': 1,
      'ec2:GetManagedPrefixListEntries': 2,
      'ec2:GetEbsEncryptionByDefault': 2,
      'ec2:GetEbsDefaultKmsKeyId': 2,
      'ec2:GetInstanceMetadataDefaults': 2,
    });
  });

  test('throttling on 30 % of EC2 calls is retried and the inventory equals the clean one', async () => {
    const clean = await collect(simulate());
    const sim = simulate().inject({ operation: 'ec2:*', type: 'throttle', rate: 0.3 });
    const throttled = await collect(sim, { retryStrategy: new ConfiguredRetryStrategy(10, () => 2) });
    expect(throttled.source.collection!.throttles).toBeGreaterThan(0);
    expect(throttled.resources).toEqual(clean.resources);
    expect(throttled.coverage).toEqual(clean.coverage);
  });
});
