import { z } from 'zod';
import { isoDate, resourceBase } from './common';
import { resolvable } from './resolvable';

const rstring = resolvable(z.string());
const rbool = resolvable(z.boolean());

/** The five control-plane log types EKS can ship to CloudWatch Logs. */
export const EKS_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;
export type EksLogType = (typeof EKS_LOG_TYPES)[number];

const healthIssuesSchema = z.array(z.strictObject({ code: z.string(), message: z.string().optional() }));

export const eksClusterSchema = z.strictObject({
  kind: z.literal('eks.cluster'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  /** Kubernetes minor version, e.g. `1.33`. */
  version: rstring,
  platformVersion: z.string().optional(),
  status: z.string().optional(),
  roleArn: rstring.optional(),
  /** Sources apply EKS defaults: public access on, and `0.0.0.0/0` when no CIDRs were given. */
  endpoint: z.strictObject({
    publicAccess: rbool,
    privateAccess: rbool,
    publicAccessCidrs: z.array(rstring),
  }),
  vpcId: rstring.optional(),
  subnetIds: z.array(rstring),
  securityGroupIds: z.array(rstring),
  /** The security group EKS creates for the control plane and managed nodes. */
  clusterSecurityGroupId: rstring.optional(),
  /** Control-plane log types that are enabled. */
  enabledLogTypes: z.array(rstring),
  /** KMS key used to envelope-encrypt Kubernetes secrets; absent when secrets are not encrypted. */
  secretsKeyArn: rstring.optional(),
  /** OIDC issuer URL (with `https://`), the base of IRSA trust. */
  oidcIssuer: rstring.optional(),
  access: z.strictObject({
    /** API, API_AND_CONFIG_MAP or CONFIG_MAP (aws-auth only, deprecated). */
    authenticationMode: rstring,
    /** Whether the creator got cluster-admin at creation; absent when the API no longer reports it. */
    bootstrapClusterCreatorAdminPermissions: rbool.optional(),
  }),
  deletionProtection: rbool.optional(),
  /** STANDARD or EXTENDED support policy. */
  upgradeSupportType: rstring.optional(),
  /** EKS Auto Mode compute is on. */
  autoMode: rbool.optional(),
  health: healthIssuesSchema.optional(),
  createdAt: isoDate.optional(),
});

export const eksNodegroupSchema = z.strictObject({
  kind: z.literal('eks.nodegroup'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  /** Id of the owning `eks.cluster`. */
  clusterId: z.string(),
  clusterName: rstring,
  version: rstring.optional(),
  releaseVersion: z.string().optional(),
  /** AL2_x86_64, AL2023_x86_64_STANDARD, BOTTLEROCKET_x86_64, CUSTOM, … */
  amiType: rstring.optional(),
  capacityType: rstring.optional(),
  status: z.string().optional(),
  nodeRoleArn: rstring,
  subnetIds: z.array(rstring),
  instanceTypes: z.array(rstring),
  /** SSH access to the nodes; absent when none. `sourceSecurityGroups` empty = open to the world. */
  remoteAccess: z.strictObject({ ec2SshKey: rstring.optional(), sourceSecurityGroups: z.array(rstring) }).optional(),
  launchTemplate: z.strictObject({ id: rstring.optional(), name: rstring.optional(), version: rstring }).optional(),
  diskSizeGiB: resolvable(z.number().int()).optional(),
  health: healthIssuesSchema.optional(),
});

export const eksAddonSchema = z.strictObject({
  kind: z.literal('eks.addon'),
  ...resourceBase,
  name: rstring,
  arn: rstring.optional(),
  clusterId: z.string(),
  clusterName: rstring,
  version: rstring.optional(),
  /** ACTIVE, DEGRADED, CREATE_FAILED, … */
  status: z.string().optional(),
  serviceAccountRoleArn: rstring.optional(),
  /** Configuration values as given (JSON or YAML text). */
  configurationValues: rstring.optional(),
  podIdentityAssociations: z.array(rstring),
  health: healthIssuesSchema.optional(),
});

export const accessPolicyAssociationSchema = z.strictObject({
  policyArn: rstring,
  scope: z.strictObject({ type: resolvable(z.enum(['cluster', 'namespace'])), namespaces: z.array(rstring) }),
});

export const eksAccessEntrySchema = z.strictObject({
  kind: z.literal('eks.access-entry'),
  ...resourceBase,
  clusterId: z.string(),
  clusterName: rstring,
  principalArn: rstring,
  /** STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, EC2, HYBRID_LINUX, … */
  type: rstring,
  username: rstring.optional(),
  kubernetesGroups: z.array(rstring),
  accessPolicies: z.array(accessPolicyAssociationSchema),
  createdAt: isoDate.optional(),
});

export const eksPodIdentityAssociationSchema = z.strictObject({
  kind: z.literal('eks.pod-identity-association'),
  ...resourceBase,
  associationId: rstring,
  clusterId: z.string(),
  clusterName: rstring,
  namespace: rstring,
  serviceAccount: rstring,
  roleArn: rstring,
  targetRoleArn: rstring.optional(),
});

export const eksIdentityProviderConfigSchema = z.strictObject({
  kind: z.literal('eks.identity-provider-config'),
  ...resourceBase,
  name: rstring,
  clusterId: z.string(),
  clusterName: rstring,
  issuerUrl: rstring,
  clientId: rstring,
  status: z.string().optional(),
});

/**
 * A Kubernetes version as EKS supports it in a region (`DescribeClusterVersions`), recorded so a
 * snapshot can be judged offline against the support calendar of the day it was taken.
 */
export const eksClusterVersionSchema = z.strictObject({
  kind: z.literal('eks.cluster-version'),
  ...resourceBase,
  version: z.string(),
  /** STANDARD_SUPPORT, EXTENDED_SUPPORT or UNSUPPORTED. */
  status: z.string(),
  releaseDate: isoDate.optional(),
  endOfStandardSupportDate: isoDate.optional(),
  endOfExtendedSupportDate: isoDate.optional(),
  defaultVersion: z.boolean().optional(),
});

export interface EksCluster extends z.infer<typeof eksClusterSchema> {}
export interface EksNodegroup extends z.infer<typeof eksNodegroupSchema> {}
export interface EksAddon extends z.infer<typeof eksAddonSchema> {}
export interface EksAccessEntry extends z.infer<typeof eksAccessEntrySchema> {}
export interface EksPodIdentityAssociation extends z.infer<typeof eksPodIdentityAssociationSchema> {}
export interface EksIdentityProviderConfig extends z.infer<typeof eksIdentityProviderConfigSchema> {}
export interface EksClusterVersion extends z.infer<typeof eksClusterVersionSchema> {}
