import { Annotations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct, IConstruct } from 'constructs';
import { HardeningErrorCode, HardeningValidationError } from './errors';
import { HardeksValidation } from './validation';

/**
 * Options of a hardened managed node group. Every node group gets a launch template that requires
 * IMDSv2 with hop limit 1, encrypted gp3 volumes and no SSH key, runs AL2023 or Bottlerocket, and
 * lives in private subnets.
 */
export interface HardenedNodegroupOptions {
  /**
   * The node AMI: an Amazon Linux 2023 or Bottlerocket type (AL2 and Windows are refused).
   * @default eks.NodegroupAmiType.AL2023_X86_64_STANDARD
   */
  readonly amiType?: eks.NodegroupAmiType;
  /**
   * Instance types.
   * @default - m6i.large for x86_64 AMIs, m7g.large for ARM AMIs
   */
  readonly instanceTypes?: ec2.InstanceType[];
  /** @default 2 */
  readonly minSize?: number;
  /** @default - minSize */
  readonly desiredSize?: number;
  /** @default - the larger of 4 and desiredSize */
  readonly maxSize?: number;
  /** @default eks.CapacityType.ON_DEMAND */
  readonly capacityType?: eks.CapacityType;
  /**
   * Size of the root volume (AL2023) or the data volume (Bottlerocket), in GiB.
   * @default 50
   */
  readonly volumeSizeGiB?: number;
  /**
   * Customer managed key for the node volumes. The key policy must let the
   * `AWSServiceRoleForAutoScaling` service-linked role use it (EKS launches nodes through Auto Scaling).
   * @default - the account's AWS managed EBS key (volumes are encrypted either way)
   */
  readonly volumeEncryptionKey?: kms.IKey;
  /**
   * IMDSv2 PUT response hop limit. 1 keeps pods away from the node role's credentials; 2 is an
   * explicit opt-in for workloads that must read instance metadata, and adds a synth warning.
   * @default 1
   */
  readonly imdsHopLimit?: number;
  /**
   * Subnets for the nodes; public subnets are refused.
   * @default - the VPC's private subnets with egress
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Node role.
   * @default - the cluster's node role: AmazonEKSWorkerNodePolicy and AmazonEC2ContainerRegistryPullOnly, no CNI permissions
   */
  readonly nodeRole?: iam.IRole;
  /** Kubernetes labels of the nodes. @default - none */
  readonly labels?: Record<string, string>;
  /** Kubernetes taints of the nodes. @default - none */
  readonly taints?: eks.TaintSpec[];
  /**
   * EKS replaces nodes that report unhealthy.
   * @default true
   */
  readonly enableNodeAutoRepair?: boolean;
}

const HARDENED_AMI_PREFIXES = ['AL2023_', 'BOTTLEROCKET_'];
const DEFAULT_VOLUME_GIB = 50;
/** AL2023's EKS AMI snapshot is 20 GiB; EBS gp3 volumes stop at 16 TiB. */
const VOLUME_GIB_RANGE = [20, 16384] as const;

/** The node AMI type, refused unless it is AL2023 or Bottlerocket (the container-optimised, supported OSes). */
export function requireHardenedAmi(amiType: eks.NodegroupAmiType, scope: IConstruct): eks.NodegroupAmiType {
  if (!HARDENED_AMI_PREFIXES.some((prefix) => amiType.startsWith(prefix))) {
    throw new HardeningValidationError(HardeningErrorCode.NODE_OS_NOT_HARDENED, `amiType ${amiType} is not Amazon Linux 2023 or Bottlerocket`, scope);
  }
  return amiType;
}

/**
 * 1 by default; 2 only when asked for, with a warning that containers (`who`) can then reach the
 * instance role's credentials through the metadata service.
 */
export function requireHopLimit(hopLimit: number | undefined, scope: IConstruct, who = 'pods on these nodes'): number {
  const limit = hopLimit ?? 1;
  if (limit !== 1 && limit !== 2) {
    throw new HardeningValidationError(HardeningErrorCode.IMDS_HOP_LIMIT, `the IMDS hop limit must be 1 (default) or 2 (opt-in for containers that need instance metadata); got ${limit}`, scope);
  }
  if (limit === 2) {
    Annotations.of(scope).addWarningV2(
      'hardeks:imds-hop-limit-2',
      `IMDS hop limit is 2: ${who} can reach the instance metadata service and the instance role's credentials. Prefer Pod Identity or IRSA and hop limit 1.`,
    );
  }
  return limit;
}

function requireVolumeSize(size: number, scope: IConstruct): number {
  const [min, max] = VOLUME_GIB_RANGE;
  if (!Number.isInteger(size) || size < min || size > max) {
    throw new HardeningValidationError(HardeningErrorCode.ROOT_VOLUME_SIZE, `volumeSizeGiB must be a whole number from ${min} to ${max}; got ${size}`, scope);
  }
  return size;
}

function requirePrivateSubnets(subnets: ec2.SubnetSelection | undefined, scope: IConstruct): ec2.SubnetSelection {
  if (subnets?.subnetType === ec2.SubnetType.PUBLIC) {
    throw new HardeningValidationError(HardeningErrorCode.VPC, 'node groups must not be placed in public subnets', scope);
  }
  return subnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
}

