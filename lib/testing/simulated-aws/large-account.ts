import type { RoleDetail, UserDetail, ManagedPolicyDetail, GroupDetail } from '@aws-sdk/client-iam';
import type { Cluster } from '@aws-sdk/client-eks';
import type { IpPermission, SecurityGroup, Reservation, NetworkAclEntry } from '@aws-sdk/client-ec2';
import type { KmsKeyWorld, KmsRegionWorld } from './services/kms';
import type { Ec2RegionWorld } from './services/ec2';
import type { EksRegionWorld } from './services/eks';
import type { GuardDutyRegionWorld } from './services/guardduty';
import type { AccessAnalyzerRegionWorld } from './services/access-analyzer';
import type { CloudTrailWorldTrail } from './services/cloudtrail';
import type { S3WorldBucket } from './services/s3';
import { CREDENTIAL_REPORT_HEADER, urlEncodedPolicy } from './services/iam';
import type { SimWorld } from './world';

/**
 * The size of a generated account. Totals are spread round-robin over the regions; per-VPC and
 * per-cluster counts apply to each VPC and cluster.
 */
export interface LargeAccountParameters {
  readonly regions: number;
  readonly vpcsPerRegion: number;
  readonly subnetsPerVpc: number;
  /** Custom network ACLs per VPC, besides the default one. */
  readonly naclsPerVpc: number;
  readonly securityGroups: number;
  /** Ingress and egress rules (one peer each) over all security groups. */
  readonly securityGroupRules: number;
  /** Each instance has a network interface and a root volume. */
  readonly instances: number;
  readonly launchTemplates: number;
  readonly users: number;
  readonly groups: number;
  readonly roles: number;
  /** Customer managed policies. */
  readonly policies: number;
  readonly keys: number;
  /** Trails homed in the first region; the first is multi-region. */
  readonly trails: number;
  /** Regions with a GuardDuty detector (the first ones). */
  readonly detectors: number;
  readonly clusters: number;
  readonly nodegroupsPerCluster: number;
  readonly addonsPerCluster: number;
  readonly accessEntriesPerCluster: number;
  readonly podIdentityAssociationsPerCluster: number;
}

/**
 * Presets. `large` is the account of the benchmark (17 regions, 3,000 roles, 1,000 users,
 * 20,000 security group rules, 500 keys, 40 clusters); `small` keeps tests quick; `evaluation`
 * reaches about 100,000 resources for the evaluation benchmark.
 */
export const LARGE_ACCOUNT_PRESETS = {
  small: {
    regions: 3, vpcsPerRegion: 1, subnetsPerVpc: 2, naclsPerVpc: 1, securityGroups: 12, securityGroupRules: 60, instances: 12, launchTemplates: 3,
    users: 10, groups: 2, roles: 15, policies: 5, keys: 6, trails: 2, detectors: 2, clusters: 3,
    nodegroupsPerCluster: 2, addonsPerCluster: 2, accessEntriesPerCluster: 2, podIdentityAssociationsPerCluster: 1,
  },
  large: {
    regions: 17, vpcsPerRegion: 2, subnetsPerVpc: 6, naclsPerVpc: 1, securityGroups: 2000, securityGroupRules: 20_000, instances: 2000, launchTemplates: 200,
    users: 1000, groups: 40, roles: 3000, policies: 500, keys: 500, trails: 3, detectors: 17, clusters: 40,
    nodegroupsPerCluster: 3, addonsPerCluster: 4, accessEntriesPerCluster: 5, podIdentityAssociationsPerCluster: 3,
  },
  evaluation: {
    regions: 17, vpcsPerRegion: 4, subnetsPerVpc: 6, naclsPerVpc: 2, securityGroups: 12_000, securityGroupRules: 80_000, instances: 25_000, launchTemplates: 1500,
    users: 2000, groups: 60, roles: 6000, policies: 1500, keys: 1500, trails: 3, detectors: 17, clusters: 120,
    nodegroupsPerCluster: 4, addonsPerCluster: 5, accessEntriesPerCluster: 8, podIdentityAssociationsPerCluster: 6,
  },
} as const satisfies Record<string, LargeAccountParameters>;

