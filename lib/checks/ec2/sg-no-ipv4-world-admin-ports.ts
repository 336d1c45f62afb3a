import { defineResourceCheck } from '../../engine/check';
import { tcpPortVerdicts } from './lib/exposure';
import { portsOption } from './lib/options';

export const ec2SgNoIpv4WorldAdminPorts = defineResourceCheck({
  id: 'ec2-sg-no-ipv4-world-admin-ports',
  kind: 'ec2.security-group',
  title: 'Security groups do not admit 0.0.0.0/0 to remote administration ports',
  severity: 'high',
  description:
    'No inbound rule admits the IPv4 internet (0.0.0.0/0, or a managed prefix list holding it) to a remote administration ' +
    'port over TCP, one finding per port keyed `Port::N`. Option `adminPorts` (default [22, 3389]) lists the ports. ' +
    'All-traffic (-1) rules and TCP ranges containing a port count; UDP rules, egress rules and referenced groups do not. ' +
    'IPv6 is judged by ec2-sg-no-ipv6-world-admin-ports, as CIS splits the two.',
  risk:
    'Administration services (SSH, RDP) reachable from any IPv4 address are brute-forced and exploited at internet scale; ' +
    'a compromise gives an interactive foothold inside the VPC.',
  remediation:
    'Remove the 0.0.0.0/0 rules for these ports; administer through SSM Session Manager, or admit only known networks.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53',
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  ],
  frameworks: { securityHub: ['EC2.53'], cisAws: { '3.0': ['5.2'], '4.0': ['5.3'] } },
  defaultOptions: { adminPorts: [22, 3389] },

  evaluate(group, ctx) {
    return tcpPortVerdicts(group, ctx, portsOption(ctx, 'adminPorts'), { families: ['ipv4'], verdictPerPort: true });
  },
});
