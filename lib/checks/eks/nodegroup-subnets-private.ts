import { defineResourceCheck, fail, Indeterminate, must, notApplicable, pass, unknown, type CheckContext, type Verdict } from '../../engine/check';
import { describeResolvable, type EksNodegroup, type Subnet } from '../../model';
import { mentions, settle } from '../ec2/lib/decide';
import { nodeTemplateOf } from './lib/node-template';
import { CIS_EKS, EKS_BEST_PRACTICES_HOSTS, eksGuide } from './lib/references';

export const eksNodegroupSubnetsPrivate = defineResourceCheck({
  id: 'eks-nodegroup-subnets-private',
  kind: 'eks.nodegroup',
  title: 'EKS node groups launch nodes without public IP addresses',
  severity: 'medium',
  description:
    'Nodes of the group get no public IPv4 address: the launch template version it names sets AssociatePublicIpAddress=false ' +
    '(which overrides the subnets), or none of its subnets auto-assigns public addresses (MapPublicIpOnLaunch), one finding per ' +
    'subnet (key `Subnet::<id>`). A template that asks for public addresses fails under `Setting::associatePublicIp`. A subnet ' +
    'missing from a collected region is UNKNOWN.',
  risk: 'Nodes with public addresses are one security-group mistake (or one SSH remote-access setting) away from the internet, and talk to AWS APIs outside the VPC.',
  remediation: 'Move the node group to private subnets with a NAT gateway or VPC endpoints (a new node group is needed), and turn off MapPublicIpOnLaunch on node subnets.',
  references: [eksGuide('network-reqs'), EKS_BEST_PRACTICES_HOSTS, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.4.3'] } },

  evaluate(nodegroup, ctx) {
    const name = must(nodegroup.name);
    if (nodegroup.launchTemplate) {
      const template = nodeTemplateOf(nodegroup, ctx);
      const setting = template.kind === 'launch-template' && template.version.associatePublicIp !== undefined ? must(template.version.associatePublicIp) : undefined;
      const key = 'Setting::associatePublicIp';
      if (setting === true) return fail(`Node group ${name} uses ${template.label}, which gives every node a public IP address.`, { key });
      if (setting === false) return pass(`Node group ${name} uses ${template.label}, which gives nodes no public IP address whatever the subnets say.`, { key });
    }
    if (nodegroup.subnetIds.length === 0) return notApplicable(`Node group ${name} records no subnet.`);
    return nodegroup.subnetIds.map((subnetId) => {
      const id = describeResolvable(subnetId);
      return settle(`Subnet::${id}`, () => judgeSubnet(nodegroup, must(subnetId), ctx));
    });
  },
});

/** The subnet a node group names (an AWS subnet id live, an inventory id in a template). */
function subnetNamed(reference: string, ctx: CheckContext): Subnet | undefined {
  const subnets = ctx.inventory.inRegion('ec2.subnet', ctx.region);
  const found = subnets.find((s) => s.id === reference || mentions([s.subnetId], new Set([reference])) === 'yes');
  if (!found && subnets.some((s) => mentions([s.subnetId], new Set([reference])) === 'maybe')) throw new Indeterminate(`a subnet whose id is unresolved may be ${reference}`);
  return found;
}

function judgeSubnet(nodegroup: EksNodegroup, subnetId: string, ctx: CheckContext): Verdict {
  const key = `Subnet::${subnetId}`;
  const subnet = subnetNamed(subnetId, ctx);
  if (!subnet) return unknown(`Subnet ${subnetId} of node group ${must(nodegroup.name)} is not in the inventory.`, key);
  return must(subnet.mapPublicIpOnLaunch)
    ? fail(`Subnet ${subnetId} gives every node of ${must(nodegroup.name)} launched in it a public IPv4 address.`, { key })
    : pass(`Subnet ${subnetId} does not assign public IPv4 addresses.`, { key });
}