/** Commercial regions, in a fixed order (the first is where global services and trails live). */
export const COMMERCIAL_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1', 'eu-south-1',
  'eu-central-2', 'ap-east-1', 'me-south-1', 'af-south-1', 'ap-southeast-3', 'me-central-1', 'eu-south-2', 'ap-south-2', 'il-central-1',
] as const;

export const LARGE_ACCOUNT_ID = '555566667777';

const created = new Date('2025-01-15T10:00:00Z');

/** `total` spread over `parts` buckets as evenly as possible (the first ones get the remainder). */
export function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const uuid = (n: number) => `${hex(n, 8)}-0000-4000-8000-${hex(n, 12)}`;
const tags = (values: Record<string, string>) => Object.entries(values).map(([Key, Value]) => ({ Key, Value }));

// ---------------------------------------------------------------------------------------------
// IAM
// ---------------------------------------------------------------------------------------------

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const WORKER = 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy';

function awsManagedPolicies(attachments: Record<string, number>): ManagedPolicyDetail[] {
  const document = (action: string) => urlEncodedPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
  const policy = (arn: string, action: string): ManagedPolicyDetail => ({
    PolicyName: arn.split('/').pop(),
    PolicyId: `ANPA${hex(arn.length, 16).toUpperCase()}`,
    Arn: arn,
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: attachments[arn] ?? 0,
    IsAttachable: true,
    PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: document(action) }],
  });
  return [policy(ADMIN, '*'), policy(READ_ONLY, 'ec2:Describe*'), policy(WORKER, 'eks:DescribeCluster')];
}

