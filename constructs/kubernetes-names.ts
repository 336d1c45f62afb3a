import { Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { HardeningErrorCode, HardeningValidationError } from './errors';

/** RFC 1123 label: what Kubernetes accepts as a namespace name. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** RFC 1123 subdomain: what Kubernetes accepts as a service account name. */
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Namespaces Kubernetes and EKS own: system pods run there, and workload defaults (restricted PSS, default deny) would break them. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'default', 'amazon-guardduty']);

/**
 * A namespace name, checked when it is known at synth time. A token (a value resolved at deploy time)
 * is let through: only Kubernetes can judge it.
 */
export function requireNamespaceName(name: string, scope: IConstruct): string {
  if (!Token.isUnresolved(name) && !DNS_LABEL.test(name)) {
    throw new HardeningValidationError(HardeningErrorCode.KUBERNETES_NAME, `"${name}" is not a valid namespace name (RFC 1123 label: lowercase letters, digits and '-', at most 63 characters); wildcards are not allowed`, scope);
  }
  return name;
}

/** A service account name, checked when known at synth time. */
export function requireServiceAccountName(name: string, scope: IConstruct): string {
  if (!Token.isUnresolved(name) && !DNS_SUBDOMAIN.test(name)) {
    throw new HardeningValidationError(HardeningErrorCode.KUBERNETES_NAME, `"${name}" is not a valid service account name (RFC 1123 subdomain); wildcards are not allowed`, scope);
  }
  return name;
}

/** A namespace for workloads: valid, and not one that Kubernetes or EKS runs system pods in. */
export function requireWorkloadNamespace(name: string, scope: IConstruct): string {
  requireNamespaceName(name, scope);
  if (SYSTEM_NAMESPACES.has(name)) {
    throw new HardeningValidationError(HardeningErrorCode.RESERVED_NAMESPACE, `"${name}" belongs to Kubernetes or EKS; workload namespaces are new namespaces that get restricted Pod Security and default-deny policies`, scope);
  }
  return name;
}
