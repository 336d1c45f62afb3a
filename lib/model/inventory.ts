import { z } from 'zod';
import { collectionIssueSchema, isoDate } from './common';
import { trailSchema, s3BucketSchema, type S3Bucket, type Trail } from './cloudtrail';
import {
  flowLogSchema,
  instanceSchema,
  launchTemplateSchema,
  managedPrefixListSchema,
  networkAclSchema,
  networkInterfaceSchema,
  regionSettingsSchema,
  securityGroupSchema,
  subnetSchema,
  volumeSchema,
  vpcSchema,
  type FlowLog,
  type Instance,
  type LaunchTemplate,
  type ManagedPrefixList,
  type NetworkAcl,
  type NetworkInterface,
  type RegionSettings,
  type SecurityGroup,
  type Subnet,
  type Volume,
  type Vpc,
} from './ec2';
import {
  eksAccessEntrySchema,
  eksAddonSchema,
  eksClusterSchema,
  eksClusterVersionSchema,
  eksIdentityProviderConfigSchema,
  eksNodegroupSchema,
  eksPodIdentityAssociationSchema,
  type EksAccessEntry,
  type EksAddon,
  type EksCluster,
  type EksClusterVersion,
  type EksIdentityProviderConfig,
  type EksNodegroup,
  type EksPodIdentityAssociation,
} from './eks';
import { detectorSchema, type Detector } from './guardduty';
import {
  accessAnalyzerSchema,
  iamAccountSchema,
  iamGroupSchema,
  iamOidcProviderSchema,
  iamPolicySchema,
  iamRoleSchema,
  iamServerCertificateSchema,
  iamUserSchema,
  type AccessAnalyzer,
  type IamAccount,
  type IamGroup,
  type IamOidcProvider,
  type IamPolicy,
  type IamRole,
  type IamServerCertificate,
  type IamUser,
} from './iam';
import { kmsKeySchema, type KmsKey } from './kms';

/** Bumped whenever a serialized inventory changes shape; readers refuse versions they do not know. */
export const SCHEMA_VERSION = 1 as const;

/** Every resource kind hardeks models, with its schema. The order is the order of reports and snapshots. */
export const RESOURCE_SCHEMAS = {
  'iam.account': iamAccountSchema,
  'iam.user': iamUserSchema,
  'iam.group': iamGroupSchema,
  'iam.role': iamRoleSchema,
  'iam.policy': iamPolicySchema,
  'iam.oidc-provider': iamOidcProviderSchema,
  'iam.server-certificate': iamServerCertificateSchema,
  'accessanalyzer.analyzer': accessAnalyzerSchema,
  'ec2.vpc': vpcSchema,
  'ec2.subnet': subnetSchema,
  'ec2.security-group': securityGroupSchema,
  'ec2.network-acl': networkAclSchema,
  'ec2.flow-log': flowLogSchema,
  'ec2.instance': instanceSchema,
  'ec2.launch-template': launchTemplateSchema,
  'ec2.volume': volumeSchema,
  'ec2.network-interface': networkInterfaceSchema,
  'ec2.prefix-list': managedPrefixListSchema,
  'ec2.region-settings': regionSettingsSchema,
  'kms.key': kmsKeySchema,
  'cloudtrail.trail': trailSchema,
  's3.bucket': s3BucketSchema,
  'guardduty.detector': detectorSchema,
  'eks.cluster': eksClusterSchema,
  'eks.nodegroup': eksNodegroupSchema,
  'eks.addon': eksAddonSchema,
  'eks.access-entry': eksAccessEntrySchema,
  'eks.pod-identity-association': eksPodIdentityAssociationSchema,
  'eks.identity-provider-config': eksIdentityProviderConfigSchema,
  'eks.cluster-version': eksClusterVersionSchema,
} as const;

/** Resource kind → its interface. Kept in step with RESOURCE_SCHEMAS by the compiler (see below). */
export interface ResourceKinds {
  'iam.account': IamAccount;
  'iam.user': IamUser;
  'iam.group': IamGroup;
  'iam.role': IamRole;
  'iam.policy': IamPolicy;
  'iam.oidc-provider': IamOidcProvider;
  'iam.server-certificate': IamServerCertificate;
  'accessanalyzer.analyzer': AccessAnalyzer;
  'ec2.vpc': Vpc;
  'ec2.subnet': Subnet;
  'ec2.security-group': SecurityGroup;
  'ec2.network-acl': NetworkAcl;
  'ec2.flow-log': FlowLog;
  'ec2.instance': Instance;
  'ec2.launch-template': LaunchTemplate;
  'ec2.volume': Volume;
  'ec2.network-interface': NetworkInterface;
  'ec2.prefix-list': ManagedPrefixList;
  'ec2.region-settings': RegionSettings;
  'kms.key': KmsKey;
  'cloudtrail.trail': Trail;
  's3.bucket': S3Bucket;
  'guardduty.detector': Detector;
  'eks.cluster': EksCluster;
  'eks.nodegroup': EksNodegroup;
  'eks.addon': EksAddon;
  'eks.access-entry': EksAccessEntry;
  'eks.pod-identity-association': EksPodIdentityAssociation;
  'eks.identity-provider-config': EksIdentityProviderConfig;
  'eks.cluster-version': EksClusterVersion;
}

