/**
 * The Kubernetes objects that make a namespace safe for workloads by default. Pure data: the
 * cluster applies them through its kubectl provider.
 */

/** Pod Security Admission modes; all three at `restricted`, so violations are refused, audited and shown to the deployer. */
const PSA_MODES = ['enforce', 'audit', 'warn'] as const;

/** The Pod Security Standards labels: `restricted` in every mode, following the cluster's Kubernetes version. */
export function podSecurityLabels(): Record<string, string> {
  return Object.fromEntries(
    PSA_MODES.flatMap((mode) => [
      [`pod-security.kubernetes.io/${mode}`, 'restricted'],
      [`pod-security.kubernetes.io/${mode}-version`, 'latest'],
    ]),
  );
}

/** Names of the NetworkPolicies every workload namespace gets. */
export const DEFAULT_DENY_POLICY = 'default-deny-all';
export const DNS_EGRESS_POLICY = 'allow-dns-egress';

/**
 * The namespace (restricted Pod Security), its `default` service account without an API token, a
 * default-deny NetworkPolicy for ingress and egress, and the one exception every pod needs: DNS to
 * CoreDNS in kube-system. Enforced only when the VPC CNI runs with network policy on.
 */
export function workloadNamespaceObjects(namespace: string): Record<string, unknown>[] {
  const allPods = {};
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: podSecurityLabels() } },
    // Pods that do not name a service account must not get a Kubernetes API token by default.
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace }, automountServiceAccountToken: false },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: DEFAULT_DENY_POLICY, namespace },
      spec: { podSelector: allPods, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: DNS_EGRESS_POLICY, namespace },
      spec: {
        podSelector: allPods,
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    },
  ];
}
