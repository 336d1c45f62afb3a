import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { eksGuide, wellArchitected } from './lib/references';

export const eksUpgradePolicyStandard = defineResourceCheck({
  id: 'eks-upgrade-policy-standard',
  kind: 'eks.cluster',
  title: 'EKS clusters are upgraded at the end of standard support',
  severity: 'low',
  description:
    'The cluster\'s upgrade policy (`upgradePolicy.supportType`) is STANDARD: when its version leaves standard support EKS ' +
    'upgrades the control plane instead of keeping the old version for up to twelve more months of paid extended support. ' +
    'EXTENDED is the default for clusters that never set it. A policy the source did not record is UNKNOWN.',
  risk: 'With EXTENDED, a forgotten cluster keeps running an aging Kubernetes version that the community no longer patches, at extra cost.',
  remediation: 'aws eks update-cluster-config --name <cluster> --upgrade-policy supportType=STANDARD (after checking the cluster can take the upgrade).',
  references: [eksGuide('view-upgrade-policy'), eksGuide('disable-extended-support'), wellArchitected('sec_protect_compute_vulnerability_management')],
  frameworks: { wellArchitected: ['SEC06-BP01'] },

  evaluate(cluster) {
    const name = must(cluster.name);
    if (cluster.upgradeSupportType === undefined) return unknown(`The upgrade policy of cluster ${name} was not recorded.`);
    const supportType = must(cluster.upgradeSupportType);
    return supportType === 'STANDARD'
      ? pass(`Cluster ${name} is upgraded when its version leaves standard support.`, { evidence: { supportType } })
      : fail(`Cluster ${name} has upgrade policy ${supportType}: it can stay on its version through paid extended support.`, { evidence: { supportType } });
  },
});
