import { Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { IConstruct } from 'constructs';
import { HardeningErrorCode, HardeningValidationError } from './errors';
import { requireNamespaceName } from './kubernetes-names';

/**
 * What a principal may do in the cluster, as an EKS access policy. From least to most privilege.
 * @see https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html
 */
export enum ClusterAccessLevel {
  /** Read most objects, not secrets (AmazonEKSViewPolicy). */
  VIEW = 'VIEW',
  /** Read and change most objects in the namespaces given, secrets included (AmazonEKSEditPolicy). */
  EDIT = 'EDIT',
  /** Everything in the namespaces given, roles and bindings included (AmazonEKSAdminPolicy). */
  ADMIN = 'ADMIN',
  /** Everything, everywhere (AmazonEKSClusterAdminPolicy): grant it to a break-glass role only. */
  CLUSTER_ADMIN = 'CLUSTER_ADMIN',
}

const POLICY_NAMES: Record<ClusterAccessLevel, string> = {
  [ClusterAccessLevel.VIEW]: 'AmazonEKSViewPolicy',
  [ClusterAccessLevel.EDIT]: 'AmazonEKSEditPolicy',
  [ClusterAccessLevel.ADMIN]: 'AmazonEKSAdminPolicy',
  [ClusterAccessLevel.CLUSTER_ADMIN]: 'AmazonEKSClusterAdminPolicy',
};

/** Options of `HardenedEksCluster.grantAccess`. */
export interface ClusterAccessOptions {
  /**
   * The access level.
   * @default ClusterAccessLevel.VIEW
   */
  readonly level?: ClusterAccessLevel;
  /**
   * Namespaces the access is limited to. EDIT and ADMIN must name namespaces; CLUSTER_ADMIN cannot.
   * @default - the whole cluster (VIEW only)
   */
  readonly namespaces?: string[];
}

/** Levels that may not be granted cluster-wide: write access is always limited to namespaces. */
const NAMESPACED_ONLY = new Set([ClusterAccessLevel.EDIT, ClusterAccessLevel.ADMIN]);

/** The access policy for a grant, or a validation error when the grant asks for more than least privilege allows. */
export function accessPolicyFor(options: ClusterAccessOptions, scope: IConstruct): eks.IAccessPolicy {
  const level = options.level ?? ClusterAccessLevel.VIEW;
  const namespaces = (options.namespaces ?? []).map((ns) => requireNamespaceName(ns, scope));
  if (NAMESPACED_ONLY.has(level) && namespaces.length === 0) {
    throw new HardeningValidationError(HardeningErrorCode.ACCESS_SCOPE, `${level} access must be limited to namespaces; grant CLUSTER_ADMIN explicitly for cluster-wide write access`, scope);
  }
  if (level === ClusterAccessLevel.CLUSTER_ADMIN && namespaces.length > 0) {
    throw new HardeningValidationError(HardeningErrorCode.ACCESS_SCOPE, 'CLUSTER_ADMIN is cluster-wide by definition; use ADMIN for namespaces', scope);
  }
  return eks.AccessPolicy.fromAccessPolicyName(
    POLICY_NAMES[level],
    namespaces.length > 0 ? { accessScopeType: eks.AccessScopeType.NAMESPACE, namespaces } : { accessScopeType: eks.AccessScopeType.CLUSTER },
  );
}

/** Access entries name IAM roles: users carry long-lived keys and cannot be federated or rotated centrally. */
export function requireRolePrincipal(principalArn: string, scope: IConstruct): string {
  if (!Token.isUnresolved(principalArn) && /^arn:[^:]+:iam::[^:]*:user\//.test(principalArn)) {
    throw new HardeningValidationError(HardeningErrorCode.IAM_USER_PRINCIPAL, `${principalArn} is an IAM user; grant cluster access to IAM roles (federated or assumed), never to users`, scope);
  }
  return principalArn;
}
