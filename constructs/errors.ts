import type { IConstruct } from 'constructs';
import { HardeksError } from '../lib/errors';

/**
 * Stable codes of the construct-time validation errors. Messages may change; codes do not.
 */
export enum HardeningErrorCode {
  /** `0.0.0.0/0` or `::/0` among the networks allowed to reach the public API endpoint. */
  WORLD_OPEN_ENDPOINT = 'WORLD_OPEN_ENDPOINT',
  /** A public-access CIDR that is not an IPv4 or IPv6 network in CIDR notation. */
  INVALID_CIDR = 'INVALID_CIDR',
  /** An IMDS hop limit other than 1 (default) or 2 (explicit opt-in). */
  IMDS_HOP_LIMIT = 'IMDS_HOP_LIMIT',
  /** A node AMI type that is not Amazon Linux 2023 or Bottlerocket. */
  NODE_OS_NOT_HARDENED = 'NODE_OS_NOT_HARDENED',
  /** A root volume size outside what EBS and the node OS accept. */
  ROOT_VOLUME_SIZE = 'ROOT_VOLUME_SIZE',
  /** Node group sizes that contradict each other (min > desired, desired > max, ...). */
  NODEGROUP_SIZE = 'NODEGROUP_SIZE',
  /** A Kubernetes name (namespace, service account) that is not an RFC 1123 label or subdomain. */
  KUBERNETES_NAME = 'KUBERNETES_NAME',
  /** A namespace that belongs to Kubernetes or EKS itself, where workload defaults do not belong. */
  RESERVED_NAMESPACE = 'RESERVED_NAMESPACE',
  /** A workload identity or access grant for a namespace the cluster does not manage. */
  UNKNOWN_NAMESPACE = 'UNKNOWN_NAMESPACE',
  /** An IAM user given cluster access: access entries should name roles. */
  IAM_USER_PRINCIPAL = 'IAM_USER_PRINCIPAL',
  /** An access grant that asks for more than the access level allows (cluster admin per namespace). */
  ACCESS_SCOPE = 'ACCESS_SCOPE',
  /** A cluster name that the control-plane log group cannot be named after. */
  CLUSTER_NAME = 'CLUSTER_NAME',
  /** A setting that needs the kubectl provider while it is turned off. */
  KUBECTL_REQUIRED = 'KUBECTL_REQUIRED',
  /** A Kubernetes version the bundled kubectl cannot drive (more than one minor version apart). */
  KUBECTL_VERSION_SKEW = 'KUBECTL_VERSION_SKEW',
  /** A VPC setting that cannot host a hardened cluster (no private subnets, too few zones). */
  VPC = 'VPC',
  /** A trail name CloudTrail would refuse. */
  TRAIL_NAME = 'TRAIL_NAME',
  /** Log retention shorter than the hardened minimum. */
  LOG_RETENTION = 'LOG_RETENTION',
  /** A GuardDuty mode that needs a detector id, or a detector id the mode ignores. */
  GUARDDUTY_MODE = 'GUARDDUTY_MODE',
  /** An IAM password policy weaker than the CIS AWS Foundations Benchmark. */
  PASSWORD_POLICY = 'PASSWORD_POLICY',
}

/**
 * A hardened construct was configured in a way that would weaken it. Thrown while the construct is
 * built, so `cdk synth` stops before anything is deployed; `code` is stable, the message says
 * which construct and what to change.
 */
export class HardeningValidationError extends HardeksError {
  /** The construct path, when the error belongs to one. */
  readonly constructPath?: string;

  constructor(code: HardeningErrorCode, message: string, scope?: IConstruct) {
    super(code, scope ? `${scope.node.path}: ${message}` : message);
    if (scope) this.constructPath = scope.node.path;
  }
}