export type ResourceKind = keyof ResourceKinds;
export type Resource = ResourceKinds[ResourceKind];

// Compile-time guard: the interface map and the schema map name the same kinds with the same shapes.
type SchemaShapes = { [K in keyof typeof RESOURCE_SCHEMAS]: z.infer<(typeof RESOURCE_SCHEMAS)[K]> };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: Same<SchemaShapes, ResourceKinds> = true;
// …and every schema's `kind` literal is the key it is registered under.
const kindsNamed: { [K in ResourceKind]: Same<ResourceKinds[K]['kind'], K> } = Object.fromEntries(
  Object.keys(RESOURCE_SCHEMAS).map((k) => [k, true]),
) as { [K in ResourceKind]: true };
void kindsAgree;
void kindsNamed;

export const RESOURCE_KINDS = Object.keys(RESOURCE_SCHEMAS) as ResourceKind[];

export function isResourceKind(value: string): value is ResourceKind {
  return Object.prototype.hasOwnProperty.call(RESOURCE_SCHEMAS, value);
}

/** `iam.role` → `iam`: the service a kind belongs to. */
export function serviceOfKind(kind: ResourceKind): string {
  return kind.slice(0, kind.indexOf('.'));
}

/** Kinds collected once per account rather than per region; their resources and coverage use region `global`. */
export const GLOBAL_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>([
  'iam.account',
  'iam.user',
  'iam.group',
  'iam.role',
  'iam.policy',
  'iam.oidc-provider',
  'iam.server-certificate',
  's3.bucket',
]);

/** Region value of a coverage entry that covers every region (template sources). */
export const ANY_REGION = '*';

/**
 * What a source collected for one kind in one region, and what failed. `part` narrows an error to
 * one part of a kind collected by several calls (e.g. `iam.account` `credentialReport`).
 */
export const coverageSchema = z.strictObject({
  kind: z.enum(RESOURCE_KINDS as [ResourceKind, ...ResourceKind[]]),
  region: z.string(),
  status: z.enum(['ok', 'error', 'skipped']),
  part: z.string().optional(),
  issue: collectionIssueSchema.optional(),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** What a live collection cost; carried into reports so slow or throttled scans are visible. */
export const collectionStatsSchema = z.strictObject({
  durationMs: z.number(),
  /** Calls per IAM-style operation name (`eks:ListClusters`), retries not counted. */
  calls: z.record(z.string(), z.number().int()),
  /** Attempts beyond the first, over all calls. */
  retries: z.number().int(),
  /** Attempts AWS answered with a throttling error. */
  throttles: z.number().int(),
  /** Calls that failed after their retries. */
  failures: z.number().int(),
  /** Summed wall time of calls per service (calls overlap). */
  serviceMs: z.record(z.string(), z.number()),
});
export type CollectionStats = z.infer<typeof collectionStatsSchema>;

export const inventorySourceSchema = z.strictObject({
  /** live: collected from AWS; template: CloudFormation/CDK; synthetic: hand-written or generated. */
  type: z.enum(['live', 'template', 'synthetic']),
  accountId: z.string().optional(),
  partition: z.string().optional(),
  /** Regions this inventory speaks for: region-scope checks report on each of them. */
  regions: z.array(z.string()).optional(),
  collectedAt: isoDate.optional(),
  /** Template sources: stack name and file. */
  stack: z.string().optional(),
  file: z.string().optional(),
  description: z.string().optional(),
  /** Live sources: the cost of the collection. */
  collection: collectionStatsSchema.optional(),
});
export type InventorySource = z.infer<typeof inventorySourceSchema>;

const resourcesShape = Object.fromEntries(
  RESOURCE_KINDS.map((kind) => [kind, z.array(RESOURCE_SCHEMAS[kind]).optional()]),
) as { [K in ResourceKind]: z.ZodOptional<z.ZodArray<(typeof RESOURCE_SCHEMAS)[K]>> };

export const inventorySchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: inventorySourceSchema,
  resources: z.strictObject(resourcesShape),
  coverage: z.array(coverageSchema),
});

/** The one shape every source produces and every check reads. JSON-safe: it round-trips through a snapshot exactly. */
export interface Inventory {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly source: InventorySource;
  readonly resources: { readonly [K in ResourceKind]?: readonly ResourceKinds[K][] };
  readonly coverage: readonly Coverage[];
}
