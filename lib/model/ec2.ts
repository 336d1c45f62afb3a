import { z } from 'zod';
import { isoDate, resourceBase } from './common';
import { resolvable } from './resolvable';

const rstring = resolvable(z.string());
const rbool = resolvable(z.boolean());
const rint = resolvable(z.number().int());

export const vpcSchema = z.strictObject({
  kind: z.literal('ec2.vpc'),
  ...resourceBase,
  vpcId: rstring,
  cidrBlocks: z.array(rstring),
  ipv6CidrBlocks: z.array(rstring),
  isDefault: z.boolean(),
  state: z.string().optional(),
});

export const subnetSchema = z.strictObject({
  kind: z.literal('ec2.subnet'),
  ...resourceBase,
  subnetId: rstring,
  vpcId: rstring,
  cidrBlock: rstring.optional(),
  ipv6CidrBlocks: z.array(rstring),
  availabilityZone: rstring.optional(),
  /** Instances launched here get a public IPv4 address by default (EC2.15). */
  mapPublicIpOnLaunch: rbool,
  assignIpv6AddressOnCreation: rbool,
});

/**
 * Who a security-group rule admits or reaches: an IPv4 or IPv6 CIDR, a managed prefix list, or
 * another security group. One rule per peer, as `DescribeSecurityGroupRules` lists them.
 */
export const sgPeerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ipv4'), cidr: rstring }),
  z.strictObject({ type: z.literal('ipv6'), cidr: rstring }),
  z.strictObject({ type: z.literal('prefix-list'), prefixListId: rstring }),
  z.strictObject({ type: z.literal('security-group'), groupId: rstring, accountId: z.string().optional() }),
]);

export const sgRuleSchema = z.strictObject({
  /** `-1` (all traffic), `tcp`, `udp`, `icmp`, `icmpv6` or an IP protocol number as a string. */
  protocol: rstring,
  /** Absent for protocol `-1`; for ICMP these carry type and code. */
  fromPort: rint.optional(),
  toPort: rint.optional(),
  peer: sgPeerSchema,
  description: z.string().optional(),
});

export const securityGroupSchema = z.strictObject({
  kind: z.literal('ec2.security-group'),
  ...resourceBase,
  groupId: rstring,
  groupName: rstring,
  vpcId: rstring.optional(),
  description: z.string().optional(),
  ingress: z.array(sgRuleSchema),
  egress: z.array(sgRuleSchema),
});

export const naclEntrySchema = z.strictObject({
  ruleNumber: rint,
  egress: rbool,
  action: resolvable(z.enum(['allow', 'deny'])),
  /** `-1` for all, or an IP protocol number as a string (`6` TCP, `17` UDP). */
  protocol: rstring,
  cidr: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ipv4'), cidr: rstring }),
    z.strictObject({ type: z.literal('ipv6'), cidr: rstring }),
  ]),
  portRange: z.strictObject({ from: rint, to: rint }).optional(),
});

export const networkAclSchema = z.strictObject({
  kind: z.literal('ec2.network-acl'),
  ...resourceBase,
  networkAclId: rstring,
  vpcId: rstring,
  isDefault: z.boolean(),
  associatedSubnetIds: z.array(rstring),
  entries: z.array(naclEntrySchema),
});

export const flowLogSchema = z.strictObject({
  kind: z.literal('ec2.flow-log'),
  ...resourceBase,
  flowLogId: rstring,
  /** The VPC, subnet or network interface id the flow log watches. */
  resourceId: rstring,
  trafficType: resolvable(z.enum(['ACCEPT', 'REJECT', 'ALL'])),
  /** `ACTIVE` live; templates do not say (absent). */
  status: z.string().optional(),
  deliverLogsStatus: z.string().optional(),
  destinationType: rstring.optional(),
});

/** Instance metadata service settings, as instances and launch templates carry them. */
export const metadataOptionsSchema = z.strictObject({
  /** `required` = IMDSv2 only. */
  httpTokens: resolvable(z.enum(['required', 'optional'])),
  httpPutResponseHopLimit: rint,
  httpEndpoint: resolvable(z.enum(['enabled', 'disabled'])),
});

export const instanceSchema = z.strictObject({
  kind: z.literal('ec2.instance'),
  ...resourceBase,
  instanceId: rstring,
  state: z.string().optional(),
  vpcId: rstring.optional(),
  subnetId: rstring.optional(),
  imageId: rstring.optional(),
  metadataOptions: metadataOptionsSchema,
  publicIpAddress: z.string().optional(),
  /** The instance will get a public address on launch (templates: AssociatePublicIpAddress). */
  associatePublicIp: rbool.optional(),
  iamInstanceProfileArn: rstring.optional(),
  securityGroupIds: z.array(rstring),
  launchTemplate: z.strictObject({ launchTemplateId: rstring, version: rstring }).optional(),
  /** Ids of attached EBS volumes; see `ec2.volume`. */
  volumeIds: z.array(rstring),
  launchedAt: isoDate.optional(),
});

