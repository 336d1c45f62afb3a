import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { describeResolvable, type SgRule } from '../../model';
import { groupLabel } from './lib/exposure';

/** `tcp 22-22 ← 0.0.0.0/0`: for evidence; values a template left open stay in their `<reference>` form. */
function ruleSummary(rule: SgRule): string {
  const peer = rule.peer;
  const from =
    peer.type === 'security-group' ? describeResolvable(peer.groupId) : peer.type === 'prefix-list' ? describeResolvable(peer.prefixListId) : describeResolvable(peer.cidr);
  const ports = rule.fromPort === undefined ? '' : ` ${describeResolvable(rule.fromPort)}-${describeResolvable(rule.toPort ?? rule.fromPort)}`;
  return `${describeResolvable(rule.protocol)}${ports} ${from}`;
}

export const ec2DefaultSgRestrictsAllTraffic = defineResourceCheck({
  id: 'ec2-default-sg-restricts-all-traffic',
  kind: 'ec2.security-group',
  title: 'The default security group of every VPC has no rules',
  severity: 'high',
  description:
    'The default security group (name `default`) of each VPC has no inbound and no outbound rule, so anything placed in it ' +
    'by mistake can neither receive nor send traffic. Other security groups are NOT_APPLICABLE.',
  risk:
    'Resources launched without an explicit group land in the default one, whose stock rules let every member talk to every ' +
    'other member and reach anywhere: an unintended path for lateral movement and data exfiltration.',
  remediation:
    'Move resources to purpose-built groups, then delete every inbound and outbound rule of the default group (it cannot be ' +
    'deleted itself). In CDK, set `restrictDefaultSecurityGroup: true` on the VPC.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2',
    'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
  ],
  frameworks: { securityHub: ['EC2.2'], cisAws: { '3.0': ['5.4'], '4.0': ['5.5'] } },

  evaluate(group) {
    if (must(group.groupName) !== 'default') return notApplicable(`${groupLabel(group)} is not a default security group.`);
    const vpc = group.vpcId === undefined ? 'its VPC' : `VPC ${describeResolvable(group.vpcId)}`;
    if (group.ingress.length === 0 && group.egress.length === 0) {
      return pass(`The default security group of ${vpc} has no inbound or outbound rule.`);
    }
    return fail(`The default security group of ${vpc} has ${group.ingress.length} inbound and ${group.egress.length} outbound rules.`, {
      evidence: { ingress: group.ingress.map(ruleSummary), egress: group.egress.map(ruleSummary) },
    });
  },
});
