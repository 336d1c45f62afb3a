import { must } from '../../../engine/check';
import type { EksAccessEntry } from '../../../model';

/**
 * Access policies that make their holder an administrator of the whole cluster when scoped to the
 * cluster: AmazonEKSClusterAdminPolicy (Kubernetes `cluster-admin`) and AmazonEKSAdminPolicy
 * (`admin` in every namespace).
 */
const CLUSTER_ADMIN_POLICIES = new Set(['AmazonEKSClusterAdminPolicy', 'AmazonEKSAdminPolicy']);

/** The cluster-admin access policies an entry holds at cluster scope, by name. Unresolved policies or scopes make this Indeterminate. */
export function clusterAdminPolicies(entry: EksAccessEntry): string[] {
  return entry.accessPolicies
    .filter((association) => CLUSTER_ADMIN_POLICIES.has(policyName(must(association.policyArn))) && must(association.scope.type) === 'cluster')
    .map((association) => policyName(must(association.policyArn)));
}

/** `AmazonEKSClusterAdminPolicy` from `arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`. */
export function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** `user` or `role` for an IAM principal ARN (a path may follow the type); undefined for anything else. */
export function principalType(arn: string): 'user' | 'role' | undefined {
  const match = /^arn:[a-z-]+:iam::\d{12}:(user|role)\//.exec(arn);
  return match ? (match[1] as 'user' | 'role') : undefined;
}
