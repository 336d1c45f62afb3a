import { defineResourceCheck, fail, pass, type Verdict } from '../../engine/check';
import { undecided } from './lib/decide';
import { evidenceOf, groupLabel, scanWorldIngress, type WorldOpenRule } from './lib/exposure';
import { describeTraffic, opensEveryPort } from './lib/rules';

export const ec2SgNoWorldAllTraffic = defineResourceCheck({
  id: 'ec2-sg-no-world-all-traffic',
  kind: 'ec2.security-group',
  title: 'Security groups do not admit all traffic from the internet',
  severity: 'critical',
  description:
    'No inbound rule admits 0.0.0.0/0 or ::/0 (directly or through a managed prefix list) with every protocol (-1) or with ' +
    'every port of TCP or UDP. One FAIL per protocol so opened, keyed `Protocol::all`, `Protocol::tcp` or `Protocol::udp`. ' +
    'Egress rules and referenced groups do not count. The ports 22 and 3389 such a rule opens are reported under CIS 5.2/5.3 ' +
    '(v4.0 5.3/5.4) by ec2-sg-no-ipv4-world-admin-ports and ec2-sg-no-ipv6-world-admin-ports; this check maps to Well-Architected ' +
    'SEC05-BP02 (control traffic flow within your network layers).',
  risk:
    'Every service on every instance behind the group, including ones started later or bound by mistake, is reachable from ' +
    'the whole internet; the group no longer filters anything.',
  remediation: 'Replace the rule with rules for the specific ports the workload serves, from the networks that need them.',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    'https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_layered.html',
  ],
  frameworks: { wellArchitected: ['SEC05-BP02'] },

  evaluate(group, ctx) {
    const scan = scanWorldIngress(group, ctx, opensEveryPort);
    const byProtocol = new Map<string, WorldOpenRule[]>();
    for (const rule of scan.open) byProtocol.set(rule.traffic.protocol, [...(byProtocol.get(rule.traffic.protocol) ?? []), rule]);
    const verdicts: Verdict[] = [...byProtocol].map(([protocol, rules]) =>
      fail(`${groupLabel(group)} admits the internet to ${describeTraffic(rules[0]!.traffic)}: ${rules.map((r) => r.source).join(', ')}.`, {
        key: `Protocol::${protocol}`,
        evidence: { rules: evidenceOf(rules) },
      }),
    );
    if (scan.undecided.length > 0) verdicts.push(undecided(`Whether ${groupLabel(group)} admits all traffic from the internet`, scan.undecided));
    return verdicts.length > 0 ? verdicts : pass(`${groupLabel(group)} has no inbound rule that admits all traffic from the internet.`);
  },
});