export const blockDeviceSchema = z.strictObject({
  deviceName: rstring,
  encrypted: rbool.optional(),
  kmsKeyId: rstring.optional(),
  volumeType: rstring.optional(),
  volumeSize: rint.optional(),
});

export const launchTemplateVersionSchema = z.strictObject({
  versionNumber: z.number().int(),
  /** Absent when the version does not set metadata options (instances then take the AMI's and account's defaults). */
  metadataOptions: z
    .strictObject({
      httpTokens: resolvable(z.enum(['required', 'optional'])).optional(),
      httpPutResponseHopLimit: rint.optional(),
      httpEndpoint: resolvable(z.enum(['enabled', 'disabled'])).optional(),
    })
    .optional(),
  blockDevices: z.array(blockDeviceSchema),
  associatePublicIp: rbool.optional(),
  securityGroupIds: z.array(rstring),
  imageId: rstring.optional(),
  keyName: rstring.optional(),
  hasUserData: z.boolean().optional(),
});

/** A launch template with the versions that matter: default, latest, and those in use. */
export const launchTemplateSchema = z.strictObject({
  kind: z.literal('ec2.launch-template'),
  ...resourceBase,
  launchTemplateId: rstring,
  name: rstring,
  defaultVersion: z.number().int().optional(),
  latestVersion: z.number().int().optional(),
  versions: z.array(launchTemplateVersionSchema),
});

export const volumeSchema = z.strictObject({
  kind: z.literal('ec2.volume'),
  ...resourceBase,
  volumeId: rstring,
  encrypted: rbool,
  kmsKeyId: rstring.optional(),
  volumeType: rstring.optional(),
  state: z.string().optional(),
  attachedInstanceIds: z.array(rstring),
});

export const networkInterfaceSchema = z.strictObject({
  kind: z.literal('ec2.network-interface'),
  ...resourceBase,
  networkInterfaceId: z.string(),
  subnetId: z.string().optional(),
  vpcId: z.string().optional(),
  interfaceType: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  attachedInstanceId: z.string().optional(),
  publicIp: z.string().optional(),
  /** Who created it when AWS did on your behalf (e.g. EKS for cluster ENIs). */
  requesterId: z.string().optional(),
});

export const managedPrefixListSchema = z.strictObject({
  kind: z.literal('ec2.prefix-list'),
  ...resourceBase,
  prefixListId: z.string(),
  name: z.string(),
  ownerId: z.string().optional(),
  addressFamily: z.enum(['IPv4', 'IPv6']),
  cidrs: z.array(z.string()),
});

/**
 * Regional EC2 settings that are not resources of their own: EBS encryption by default and the
 * account's instance-metadata defaults. One per region.
 */
export const regionSettingsSchema = z.strictObject({
  kind: z.literal('ec2.region-settings'),
  ...resourceBase,
  ebsEncryptionByDefault: rbool,
  ebsDefaultKmsKeyId: rstring.optional(),
  imdsDefaults: z.strictObject({
    /** `no-preference` lets the AMI decide. */
    httpTokens: z.enum(['required', 'optional', 'no-preference']),
    httpPutResponseHopLimit: z.number().int().optional(),
    /** The default for the metadata endpoint itself (`disabled`: new instances get no IMDS); absent when the account sets none. */
    httpEndpoint: resolvable(z.enum(['enabled', 'disabled'])).optional(),
  }),
});

export interface Vpc extends z.infer<typeof vpcSchema> {}
export interface Subnet extends z.infer<typeof subnetSchema> {}
export interface SecurityGroup extends z.infer<typeof securityGroupSchema> {}
export interface NetworkAcl extends z.infer<typeof networkAclSchema> {}
export interface FlowLog extends z.infer<typeof flowLogSchema> {}
export interface Instance extends z.infer<typeof instanceSchema> {}
export interface LaunchTemplate extends z.infer<typeof launchTemplateSchema> {}
export interface Volume extends z.infer<typeof volumeSchema> {}
export interface NetworkInterface extends z.infer<typeof networkInterfaceSchema> {}
export interface ManagedPrefixList extends z.infer<typeof managedPrefixListSchema> {}
export interface RegionSettings extends z.infer<typeof regionSettingsSchema> {}
export type SgRule = z.infer<typeof sgRuleSchema>;
export type SgPeer = z.infer<typeof sgPeerSchema>;
export type NaclEntry = z.infer<typeof naclEntrySchema>;
export type MetadataOptions = z.infer<typeof metadataOptionsSchema>;
export type LaunchTemplateVersion = z.infer<typeof launchTemplateVersionSchema>;
