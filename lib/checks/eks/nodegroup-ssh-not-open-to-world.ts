import { defineResourceCheck, fail, must, mustAll, pass } from '../../engine/check';
import { EKS_BEST_PRACTICES_HOSTS, wellArchitected } from './lib/references';

export const eksNodegroupSshNotOpenToWorld = defineResourceCheck({
  id: 'eks-nodegroup-ssh-not-open-to-world',
  kind: 'eks.nodegroup',
  title: 'EKS node groups do not open SSH to the internet',
  severity: 'high',
  description:
    'A managed node group with remote access (an EC2 SSH key) names the source security groups allowed in. EKS documents that ' +
    'a key without source security groups opens port 22 (3389 on Windows) of every node to 0.0.0.0/0. Node groups without ' +
    'remote access pass; limited remote access is judged by eks-nodegroup-no-remote-access.',
  risk: 'Every node answers SSH from the whole internet: brute force and key theft lead straight to a host that runs other tenants\' pods and holds the node role.',
  remediation:
    'Recreate the node group without remote access (it cannot be changed in place) and use SSM Session Manager for node access; ' +
    'at the very least name source security groups.',
  references: ['https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html', EKS_BEST_PRACTICES_HOSTS, wellArchitected('sec_protect_compute_reduce_manual_management')],
  frameworks: { wellArchitected: ['SEC06-BP03'] },

  evaluate(nodegroup) {
    const name = must(nodegroup.name);
    const remote = nodegroup.remoteAccess;
    if (!remote) return pass(`Node group ${name} has no SSH remote access.`);
    const sources = mustAll(remote.sourceSecurityGroups);
    const evidence = { ec2SshKey: remote.ec2SshKey === undefined ? undefined : must(remote.ec2SshKey), sourceSecurityGroups: sources };
    return sources.length === 0
      ? fail(`Node group ${name} opens SSH on every node to 0.0.0.0/0 (remote access with no source security group).`, { evidence })
      : pass(`Node group ${name} admits SSH only from ${sources.join(', ')}.`, { evidence });
  },
});