interface Sizes {
  readonly minSize: number;
  readonly desiredSize: number;
  readonly maxSize: number;
}

function requireSizes(options: HardenedNodegroupOptions, scope: IConstruct): Sizes {
  const minSize = options.minSize ?? 2;
  const desiredSize = options.desiredSize ?? minSize;
  const maxSize = options.maxSize ?? Math.max(4, desiredSize);
  if (![minSize, desiredSize, maxSize].every((n) => Number.isInteger(n) && n >= 0) || minSize > desiredSize || desiredSize > maxSize || maxSize < 1) {
    throw new HardeningValidationError(HardeningErrorCode.NODEGROUP_SIZE, `node group sizes must satisfy 0 <= minSize <= desiredSize <= maxSize, maxSize >= 1; got ${minSize}/${desiredSize}/${maxSize}`, scope);
  }
  return { minSize, desiredSize, maxSize };
}

const isArm = (amiType: eks.NodegroupAmiType) => amiType.includes('ARM_64');
const isBottlerocket = (amiType: eks.NodegroupAmiType) => amiType.startsWith('BOTTLEROCKET_');

function encryptedGp3(sizeGiB: number | undefined, key: kms.IKey | undefined): ec2.CfnLaunchTemplate.EbsProperty {
  return {
    volumeType: 'gp3',
    encrypted: true,
    deleteOnTermination: true,
    ...(sizeGiB !== undefined ? { volumeSize: sizeGiB } : {}),
    ...(key ? { kmsKeyId: key.keyArn } : {}),
  };
}

/**
 * The volumes a node boots with. AL2023 has one root volume. Bottlerocket keeps its OS on /dev/xvda
 * (left at the AMI's size) and containers on the data volume /dev/xvdb; both are encrypted.
 */
function blockDevices(amiType: eks.NodegroupAmiType, sizeGiB: number, key: kms.IKey | undefined): ec2.CfnLaunchTemplate.BlockDeviceMappingProperty[] {
  if (isBottlerocket(amiType)) {
    return [
      { deviceName: '/dev/xvda', ebs: encryptedGp3(undefined, key) },
      { deviceName: '/dev/xvdb', ebs: encryptedGp3(sizeGiB, key) },
    ];
  }
  return [{ deviceName: '/dev/xvda', ebs: encryptedGp3(sizeGiB, key) }];
}

/**
 * The node launch template: IMDSv2 only, with the given hop limit and no instance tags in metadata;
 * encrypted gp3 volumes; no key pair, no user data, no instance profile (EKS sets those it needs).
 */
function nodeLaunchTemplate(scope: Construct, id: string, amiType: eks.NodegroupAmiType, hopLimit: number, options: HardenedNodegroupOptions): ec2.CfnLaunchTemplate {
  return new ec2.CfnLaunchTemplate(scope, id, {
    launchTemplateData: {
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: hopLimit, instanceMetadataTags: 'disabled' },
      blockDeviceMappings: blockDevices(amiType, requireVolumeSize(options.volumeSizeGiB ?? DEFAULT_VOLUME_GIB, scope), options.volumeEncryptionKey),
    },
  });
}

/** Adds a managed node group with the hardened launch template to the cluster. */
export function addHardenedNodegroup(cluster: eks.Cluster, scope: Construct, id: string, nodeRole: iam.IRole, options: HardenedNodegroupOptions = {}): eks.Nodegroup {
  const amiType = requireHardenedAmi(options.amiType ?? eks.NodegroupAmiType.AL2023_X86_64_STANDARD, scope);
  const hopLimit = requireHopLimit(options.imdsHopLimit, scope);
  const sizes = requireSizes(options, scope);
  const launchTemplate = nodeLaunchTemplate(scope, `${id}LaunchTemplate`, amiType, hopLimit, options);
  const nodegroup = cluster.addNodegroupCapacity(id, {
    amiType,
    instanceTypes: options.instanceTypes ?? [new ec2.InstanceType(isArm(amiType) ? 'm7g.large' : 'm6i.large')],
    ...sizes,
    capacityType: options.capacityType ?? eks.CapacityType.ON_DEMAND,
    subnets: requirePrivateSubnets(options.subnets, scope),
    nodeRole: options.nodeRole ?? nodeRole,
    launchTemplateSpec: { id: launchTemplate.ref, version: launchTemplate.attrLatestVersionNumber },
    enableNodeAutoRepair: options.enableNodeAutoRepair ?? true,
    ...(options.labels ? { labels: options.labels } : {}),
    ...(options.taints ? { taints: options.taints } : {}),
  });
  if (hopLimit === 2) acceptHopLimitTwo(id, nodegroup, launchTemplate);
  return nodegroup;
}

/** The explicit opt-in is an accepted risk: recorded with the node group and its launch template, so every audit shows it as such. */
function acceptHopLimitTwo(id: string, ...scopes: IConstruct[]): void {
  for (const scope of scopes) {
    HardeksValidation.acknowledge(scope, {
      checkId: '*imds-hop-limit-restricted',
      reason: `imdsHopLimit: 2 was set explicitly for node group ${id}, whose pods need instance metadata; they can reach the node role's credentials.`,
    });
  }
}
