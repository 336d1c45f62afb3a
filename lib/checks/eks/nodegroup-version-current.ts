import { defineResourceCheck, fail, must, notApplicable, pass, unknown } from '../../engine/check';
import { integerOption } from '../ec2/lib/options';
import { owningCluster } from './lib/lookup';
import { minorOf } from './lib/support-calendar';
import { eksGuide, wellArchitected } from './lib/references';

export const eksNodegroupVersionCurrent = defineResourceCheck({
  id: 'eks-nodegroup-version-current',
  kind: 'eks.nodegroup',
  title: 'EKS node groups run the control plane\'s Kubernetes version',
  severity: 'low',
  description:
    'The node group\'s Kubernetes minor version is at most `maxMinorVersionsBehind` (default 0) behind its cluster\'s. A node ' +
    'group that does not state a version (a template) follows the cluster and passes. EKS does not upgrade managed node groups ' +
    'when the control plane is upgraded.',
  risk:
    'Old kubelets miss the fixes the control plane already has, and a node group left behind blocks the next control-plane ' +
    'upgrade once the skew limit is reached.',
  remediation: 'aws eks update-nodegroup-version --cluster-name <cluster> --nodegroup-name <node group> (after the control-plane upgrade).',
  references: [eksGuide('update-managed-node-group'), eksGuide('kubernetes-versions'), wellArchitected('sec_protect_compute_vulnerability_management')],
  frameworks: { wellArchitected: ['SEC06-BP01'] },
  defaultOptions: { maxMinorVersionsBehind: 0 },

  evaluate(nodegroup, ctx) {
    const name = must(nodegroup.name);
    const allowed = integerOption(ctx, 'maxMinorVersionsBehind', 0, 10);
    if (nodegroup.version === undefined) return pass(`Node group ${name} states no version and follows its cluster.`);
    const version = must(nodegroup.version);
    const cluster = owningCluster(nodegroup, ctx);
    if (!cluster) return notApplicable(`The cluster of node group ${name} is not in the inventory.`);
    const clusterVersion = must(cluster.version);
    const [node, plane] = [minorOf(version), minorOf(clusterVersion)];
    if (node === undefined || plane === undefined) return unknown(`Versions ${version} and ${clusterVersion} cannot be compared.`);
    const behind = plane - node;
    const evidence = { nodegroupVersion: version, clusterVersion, minorVersionsBehind: behind, maxMinorVersionsBehind: allowed };
    return behind > allowed
      ? fail(`Node group ${name} runs Kubernetes ${version}, ${behind} minor version${behind === 1 ? '' : 's'} behind its control plane (${clusterVersion}).`, { evidence })
      : pass(`Node group ${name} runs Kubernetes ${version} with a ${clusterVersion} control plane.`, { evidence });
  },
});
