import { defineResourceCheck } from '../../engine/check';
import { tcpPortVerdicts } from './lib/exposure';
import { portsOption } from './lib/options';

/** The ports Security Hub EC2.19 calls high risk: FTP, SSH, Telnet, mail, RPC, SMB, databases, dev servers, proxies, OpenSearch. */
export const HIGH_RISK_PORTS: readonly number[] = [
  20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300,
];

export const ec2SgNoWorldHighRiskPorts = defineResourceCheck({
  id: 'ec2-sg-no-world-high-risk-ports',
  kind: 'ec2.security-group',
  title: 'Security groups do not admit the internet to high-risk ports',
  severity: 'critical',
  description:
    'No inbound rule admits 0.0.0.0/0 or ::/0 (directly or through a managed prefix list) to a high-risk TCP port. Option ' +
    '`highRiskPorts` lists them (default: the 24 ports of Security Hub EC2.19: 20, 21, 22, 23, 25, 110, 135, 143, 445, ' +
    '1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300). One FAIL per exposed port, ' +
    'keyed `Port::N`, or one PASS when none is exposed. UDP rules, egress rules and referenced groups do not count.',
  risk:
    'These ports carry administration, file sharing, mail, databases, search clusters and development servers that were ' +
    'never meant to face the internet; exposing them invites data theft and remote code execution.',
  remediation:
    'Remove the internet rules for these ports; put databases and internal services behind private subnets, load balancers ' +
    'or VPC endpoints, and admit only the security groups or networks that need them.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19',
    'https://docs.aws.amazon.com/config/latest/developerguide/restricted-common-ports.html',
  ],
  frameworks: { securityHub: ['EC2.19'] },
  defaultOptions: { highRiskPorts: [...HIGH_RISK_PORTS] },

  evaluate(group, ctx) {
    return tcpPortVerdicts(group, ctx, portsOption(ctx, 'highRiskPorts'), { verdictPerPort: false });
  },
});
