import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { eksGuide, wellArchitected } from './lib/references';

export const eksDeletionProtectionEnabled = defineResourceCheck({
  id: 'eks-deletion-protection-enabled',
  kind: 'eks.cluster',
  title: 'EKS clusters have deletion protection on',
  severity: 'low',
  description:
    'Deletion protection is on, so DeleteCluster is refused until someone turns it off first. A cluster whose setting the ' +
    'source did not report is UNKNOWN; templates record the CloudFormation default (off).',
  risk: 'One mistaken or malicious DeleteCluster destroys the control plane and etcd, with every Secret and object in it, irrecoverably.',
  remediation: 'aws eks update-cluster-config --name <cluster> --deletion-protection; HardenedEksCluster sets it.',
  references: [eksGuide('deletion-protection'), wellArchitected('sec_protect_data_rest_access_control')],
  frameworks: { wellArchitected: ['SEC08-BP04'] },

  evaluate(cluster) {
    const name = must(cluster.name);
    if (cluster.deletionProtection === undefined) return unknown(`Whether cluster ${name} has deletion protection was not recorded.`);
    return must(cluster.deletionProtection)
      ? pass(`Cluster ${name} cannot be deleted until deletion protection is turned off.`)
      : fail(`Cluster ${name} can be deleted in one call: deletion protection is off.`);
  },
});
