import { defineResourceCheck, fail, pass, type CheckContext, type Verdict } from '../../engine/check';
import { undecided } from './lib/decide';
import { evidenceOf, groupLabel, scanWorldIngress, type WorldOpenRule } from './lib/exposure';
import { portsOption } from './lib/options';
import { EVERY_PORT, describeTraffic, hasPorts, type PortRange, type Traffic } from './lib/rules';

/** Whether a rule's traffic reaches some port that is not authorized: every protocol always does. */
function unauthorizedPart(traffic: Traffic, authorized: Readonly<Record<'tcp' | 'udp', ReadonlySet<number>>>): boolean {
  if (traffic.protocol === 'all') return true;
  if (!hasPorts(traffic.protocol)) return false;
  const range: PortRange = traffic.ports ?? EVERY_PORT;
  const allowed = authorized[traffic.protocol];
  const authorizedInRange = [...allowed].filter((p) => range.from <= p && p <= range.to).length;
  return range.to - range.from + 1 > authorizedInRange;
}

/** `Port::all`, `Port::tcp/8443`, `Port::udp/1000-2000`. */
function keyOf(traffic: Traffic): string {
  if (traffic.protocol === 'all') return 'Port::all';
  const { from, to } = traffic.ports ?? EVERY_PORT;
  return `Port::${traffic.protocol}/${from === to ? from : `${from}-${to}`}`;
}

function authorizedPorts(ctx: CheckContext) {
  return { tcp: new Set(portsOption(ctx, 'authorizedTcpPorts')), udp: new Set(portsOption(ctx, 'authorizedUdpPorts')) };
}

export const ec2SgWorldIngressAuthorizedPortsOnly = defineResourceCheck({
  id: 'ec2-sg-world-ingress-authorized-ports-only',
  kind: 'ec2.security-group',
  title: 'Security groups admit the internet only to authorized ports',
  severity: 'high',
  description:
    'Every inbound rule that admits 0.0.0.0/0 or ::/0 (directly or through a managed prefix list) opens only authorized ' +
    'ports. Options `authorizedTcpPorts` (default [80, 443]) and `authorizedUdpPorts` (default []) list them, as the ' +
    'Security Hub EC2.18 parameters do. An all-traffic (-1) rule is never authorized; ICMP and other portless protocols are ' +
    'not judged here. One FAIL per offending rule range, keyed `Port::all`, `Port::tcp/<ports>` or `Port::udp/<ports>`.',
  risk:
    'Each port open to the internet beyond the intended web entry points is attack surface: admin consoles, NodePort ' +
    'services, metrics endpoints and databases get found by internet-wide scanners.',
  remediation:
    'Narrow the rule to the authorized ports, serve the rest through a load balancer, or admit only the networks that need ' +
    'it; if a port is intended, add it to the check options.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18',
    'https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html',
  ],
  frameworks: { securityHub: ['EC2.18'] },
  defaultOptions: { authorizedTcpPorts: [80, 443], authorizedUdpPorts: [] },

  evaluate(group, ctx) {
    const authorized = authorizedPorts(ctx);
    const scan = scanWorldIngress(group, ctx, (t) => unauthorizedPart(t, authorized));
    const byKey = new Map<string, WorldOpenRule[]>();
    for (const rule of scan.open) byKey.set(keyOf(rule.traffic), [...(byKey.get(keyOf(rule.traffic)) ?? []), rule]);
    const verdicts: Verdict[] = [...byKey].map(([key, rules]) =>
      fail(`${groupLabel(group)} admits the internet to unauthorized ports: ${rules.map((r) => `${r.source} (${describeTraffic(r.traffic)})`).join(', ')}.`, {
        key,
        evidence: { rules: evidenceOf(rules), authorizedTcpPorts: [...authorized.tcp], authorizedUdpPorts: [...authorized.udp] },
      }),
    );
    if (scan.undecided.length > 0) verdicts.push(undecided(`Whether ${groupLabel(group)} admits the internet to unauthorized ports`, scan.undecided));
    return verdicts.length > 0 ? verdicts : pass(`${groupLabel(group)} admits the internet only to authorized ports, if at all.`);
  },
});
