import { defineResourceCheck, fail, must, mustAll, pass } from '../../engine/check';

/** A CIDR whose prefix length is 0 admits every address of its family (`0.0.0.0/0`, `::/0`, `0::/0`). */
function admitsEveryAddress(cidr: string): boolean {
  const slash = cidr.lastIndexOf('/');
  return slash >= 0 && Number(cidr.slice(slash + 1).trim()) === 0;
}

export const eksEndpointNotPublic = defineResourceCheck({
  id: 'eks-endpoint-not-public',
  kind: 'eks.cluster',
  title: 'EKS API endpoint is not open to the whole internet',
  severity: 'high',
  description:
    'The Kubernetes API endpoint of the cluster is private, or public only to listed networks. ' +
    'EKS opens a public endpoint to 0.0.0.0/0 unless told otherwise.',
  risk:
    'An API server reachable from anywhere is exposed to internet-wide scanning, credential stuffing with leaked ' +
    'kubeconfigs and tokens, and exploitation of API server vulnerabilities before they are patched.',
  remediation:
    'Turn public endpoint access off and private access on (aws eks update-cluster-config --resources-vpc-config ' +
    'endpointPublicAccess=false,endpointPrivateAccess=true), or restrict publicAccessCidrs to the networks that need it. ' +
    'HardenedEksCluster does this by default.',
  references: [
    'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-1',
  ],
  frameworks: { securityHub: ['EKS.1'], cisEks: { '1.7': ['5.4.1', '5.4.2'] } },

  evaluate(cluster) {
    if (must(cluster.endpoint.publicAccess) === false) {
      return pass('The public endpoint is disabled; the API is reachable only from inside the VPC.');
    }
    const cidrs = mustAll(cluster.endpoint.publicAccessCidrs);
    const evidence = { publicAccess: true, publicAccessCidrs: cidrs, privateAccess: cluster.endpoint.privateAccess };
    const open = cidrs.filter(admitsEveryAddress);
    if (open.length > 0) return fail(`The public endpoint admits ${open.join(' and ')}: the API server is open to the internet.`, { evidence });
    return pass(`The public endpoint admits only ${cidrs.join(', ')}.`, { evidence });
  },
});
