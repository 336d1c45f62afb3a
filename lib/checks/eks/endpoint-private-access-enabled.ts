import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { CIS_EKS, eksGuide } from './lib/references';

export const eksEndpointPrivateAccessEnabled = defineResourceCheck({
  id: 'eks-endpoint-private-access-enabled',
  kind: 'eks.cluster',
  title: 'EKS API endpoint is reachable privately from the cluster VPC',
  severity: 'medium',
  description:
    'Private endpoint access is on, so nodes and anything inside the VPC reach the Kubernetes API through the cluster\'s ' +
    'network interfaces in the VPC rather than over the internet. Whether the public endpoint is also open is judged by ' +
    'eks-endpoint-not-public. CIS EKS 5.4.3 (private nodes) remediates exactly this setting.',
  risk:
    'Without private access, kubelets and in-cluster clients talk to the API server over the public endpoint: node traffic ' +
    'leaves the VPC through NAT or public addresses, and the public endpoint cannot be closed without cutting the nodes off.',
  remediation:
    'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPrivateAccess=true ' +
    '(then restrict or disable public access). HardenedEksCluster creates private clusters.',
  references: [eksGuide('cluster-endpoint'), CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.4.3'] } },

  evaluate(cluster) {
    const name = must(cluster.name);
    const evidence = { privateAccess: must(cluster.endpoint.privateAccess), publicAccess: must(cluster.endpoint.publicAccess) };
    if (evidence.privateAccess) return pass(`Cluster ${name} has private endpoint access: in-VPC traffic to the API stays in the VPC.`, { evidence });
    return fail(`Cluster ${name} has no private endpoint access: its nodes reach the API server over the public endpoint.`, { evidence });
  },
});
