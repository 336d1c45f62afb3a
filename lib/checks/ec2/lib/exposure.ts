import { Indeterminate, fail, must, pass, type CheckContext, type Verdict } from '../../../engine/check';
import { describeResolvable, type SecurityGroup, type SgPeer, type SgRule } from '../../../model';
import { attempt, undecided } from './decide';
import {
  IP_FAMILIES,
  describeTraffic,
  hasPorts,
  isWholeInternet,
  normalizeProtocol,
  opensPort,
  parseCidr,
  portRange,
  requireCidr,
  type Cidr,
  type IpFamily,
  type Traffic,
} from './rules';

/** What one ingress rule lets in from the internet. */
export interface WorldOpenRule {
  readonly traffic: Traffic;
  /** The internets the peer admits: `0.0.0.0/0`, `::/0`, or a prefix list holding one of them. */
  readonly families: readonly IpFamily[];
  /** `0.0.0.0/0`, or `pl-… (holds 0.0.0.0/0)`: for messages and evidence. */
  readonly source: string;
  readonly description?: string;
}

export interface IngressScan {
  readonly open: readonly WorldOpenRule[];
  /** Why some rule that may matter could not be judged (an unresolved value, a prefix list not collected). */
  readonly undecided: readonly string[];
}

/** The traffic a security-group rule allows. Ports are read only for TCP and UDP (for ICMP they hold type and code). */
export function trafficOf(rule: SgRule): Traffic {
  const protocol = normalizeProtocol(must(rule.protocol));
  if (!hasPorts(protocol)) return { protocol };
  const from = rule.fromPort === undefined ? undefined : must(rule.fromPort);
  const to = rule.toPort === undefined ? undefined : must(rule.toPort);
  return { protocol, ports: portRange(from, to) };
}

/**
 * The internets a rule's peer admits. Referenced security groups are never the internet; a managed
 * prefix list is, when it holds a /0 block: it is resolved from the inventory, and a list that was
 * not collected (or is not there) leaves the question Indeterminate.
 */
export function internetAdmittedBy(peer: SgPeer, ctx: CheckContext): { families: IpFamily[]; source: string } {
  switch (peer.type) {
    case 'security-group':
      return { families: [], source: `security group ${describeResolvable(peer.groupId)}` };
    case 'ipv4':
    case 'ipv6': {
      const cidr = requireCidr(must(peer.cidr));
      return { families: isWholeInternet(cidr) ? [cidr.family] : [], source: cidr.text };
    }
    case 'prefix-list': {
      const id = must(peer.prefixListId);
      const list = ctx.inventory.inRegion('ec2.prefix-list', ctx.region).find((p) => p.prefixListId === id || p.id === id);
      if (!list) throw new Indeterminate(`managed prefix list ${id} is not in the inventory, so its entries are unknown`);
      const world = list.cidrs.map(parseCidr).filter((c): c is Cidr => c !== undefined && isWholeInternet(c));
      const families = [...new Set(world.map((c) => c.family))];
      const holds = world.map((c) => c.text).join(', ');
      return { families, source: families.length > 0 ? `${id} (holds ${holds})` : id };
    }
  }
}

/**
 * Ingress rules of the group that admit the internet (of the given families) with traffic that
 * `matters`. Egress rules are never looked at. Each rule is judged on its own, so an undecidable
 * rule is reported as such without hiding another rule's definite exposure.
 */
export function scanWorldIngress(
  group: SecurityGroup,
  ctx: CheckContext,
  matters: (traffic: Traffic) => boolean,
  families: readonly IpFamily[] = IP_FAMILIES,
): IngressScan {
  const open: WorldOpenRule[] = [];
  const reasons: string[] = [];
  for (const rule of group.ingress) {
    const outcome = attempt(() => {
      const traffic = trafficOf(rule);
      // Only resolve the peer (possibly a prefix-list lookup) where the traffic and the family matter.
      if (!matters(traffic) || !mayAdmit(rule.peer, families)) return undefined;
      const admitted = internetAdmittedBy(rule.peer, ctx);
      const relevant = admitted.families.filter((f) => families.includes(f));
      return relevant.length > 0 ? { traffic, families: relevant, source: admitted.source, description: rule.description } : undefined;
    });
    if (!outcome.ok) reasons.push(outcome.reason);
    else if (outcome.value) open.push(outcome.value);
  }
  return { open, undecided: reasons };
}

/** Whether a peer can admit one of the families at all: a CIDR peer declares its family. */
function mayAdmit(peer: SgPeer, families: readonly IpFamily[]): boolean {
  return peer.type === 'ipv4' || peer.type === 'ipv6' ? families.includes(peer.type) : true;
}

/** `sg-0abc (web)`: for messages. */
export function groupLabel(group: SecurityGroup): string {
  return `${describeResolvable(group.groupId)} (${describeResolvable(group.groupName)})`;
}

export function evidenceOf(rules: readonly WorldOpenRule[]) {
  return rules.map((r) => ({ traffic: describeTraffic(r.traffic), source: r.source, ...(r.description ? { description: r.description } : {}) }));
}

function exposureSentence(rules: readonly WorldOpenRule[]): string {
  return rules.map((r) => `${r.source} (${describeTraffic(r.traffic)})`).join(', ');
}

export interface PortCheckOptions {
  /** Which internets count: both by default; CIS splits IPv4 (5.2) from IPv6 (5.3). */
  readonly families?: readonly IpFamily[];
  /** true: one PASS/FAIL/UNKNOWN per port. false: FAIL/UNKNOWN per exposed or undecided port, one PASS when none is. */
  readonly verdictPerPort: boolean;
}

/** Judges TCP ports of a group against the internet, one `Port::N` key per port that matters. */
export function tcpPortVerdicts(group: SecurityGroup, ctx: CheckContext, ports: readonly number[], options: PortCheckOptions): Verdict[] {
  const families = options.families ?? IP_FAMILIES;
  const internet = families.length === 1 ? `the ${families[0] === 'ipv4' ? 'IPv4' : 'IPv6'} internet` : 'the internet';
  const verdicts: Verdict[] = [];
  const closed: number[] = [];
  for (const port of ports) {
    const key = `Port::${port}`;
    const scan = scanWorldIngress(group, ctx, (t) => opensPort(t, 'tcp', port), families);
    if (scan.open.length > 0) {
      verdicts.push(
        fail(`${groupLabel(group)} admits ${internet} to TCP port ${port}: ${exposureSentence(scan.open)}.`, {
          key,
          evidence: { port, rules: evidenceOf(scan.open) },
        }),
      );
    } else if (scan.undecided.length > 0) {
      verdicts.push(undecided(`Whether ${groupLabel(group)} admits ${internet} to TCP port ${port}`, scan.undecided, key));
    } else if (options.verdictPerPort) {
      verdicts.push(pass(`${groupLabel(group)} does not admit ${internet} to TCP port ${port}.`, { key }));
    } else {
      closed.push(port);
    }
  }
  if (!options.verdictPerPort && verdicts.length === 0) {
    const which = closed.length === 1 ? `TCP port ${closed[0]}` : `the ${closed.length} listed TCP ports`;
    verdicts.push(pass(`${groupLabel(group)} admits ${internet} to none of ${which}.`, { evidence: { ports: closed } }));
  }
  return verdicts;
}
