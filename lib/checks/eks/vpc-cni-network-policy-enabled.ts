import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { addonNamed, configurationOf, isSwitchedOn } from './lib/addon-config';
import { CIS_EKS, EKS_BEST_PRACTICES_NETWORK, eksGuide } from './lib/references';

const VPC_CNI = 'vpc-cni';

export const eksVpcCniNetworkPolicyEnabled = defineResourceCheck({
  id: 'eks-vpc-cni-network-policy-enabled',
  kind: 'eks.cluster',
  title: 'The VPC CNI enforces Kubernetes network policies',
  severity: 'medium',
  description:
    'The cluster\'s vpc-cni add-on has `enableNetworkPolicy: "true"` in its configuration values (JSON or YAML, as EKS accepts ' +
    'both). A cluster that does not manage its CNI as an EKS add-on (self-managed aws-node, or another CNI such as Cilium or ' +
    'Calico, which enforce policies themselves) is UNKNOWN: its setting is not visible through the EKS API. Configuration ' +
    'values that cannot be parsed are UNKNOWN.',
  risk:
    'Without enforcement the API server accepts NetworkPolicy objects and nothing applies them: every pod can reach every other ' +
    'pod, and the default-deny policies the team believes in do not exist.',
  remediation:
    'aws eks update-addon --cluster-name <cluster> --addon-name vpc-cni --configuration-values \'{"enableNetworkPolicy":"true"}\' ' +
    '(VPC CNI 1.14 or later); HardenedEksCluster sets it.',
  references: [eksGuide('cni-network-policy'), EKS_BEST_PRACTICES_NETWORK, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.4.4'] } },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    const addon = addonNamed(cluster, VPC_CNI, ctx);
    if (!addon) return unknown(`Cluster ${name} does not run the VPC CNI as an EKS add-on, so whether its CNI enforces network policies cannot be read from the EKS API.`);
    const setting = configurationOf(addon).enableNetworkPolicy;
    const evidence = { addon: addon.id, enableNetworkPolicy: setting ?? null };
    return isSwitchedOn(setting)
      ? pass(`The vpc-cni add-on of cluster ${name} enforces network policies.`, { evidence })
      : fail(`The vpc-cni add-on of cluster ${name} does not enforce network policies (enableNetworkPolicy is ${setting === undefined ? 'not set' : JSON.stringify(setting)}).`, { evidence });
  },
});
