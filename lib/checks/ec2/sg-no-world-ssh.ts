import { defineResourceCheck } from '../../engine/check';
import { tcpPortVerdicts } from './lib/exposure';

export const ec2SgNoWorldSsh = defineResourceCheck({
  id: 'ec2-sg-no-world-ssh',
  kind: 'ec2.security-group',
  title: 'Security groups do not admit the internet to SSH (TCP 22)',
  severity: 'high',
  description:
    'No inbound rule of the security group admits 0.0.0.0/0 or ::/0 to TCP port 22: a TCP rule whose port range contains 22, ' +
    'or an all-traffic (-1) rule. UDP rules, egress rules and rules whose peer is another security group do not count; a ' +
    'managed prefix list counts when it holds a /0 block, and is UNKNOWN when it was not collected. One finding keyed `Port::22`.',
  risk:
    'SSH reachable from anywhere is scanned and brute-forced within minutes of exposure; one leaked key or an SSH server ' +
    'vulnerability then gives a shell on the host, and on an EKS node the node role and every pod on it.',
  remediation:
    'Remove the rule (aws ec2 revoke-security-group-ingress --group-id <sg> --protocol tcp --port 22 --cidr 0.0.0.0/0), and ' +
    'reach hosts through SSM Session Manager or from a known network or prefix list instead.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13',
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  ],
  frameworks: { securityHub: ['EC2.13'] },

  evaluate(group, ctx) {
    return tcpPortVerdicts(group, ctx, [22], { verdictPerPort: true });
  },
});
