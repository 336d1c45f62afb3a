import { defineResourceCheck, fail, must, mustAll, notApplicable, pass } from '../../engine/check';
import { nodeTemplateOf } from './lib/node-template';
import { EKS_BEST_PRACTICES_HOSTS, wellArchitected } from './lib/references';

export const eksNodegroupNoRemoteAccess = defineResourceCheck({
  id: 'eks-nodegroup-no-remote-access',
  kind: 'eks.nodegroup',
  title: 'EKS node groups install no SSH key',
  severity: 'medium',
  description:
    'The node group gives no SSH access to its nodes: no remote access configuration, and no key pair in the launch template ' +
    'version it uses (node groups built from a launch template put the key there). Remote access open to the world is ' +
    'NOT_APPLICABLE here: eks-nodegroup-ssh-not-open-to-world fails it.',
  risk: 'SSH keys are long-lived, shared and rarely rotated; whoever holds one (or reaches port 22 from an allowed group) gets a root shell on nodes that run everyone\'s pods.',
  remediation: 'Use SSM Session Manager (AmazonSSMManagedInstanceCore on the node role) instead of SSH, and roll the node group onto a launch template version without a key.',
  references: [EKS_BEST_PRACTICES_HOSTS, wellArchitected('sec_protect_compute_reduce_manual_management')],
  frameworks: { wellArchitected: ['SEC06-BP03'] },

  evaluate(nodegroup, ctx) {
    const name = must(nodegroup.name);
    const remote = nodegroup.remoteAccess;
    if (remote) {
      const sources = mustAll(remote.sourceSecurityGroups);
      if (sources.length === 0) return notApplicable(`Node group ${name} opens SSH to the world (see eks-nodegroup-ssh-not-open-to-world).`);
      return fail(`Node group ${name} installs SSH key ${remote.ec2SshKey === undefined ? '(unnamed)' : must(remote.ec2SshKey)} and admits SSH from ${sources.join(', ')}.`, {
        evidence: { sourceSecurityGroups: sources },
      });
    }
    // Without remote access, the template EKS generates carries no key: only a template the node group names can.
    if (!nodegroup.launchTemplate) return pass(`Node group ${name} installs no SSH key.`);
    const template = nodeTemplateOf(nodegroup, ctx);
    const keyName = template.kind === 'launch-template' && template.version.keyName !== undefined ? must(template.version.keyName) : undefined;
    return keyName === undefined
      ? pass(`Node group ${name} installs no SSH key (${template.label} names none).`)
      : fail(`Node group ${name} installs SSH key ${keyName} through ${template.label}.`, { evidence: { keyName } });
  },
});
