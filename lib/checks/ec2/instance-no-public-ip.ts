import { defineResourceCheck, fail, must, notApplicable, pass, unknown, type CheckContext, type Verdict } from '../../engine/check';
import { describeResolvable, type Instance } from '../../model';
import { mentions } from './lib/decide';
import { isGone } from './lib/instances';

/** A template instance has not launched yet: without its own setting, its subnet's auto-assign setting decides. */
function judgeBySubnet(instance: Instance, name: string, ctx: CheckContext): Verdict {
  if (instance.subnetId === undefined) {
    return fail(`${name} names no subnet, so it launches into a default subnet, which assigns public IPv4 addresses.`);
  }
  const subnetId = must(instance.subnetId);
  const subnet = ctx.inventory
    .inRegion('ec2.subnet', ctx.region)
    .find((s) => s.id === subnetId || mentions([s.subnetId], new Set([subnetId])) === 'yes');
  if (!subnet) return unknown(`${name} does not say whether it wants a public IPv4 address, and its subnet ${subnetId} is not in the inventory.`);
  return must(subnet.mapPublicIpOnLaunch)
    ? fail(`${name} will get a public IPv4 address: its subnet ${subnetId} assigns one on launch.`, { evidence: { subnetId } })
    : pass(`${name} will not get a public IPv4 address: neither it nor its subnet asks for one.`);
}

export const ec2InstanceNoPublicIp = defineResourceCheck({
  id: 'ec2-instance-no-public-ip',
  kind: 'ec2.instance',
  title: 'EC2 instances have no public IPv4 address',
  severity: 'high',
  description:
    'The instance has no public IPv4 address and is not set to receive one at launch. A template instance that says ' +
    'nothing gets what its subnet assigns. EKS nodes belong in private subnets behind NAT or VPC endpoints. Terminated ' +
    'instances are NOT_APPLICABLE. IPv6 is not judged here, as in Security Hub EC2.9.',
  risk:
    'A public address makes the instance directly reachable from the internet whenever a security group or network ACL ' +
    'slips, and exposes it to constant scanning; for EKS nodes it exposes kubelet, NodePort services and host ports.',
  remediation:
    'Launch into private subnets (AssociatePublicIpAddress=false), disassociate the address or release the Elastic IP, and ' +
    'reach the instance through a load balancer, SSM Session Manager or a VPN.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html',
  ],
  frameworks: { securityHub: ['EC2.9'] },

  evaluate(instance, ctx) {
    const name = describeResolvable(instance.instanceId);
    if (isGone(instance.state)) return notApplicable(`${name} is ${instance.state}.`);
    const asks = instance.associatePublicIp === undefined ? undefined : must(instance.associatePublicIp);
    if (instance.publicIpAddress !== undefined) {
      return fail(`${name} has the public IPv4 address ${instance.publicIpAddress}.`, { evidence: { publicIpAddress: instance.publicIpAddress } });
    }
    if (asks === true) return fail(`${name} is set to receive a public IPv4 address.`, { evidence: { associatePublicIp: true } });
    if (asks === false) return pass(`${name} has no public IPv4 address and is set not to receive one.`);
    if (instance.origin.kind === 'cfn') return judgeBySubnet(instance, name, ctx);
    return pass(`${name} has no public IPv4 address.`);
  },
});
