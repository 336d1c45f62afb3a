import type { Pack } from './types';

export const CIS_EKS_1_7: Pack = {
  id: 'cis-eks-1.7',
  name: 'CIS Amazon Elastic Kubernetes Service (EKS) Benchmark',
  shortName: 'CIS EKS 1.7',
  version: '1.7.0',
  source: { field: 'cisEks', version: '1.7' },
  scope:
    'The cloud-layer controls: control plane logging (section 2) and managed services (section 5). Worker node (section 3) and Kubernetes policy (section 4) controls are judged inside the cluster, by tools such as kube-bench.',
  controls: [
    { id: '2.1.1', title: 'Control plane audit logs are enabled' },
    { id: '2.1.2', title: 'Audit logs are collected and managed', gap: 'manual' },
    { id: '5.1.1', title: 'Container images are scanned for vulnerabilities', gap: 'out-of-scope' },
    { id: '5.1.2', title: 'User access to Amazon ECR is minimised', gap: 'out-of-scope' },
    { id: '5.1.3', title: 'Cluster access to Amazon ECR is read-only', gap: 'out-of-scope' },
    { id: '5.1.4', title: 'Only approved container registries are used', gap: 'out-of-scope' },
    { id: '5.2.1', title: 'Workloads use dedicated service account identities' },
    { id: '5.3.1', title: 'Kubernetes secrets are encrypted with KMS keys' },
    { id: '5.4.1', title: 'Access to the control plane endpoint is restricted' },
    { id: '5.4.2', title: 'The private endpoint is enabled and public access disabled' },
    { id: '5.4.3', title: 'Clusters are created with private nodes' },
    { id: '5.4.4', title: 'Network policy is enabled and set as appropriate' },
    { id: '5.4.5', title: 'Traffic to HTTPS load balancers is encrypted with TLS', gap: 'out-of-scope' },
    { id: '5.5.1', title: 'Kubernetes RBAC users are managed with IAM authentication' },
  ],
};
