import { defineResourceCheck } from '../../engine/check';
import { tcpPortVerdicts } from './lib/exposure';

export const ec2SgNoWorldRdp = defineResourceCheck({
  id: 'ec2-sg-no-world-rdp',
  kind: 'ec2.security-group',
  title: 'Security groups do not admit the internet to RDP (TCP 3389)',
  severity: 'high',
  description:
    'No inbound rule of the security group admits 0.0.0.0/0 or ::/0 to TCP port 3389: a TCP rule whose port range contains ' +
    '3389, or an all-traffic (-1) rule. UDP rules, egress rules and referenced security groups do not count; a managed prefix ' +
    'list counts when it holds a /0 block, and is UNKNOWN when it was not collected. One finding keyed `Port::3389`.',
  risk:
    'Remote Desktop open to the internet is a favourite entry point for ransomware: it is brute-forced constantly and has ' +
    'had pre-authentication vulnerabilities (BlueKeep).',
  remediation:
    'Remove the rule (aws ec2 revoke-security-group-ingress --group-id <sg> --protocol tcp --port 3389 --cidr 0.0.0.0/0) and use ' +
    'Fleet Manager, a bastion reachable from a known network, or a VPN.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-14',
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  ],
  frameworks: { securityHub: ['EC2.14'] },

  evaluate(group, ctx) {
    return tcpPortVerdicts(group, ctx, [3389], { verdictPerPort: true });
  },
});
