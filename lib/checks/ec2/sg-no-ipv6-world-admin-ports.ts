import { defineResourceCheck } from '../../engine/check';
import { tcpPortVerdicts } from './lib/exposure';
import { portsOption } from './lib/options';

export const ec2SgNoIpv6WorldAdminPorts = defineResourceCheck({
  id: 'ec2-sg-no-ipv6-world-admin-ports',
  kind: 'ec2.security-group',
  title: 'Security groups do not admit ::/0 to remote administration ports',
  severity: 'high',
  description:
    'No inbound rule admits the IPv6 internet (::/0, or a managed prefix list holding it) to a remote administration port ' +
    'over TCP, one finding per port keyed `Port::N`. Option `adminPorts` (default [22, 3389]) lists the ports. All-traffic ' +
    '(-1) rules and TCP ranges containing a port count; UDP rules, egress rules and referenced groups do not. IPv4 is judged ' +
    'by ec2-sg-no-ipv4-world-admin-ports.',
  risk:
    'IPv6 rules are easy to overlook when the IPv4 rules were tightened: ::/0 exposes SSH and RDP to the whole IPv6 internet ' +
    'for every instance with an IPv6 address.',
  remediation: 'Remove the ::/0 rules for these ports; administer through SSM Session Manager, or admit only known networks.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-54',
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  ],
  frameworks: { securityHub: ['EC2.54'], cisAws: { '3.0': ['5.3'], '4.0': ['5.4'] } },
  defaultOptions: { adminPorts: [22, 3389] },

  evaluate(group, ctx) {
    return tcpPortVerdicts(group, ctx, portsOption(ctx, 'adminPorts'), { families: ['ipv6'], verdictPerPort: true });
  },
});