function iamWorld(p: LargeAccountParameters, account: string, oidcHosts: readonly string[]) {
  const arn = (rest: string) => `arn:aws:iam::${account}:${rest}`;
  const policyArn = (i: number) => arn(`policy/app-${i}`);
  const readDocument = (i: number) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [`s3:GetObject`, `sqs:SendMessage`], Resource: `arn:aws:s3:::app-${i}/*` }] });
  const policies: ManagedPolicyDetail[] = Array.from({ length: p.policies }, (_, i) => ({
    PolicyName: `app-${i}`,
    PolicyId: `ANPA${hex(i, 17).toUpperCase()}`,
    Arn: policyArn(i),
    Path: '/',
    DefaultVersionId: 'v2',
    AttachmentCount: 1,
    IsAttachable: true,
    CreateDate: created,
    UpdateDate: created,
    PolicyVersionList: [
      { VersionId: 'v2', IsDefaultVersion: true, CreateDate: created, Document: urlEncodedPolicy(i % 50 === 0 ? { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] } : readDocument(i)) },
      { VersionId: 'v1', IsDefaultVersion: false, CreateDate: created, Document: urlEncodedPolicy(readDocument(i)) },
    ],
  }));
  const groups: GroupDetail[] = Array.from({ length: p.groups }, (_, i) => ({
    GroupName: `team-${i}`,
    GroupId: `AGPA${hex(i, 17).toUpperCase()}`,
    Arn: arn(`group/team-${i}`),
    Path: '/',
    CreateDate: created,
    GroupPolicyList: [],
    AttachedManagedPolicies: [{ PolicyName: i === 0 ? 'AdministratorAccess' : 'ReadOnlyAccess', PolicyArn: i === 0 ? ADMIN : READ_ONLY }],
  }));
  const users: UserDetail[] = Array.from({ length: p.users }, (_, i) => ({
    UserName: `user-${i}`,
    UserId: `AIDA${hex(i, 17).toUpperCase()}`,
    Arn: arn(`user/people/user-${i}`),
    Path: '/people/',
    CreateDate: created,
    GroupList: p.groups > 0 ? [`team-${i % p.groups}`] : [],
    AttachedManagedPolicies: i % 10 === 0 && p.policies > 0 ? [{ PolicyName: `app-${i % p.policies}`, PolicyArn: policyArn(i % p.policies) }] : [],
    UserPolicyList: i % 25 === 0 ? [{ PolicyName: 'inline', PolicyDocument: urlEncodedPolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: '*' } }) }] : [],
    Tags: tags({ team: `team-${i % 7}` }),
  }));
  const roles: RoleDetail[] = Array.from({ length: p.roles }, (_, i) => {
    const host = oidcHosts.length > 0 && i % 3 === 0 ? oidcHosts[i % oidcHosts.length] : undefined;
    const trust = host
      ? {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: arn(`oidc-provider/${host}`) },
              Action: 'sts:AssumeRoleWithWebIdentity',
              // Every ninth IRSA role forgets its subject condition.
              Condition: { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', ...(i % 9 === 0 ? {} : { [`${host}:sub`]: `system:serviceaccount:apps:sa-${i}` }) } },
            },
          ],
        }
      : { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: i % 2 ? 'ec2.amazonaws.com' : 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    return {
      RoleName: `role-${i}`,
      RoleId: `AROA${hex(i, 17).toUpperCase()}`,
      Arn: arn(`role/role-${i}`),
      Path: '/',
      CreateDate: created,
      AssumeRolePolicyDocument: urlEncodedPolicy(trust),
      InstanceProfileList: [],
      RolePolicyList: i % 4 === 0 ? [{ PolicyName: 'inline', PolicyDocument: urlEncodedPolicy(readDocument(i)) }] : [],
      AttachedManagedPolicies: [
        ...(p.policies > 0 ? [{ PolicyName: `app-${i % p.policies}`, PolicyArn: policyArn(i % p.policies) }] : []),
        ...(i % 100 === 0 ? [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN }] : []),
        ...(i % 5 === 1 ? [{ PolicyName: 'AmazonEKSWorkerNodePolicy', PolicyArn: WORKER }] : []),
      ],
      RoleLastUsed: i % 2 ? { LastUsedDate: new Date('2026-11-01T00:00:00Z'), Region: 'us-east-1' } : {},
      Tags: [],
    };
  });
  const attachments = { [ADMIN]: 1 + Math.ceil(p.roles / 100), [READ_ONLY]: Math.max(0, p.groups - 1), [WORKER]: Math.ceil(p.roles / 5) };
  const reportRow = (u: UserDetail, i: number) =>
    [u.UserName, u.Arn, '2025-01-15T10:00:00+00:00', i % 3 ? 'true' : 'false', 'N/A', 'N/A', 'N/A', i % 4 ? 'true' : 'false',
      i % 2 ? 'true' : 'false', i % 2 ? '2025-06-01T00:00:00+00:00' : 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'false', 'N/A'].join(',');
  return {
    users,
    groups,
    roles,
    policies: [...policies, ...awsManagedPolicies(attachments)],
    passwordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, PasswordReusePrevention: 24 },
    summary: { Users: p.users, Groups: p.groups, Roles: p.roles, Policies: p.policies, AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 },
    credentialReport: {
      generatedTime: new Date('2026-11-25T23:00:00Z'),
      csv: [
        CREDENTIAL_REPORT_HEADER,
        `<root_account>,arn:aws:iam::${account}:root,2020-01-01T00:00:00+00:00,not_supported,2026-10-01T12:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
        ...users.map(reportRow),
      ].join('\n'),
    },
    virtualMfaDevices: users.filter((_, i) => i % 4).map((u) => ({ SerialNumber: arn(`mfa/${u.UserName}`), User: { UserName: u.UserName!, UserId: u.UserId!, Arn: u.Arn!, Path: u.Path!, CreateDate: created }, EnableDate: created })),
    oidcProviders: oidcHosts.map((host) => ({ Arn: arn(`oidc-provider/${host}`), Url: host, ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'], CreateDate: created })),
    serverCertificates: [],
  };
}

// ---------------------------------------------------------------------------------------------
// EC2
// ---------------------------------------------------------------------------------------------

/** Rules of one group: mostly internal, some open to the world on a web or an admin port. */
function sgPermissions(group: number, count: number, prefixListId: string): { ingress: IpPermission[]; egress: IpPermission[] } {
  const ingress: IpPermission[] = [];
  for (let r = 0; r < count - 1; r++) {
    const port = [443, 80, 8080, 5432, 6379, 22, 3389][(group + r) % 7]!;
    const world = (group + r) % 11 === 0;
    const viaPrefixList = (group + r) % 13 === 0;
    ingress.push({
      IpProtocol: 'tcp',
      FromPort: port,
      ToPort: port,
      IpRanges: viaPrefixList ? [] : [{ CidrIp: world ? '0.0.0.0/0' : `10.${group % 250}.${r % 250}.0/24`, Description: `rule ${r}` }],
      Ipv6Ranges: [],
      PrefixListIds: viaPrefixList ? [{ PrefixListId: prefixListId }] : [],
      UserIdGroupPairs: [],
    });
  }
  const egress: IpPermission[] = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }];
  return { ingress, egress };
}

function naclEntries(custom: boolean): NetworkAclEntry[] {
  const base: NetworkAclEntry[] = [false, true].flatMap((Egress) => [
    { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress, CidrBlock: '0.0.0.0/0' },
  ]);
  if (!custom) return base;
  return [
    { RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
    { RuleNumber: 95, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 3389, To: 3389 } },
    ...base,
  ];
}

interface RegionShare {
  readonly securityGroups: number;
  readonly rules: number;
  readonly instances: number;
  readonly launchTemplates: number;
}

function ec2Region(p: LargeAccountParameters, region: string, account: string, share: RegionShare, ri: number): Ec2RegionWorld {
  const arn = (type: string, id: string) => `arn:aws:ec2:${region}:${account}:${type}/${id}`;
  const id = (prefix: string, n: number) => `${prefix}-0${hex(ri, 2)}${hex(n, 14)}`;
  const vpcs = Array.from({ length: p.vpcsPerRegion }, (_, v) => ({ VpcId: id('vpc', v), OwnerId: account, CidrBlock: `10.${v}.0.0/16`, IsDefault: v === 0, State: 'available' as const }));
  const subnets = vpcs.flatMap((vpc, v) =>
    Array.from({ length: p.subnetsPerVpc }, (_, s) => {
      const subnetId = id('subnet', v * 100 + s);
      return { SubnetId: subnetId, SubnetArn: arn('subnet', subnetId), OwnerId: account, VpcId: vpc.VpcId, CidrBlock: `10.${v}.${s}.0/24`, AvailabilityZone: `${region}${'abc'[s % 3]}`, MapPublicIpOnLaunch: s === 0 };
    }),
  );
  const prefixListId = id('pl', 1);
  const rulesPerGroup = spread(share.rules, Math.max(1, share.securityGroups));
  const securityGroups: SecurityGroup[] = Array.from({ length: share.securityGroups }, (_, g) => {
    const { ingress, egress } = sgPermissions(g, Math.max(1, rulesPerGroup[g] ?? 1), prefixListId);
    return {
      GroupId: id('sg', g),
      GroupName: g < vpcs.length ? 'default' : `app-${g}`,
      OwnerId: account,
      VpcId: vpcs[g % vpcs.length]!.VpcId,
      Description: `group ${g}`,
      IpPermissions: ingress,
      IpPermissionsEgress: egress,
      Tags: tags({ team: `team-${g % 7}` }),
    };
  });
  const networkAcls = vpcs.flatMap((vpc, v) =>
    Array.from({ length: 1 + p.naclsPerVpc }, (_, n) => ({
      NetworkAclId: id('acl', v * 10 + n),
      VpcId: vpc.VpcId,
      OwnerId: account,
      IsDefault: n === 0,
      Associations: n === 1 ? subnets.filter((s) => s.VpcId === vpc.VpcId).slice(0, 2).map((s, k) => ({ NetworkAclAssociationId: `aclassoc-${v}-${k}`, NetworkAclId: id('acl', v * 10 + n), SubnetId: s.SubnetId })) : [],
      Entries: naclEntries(n > 0),
    })),
  );
  const templates = Array.from({ length: share.launchTemplates }, (_, t) => ({
    template: { LaunchTemplateId: id('lt', t), LaunchTemplateName: `nodes-${t}`, DefaultVersionNumber: 2, LatestVersionNumber: 3, CreateTime: created },
    versions: [1, 2, 3].map((n) => ({ VersionNumber: n, LaunchTemplateData: { ImageId: 'ami-0eks0000000000001', MetadataOptions: { HttpTokens: n === 1 ? ('optional' as const) : ('required' as const), HttpPutResponseHopLimit: n === 3 ? 2 : 1 }, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: n !== 1, VolumeType: 'gp3' as const, VolumeSize: 80 } }] } })),
  }));
  const reservations: Reservation[] = [];
  const volumes = [];
  const networkInterfaces = [];
  for (let i = 0; i < share.instances; i++) {
    const subnet = subnets[i % subnets.length]!;
    const instanceId = id('i', i);
    const group = securityGroups[i % Math.max(1, securityGroups.length)]?.GroupId;
    const template = templates.length > 0 ? templates[i % templates.length]! : undefined;
    // Every tenth instance still runs version 1 of its template (neither default nor latest).
    const templateTags = template ? [{ Key: 'aws:ec2launchtemplate:id', Value: template.template.LaunchTemplateId }, { Key: 'aws:ec2launchtemplate:version', Value: i % 10 === 0 ? '1' : '2' }] : [];
    if (i % 4 === 0) reservations.push({ ReservationId: id('r', i), OwnerId: account, Instances: [] });
    reservations[reservations.length - 1]!.Instances!.push({
      InstanceId: instanceId,
      ImageId: 'ami-0eks0000000000001',
      State: { Code: 16, Name: 'running' },
      VpcId: subnet.VpcId,
      SubnetId: subnet.SubnetId,
      LaunchTime: created,
      MetadataOptions: { State: 'applied', HttpTokens: i % 6 === 0 ? 'optional' : 'required', HttpPutResponseHopLimit: i % 8 === 0 ? 2 : 1, HttpEndpoint: 'enabled' },
      PublicIpAddress: i % 20 === 0 ? `198.51.100.${i % 250}` : undefined,
      SecurityGroups: group ? [{ GroupId: group }] : [],
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: id('vol', i), Status: 'attached' } }],
      Tags: [...templateTags, ...tags({ Name: `node-${i}` })],
    });
    volumes.push({ VolumeId: id('vol', i), Encrypted: i % 9 !== 0, VolumeType: 'gp3' as const, Size: 80, State: 'in-use' as const, Attachments: [{ InstanceId: instanceId, VolumeId: id('vol', i), Device: '/dev/xvda', State: 'attached' as const }] });
    networkInterfaces.push({
      NetworkInterfaceId: id('eni', i),
      OwnerId: account,
      SubnetId: subnet.SubnetId,
      VpcId: subnet.VpcId,
      InterfaceType: 'interface' as const,
      Groups: group ? [{ GroupId: group }] : [],
      Attachment: { AttachmentId: `eni-attach-${i}`, InstanceId: instanceId, DeviceIndex: 0, Status: 'attached' as const },
      Status: 'in-use' as const,
    });
  }
  return {
    vpcs,
    subnets,
    securityGroups,
    networkAcls,
    flowLogs: vpcs.filter((_, v) => v % 2 === 0).map((vpc, v) => ({ FlowLogId: id('fl', v), ResourceId: vpc.VpcId, TrafficType: 'ALL' as const, FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', LogDestinationType: 'cloud-watch-logs' as const, CreationTime: created })),
    networkInterfaces,
    reservations,
    launchTemplates: templates,
    volumes,
    prefixLists: [
      {
        list: { PrefixListId: prefixListId, PrefixListName: 'corp', PrefixListArn: arn('prefix-list', prefixListId), OwnerId: account, AddressFamily: 'IPv4', State: 'create-complete', MaxEntries: 10, Version: 1 },
        entries: [{ Cidr: '203.0.113.0/24' }, { Cidr: '192.0.2.0/26' }],
      },
    ],
    ebsEncryptionByDefault: ri % 3 !== 0,
    instanceMetadataDefaults: ri % 2 ? { HttpTokens: 'required', HttpPutResponseHopLimit: 2 } : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// KMS, EKS, GuardDuty, Access Analyzer, CloudTrail, S3
// ---------------------------------------------------------------------------------------------

function kmsRegion(region: string, account: string, count: number, ri: number): KmsRegionWorld {
  const keys: KmsKeyWorld[] = Array.from({ length: count }, (_, k) => {
    const keyId = uuid(ri * 100_000 + k);
    const awsManaged = k % 10 === 9;
    return {
      metadata: {
        AWSAccountId: account,
        KeyId: keyId,
        Arn: `arn:aws:kms:${region}:${account}:key/${keyId}`,
        CreationDate: created,
        Enabled: true,
        Description: awsManaged ? 'Default key for EBS' : `app key ${k}`,
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: awsManaged ? 'AWS' : 'CUSTOMER',
        KeySpec: 'SYMMETRIC_DEFAULT',
        MultiRegion: false,
      },
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }] }),
      rotation: { KeyRotationEnabled: k % 3 !== 0, RotationPeriodInDays: 365 },
      tags: awsManaged ? [] : [{ TagKey: 'team', TagValue: `team-${k % 7}` }],
    };
  });
  return { keys, aliases: keys.filter((_, k) => k % 2 === 0).map((key, k) => ({ AliasName: `alias/app-${k}`, AliasArn: `arn:aws:kms:${region}:${account}:alias/app-${k}`, TargetKeyId: key.metadata.KeyId })) };
}

function eksRegion(p: LargeAccountParameters, region: string, account: string, count: number, ri: number): EksRegionWorld {
  const arn = (what: string) => `arn:aws:eks:${region}:${account}:${what}`;
  const names = Array.from({ length: count }, (_, c) => `cluster-${ri}-${c}`);
  const clusters: Cluster[] = names.map((name, c) => ({
    name,
    arn: arn(`cluster/${name}`),
    version: c % 4 === 0 ? '1.29' : '1.33',
    status: 'ACTIVE',
    createdAt: created,
    roleArn: `arn:aws:iam::${account}:role/role-${c}`,
    resourcesVpcConfig: {
      subnetIds: [`subnet-0${hex(ri, 2)}${hex(0, 14)}`, `subnet-0${hex(ri, 2)}${hex(1, 14)}`],
      securityGroupIds: [],
      vpcId: `vpc-0${hex(ri, 2)}${hex(0, 14)}`,
      endpointPublicAccess: c % 3 === 0,
      endpointPrivateAccess: true,
      publicAccessCidrs: c % 3 === 0 ? ['0.0.0.0/0'] : [],
    },
    logging: { clusterLogging: [{ types: c % 2 ? ['api', 'audit', 'authenticator'] : ['api'], enabled: true }] },
    encryptionConfig: c % 5 ? [{ resources: ['secrets'], provider: { keyArn: `arn:aws:kms:${region}:${account}:key/${uuid(ri * 100_000)}` } }] : undefined,
    identity: { oidc: { issuer: `https://${oidcHostOf(region, name)}` } },
    accessConfig: { authenticationMode: c % 4 === 3 ? 'CONFIG_MAP' : 'API_AND_CONFIG_MAP' },
    tags: { team: `team-${c % 7}` },
  }));
  const perCluster = <T>(n: number, make: (name: string, i: number) => T) => Object.fromEntries(names.map((name) => [name, Array.from({ length: n }, (_, i) => make(name, i))]));
  return {
    clusters,
    nodegroups: perCluster(p.nodegroupsPerCluster, (name, i) => ({
      nodegroupName: `ng-${i}`,
      nodegroupArn: arn(`nodegroup/${name}/ng-${i}/1`),
      clusterName: name,
      version: '1.33',
      nodeRole: `arn:aws:iam::${account}:role/role-${i * 5 + 1}`,
      subnets: [`subnet-0${hex(ri, 2)}${hex(1, 14)}`],
      amiType: 'AL2023_x86_64_STANDARD',
      remoteAccess: i === 0 ? { ec2SshKey: 'ops', sourceSecurityGroups: [] } : undefined,
      status: 'ACTIVE',
    })),
    addons: perCluster(p.addonsPerCluster, (name, i) => {
      const addonName = ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent', 'aws-ebs-csi-driver'][i % 5]!;
      return { addonName: i < 5 ? addonName : `${addonName}-${i}`, addonArn: arn(`addon/${name}/${addonName}-${i}/1`), clusterName: name, status: 'ACTIVE', addonVersion: 'v1.0.0-eksbuild.1' };
    }),
    // CONFIG_MAP clusters cannot hold access entries; the collector never asks them.
    accessEntries: Object.fromEntries(
      clusters.map((c) => [
        c.name!,
        c.accessConfig?.authenticationMode === 'CONFIG_MAP'
          ? []
          : Array.from({ length: p.accessEntriesPerCluster }, (_, i) => ({
              entry: { clusterName: c.name, principalArn: `arn:aws:iam::${account}:role/role-${i}`, accessEntryArn: arn(`access-entry/${c.name}/role/${i}/1`), type: 'STANDARD', kubernetesGroups: [] },
              policies: [{ policyArn: i === 0 ? 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy' : 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: i === 0 ? 'cluster' : 'namespace', namespaces: i === 0 ? [] : ['apps'] } }],
            })),
      ]),
    ),
    podIdentityAssociations: perCluster(p.podIdentityAssociationsPerCluster, (name, i) => ({
      clusterName: name,
      namespace: 'apps',
      serviceAccount: `sa-${i}`,
      roleArn: `arn:aws:iam::${account}:role/role-${i * 3 + 1}`,
      associationArn: arn(`podidentityassociation/${name}/a-${i}`),
      associationId: `a-${i}`,
    })),
    identityProviderConfigs: {},
    clusterVersions: [
      { clusterVersion: '1.33', status: 'standard-support', versionStatus: 'STANDARD_SUPPORT', releaseDate: new Date('2025-05-29T00:00:00Z') },
      { clusterVersion: '1.29', status: 'extended-support', versionStatus: 'EXTENDED_SUPPORT', releaseDate: new Date('2024-01-23T00:00:00Z') },
    ],
  };
}

const oidcHostOf = (region: string, cluster: string) => `oidc.eks.${region}.amazonaws.com/id/${hex(cluster.length * 7919 + region.length, 32).toUpperCase()}${cluster.replace(/[^0-9]/g, '')}`;

function guarddutyRegion(enabled: boolean, ri: number): GuardDutyRegionWorld {
  if (!enabled) return { detectors: [] };
  const on = <N extends string>(name: N, status: 'ENABLED' | 'DISABLED' = 'ENABLED') => ({ Name: name as never, Status: status });
  return {
    detectors: [
      {
        detectorId: hex(ri + 1, 32),
        detector: {
          Status: 'ENABLED',
          FindingPublishingFrequency: 'FIFTEEN_MINUTES',
          ServiceRole: 'arn:aws:iam::aws:role/guardduty',
          Features: [on('CLOUD_TRAIL'), on('DNS_LOGS'), on('FLOW_LOGS'), on('S3_DATA_EVENTS'), on('EKS_AUDIT_LOGS', ri % 2 ? 'ENABLED' : 'DISABLED'), on('EBS_MALWARE_PROTECTION'), on('RDS_LOGIN_EVENTS', 'DISABLED'), on('LAMBDA_NETWORK_LOGS'), { ...on('RUNTIME_MONITORING'), AdditionalConfiguration: [on('EKS_ADDON_MANAGEMENT')] }],
        },
        findings: [{ Id: `f-${ri}`, Type: 'Recon:EC2/PortProbeUnprotectedPort', Severity: 5, Service: { Archived: false } }],
      },
    ],
  };
}

function accessAnalyzerRegion(region: string, account: string): AccessAnalyzerRegionWorld {
  return { analyzers: [{ arn: `arn:aws:access-analyzer:${region}:${account}:analyzer/account`, name: 'account', type: 'ACCOUNT', status: 'ACTIVE', createdAt: created }] };
}

function trails(p: LargeAccountParameters, home: string, account: string): { trails: CloudTrailWorldTrail[]; buckets: S3WorldBucket[] } {
  const list = Array.from({ length: p.trails }, (_, t) => {
    const bucket = `trail-logs-${t}-${account}`;
    const trail: CloudTrailWorldTrail = {
      trail: {
        Name: `trail-${t}`,
        S3BucketName: bucket,
        IncludeGlobalServiceEvents: t === 0,
        IsMultiRegionTrail: t === 0,
        HomeRegion: home,
        TrailARN: `arn:aws:cloudtrail:${home}:${account}:trail/trail-${t}`,
        LogFileValidationEnabled: t === 0,
        KmsKeyId: t === 0 ? `arn:aws:kms:${home}:${account}:key/${uuid(0)}` : undefined,
        HasCustomEventSelectors: false,
        HasInsightSelectors: false,
        IsOrganizationTrail: false,
      },
      status: { IsLogging: true, LatestDeliveryTime: new Date('2026-11-25T23:00:00Z') },
      tags: [{ Key: 'owner', Value: 'security' }],
    };
    const s3: S3WorldBucket = {
      name: bucket,
      region: home,
      owner: account,
      publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'cloudtrail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/*` }] }),
      policyIsPublic: false,
      logging: t === 0 ? { TargetBucket: `access-logs-${account}`, TargetPrefix: bucket } : undefined,
      versioning: { Status: 'Enabled' },
    };
    return { trail, s3 };
  });
  return { trails: list.map((x) => x.trail), buckets: list.map((x) => x.s3) };
}

/**
 * A generated account of the given size, served by every simulated service. Deterministic: the
 * same parameters give the same world, with a realistic mix of compliant and non-compliant
 * settings (open admin ports, IMDSv1, unrotated keys, IRSA roles without a subject condition).
 */
export function largeAccountWorld(parameters: LargeAccountParameters = LARGE_ACCOUNT_PRESETS.large, accountId = LARGE_ACCOUNT_ID): SimWorld {
  const p = parameters;
  if (p.regions < 1 || p.regions > COMMERCIAL_REGIONS.length) throw new RangeError(`regions must be 1 to ${COMMERCIAL_REGIONS.length}`);
  const regions = COMMERCIAL_REGIONS.slice(0, p.regions);
  const share = {
    securityGroups: spread(p.securityGroups, p.regions),
    rules: spread(p.securityGroupRules, p.regions),
    instances: spread(p.instances, p.regions),
    launchTemplates: spread(p.launchTemplates, p.regions),
    keys: spread(p.keys, p.regions),
    clusters: spread(p.clusters, p.regions),
  };
  const byRegion = <T>(make: (region: string, i: number) => T) => Object.fromEntries(regions.map((r, i) => [r, make(r, i)]));
  const oidcHosts = regions.flatMap((region, ri) => Array.from({ length: share.clusters[ri]! }, (_, c) => oidcHostOf(region, `cluster-${ri}-${c}`)));
  const { trails: trailList, buckets } = trails(p, regions[0]!, accountId);
  return {
    accountId,
    // The next region is one the account has not opted in to, as real accounts have.
    regions: [...regions.map((name) => ({ name })), ...COMMERCIAL_REGIONS.slice(p.regions, p.regions + 1).map((name) => ({ name, optIn: 'not-opted-in' as const }))],
    services: {
      iam: iamWorld(p, accountId, oidcHosts),
      accessanalyzer: byRegion((r) => accessAnalyzerRegion(r, accountId)),
      ec2: byRegion((r, i) => ec2Region(p, r, accountId, { securityGroups: share.securityGroups[i]!, rules: share.rules[i]!, instances: share.instances[i]!, launchTemplates: share.launchTemplates[i]! }, i)),
      kms: byRegion((r, i) => kmsRegion(r, accountId, share.keys[i]!, i)),
      cloudtrail: { trails: trailList },
      s3: { buckets },
      guardduty: byRegion((_r, i) => guarddutyRegion(i < p.detectors, i)),
      eks: byRegion((r, i) => eksRegion(p, r, accountId, share.clusters[i]!, i)),
    },
  };
}
