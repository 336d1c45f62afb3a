import { Indeterminate, fail, must, pass, type CheckContext, type Verdict } from '../../../engine/check';
import { describeResolvable, type SecurityGroup, type SgPeer, type SgRule } from '../../../model';
import { attempt, undecided, type Attempt } from './decide';
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
  return peer.type === 'prefix-list' ? internetInPrefixList(peer, ctx) : internetNamedBy(peer);
}

/** A security group or CIDR peer: what it admits is written in the rule itself. */
function internetNamedBy(peer: Exclude<SgPeer, { type: 'prefix-list' }>): { families: IpFamily[]; source: string } {
  switch (peer.type) {
    case 'security-group':
      return { families: [], source: `security group ${describeResolvable(peer.groupId)}` };
    case 'ipv4':
    case 'ipv6': {
      const cidr = requireCidr(must(peer.cidr));
      return { families: isWholeInternet(cidr) ? [cidr.family] : [], source: cidr.text };
    }
  }
}

/** A managed prefix list peer: what it admits is in the list, looked up in the inventory being judged. */
function internetInPrefixList(peer: Extract<SgPeer, { type: 'prefix-list' }>, ctx: CheckContext): { families: IpFamily[]; source: string } {
  const id = must(peer.prefixListId);
  const list = ctx.inventory.inRegion('ec2.prefix-list', ctx.region).find((p) => p.prefixListId === id || p.id === id);
  if (!list) throw new Indeterminate(`managed prefix list ${id} is not in the inventory, so its entries are unknown`);
  const world = list.cidrs.map(parseCidr).filter((c): c is Cidr => c !== undefined && isWholeInternet(c));
  const families = [...new Set(world.map((c) => c.family))];
  const holds = world.map((c) => c.text).join(', ');
  return { families, source: families.length > 0 ? `${id} (holds ${holds})` : id };
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
  // Lists made only when something is found: most groups admit the internet to none of the ports asked about.
  let open: WorldOpenRule[] | undefined;
  let reasons: string[] | undefined;
  for (const rule of group.ingress) {
    const traffic = known(trafficByRule, rule, trafficOf);
    if (!traffic.ok) {
      (reasons ??= []).push(traffic.reason);
      continue;
    }
    // Only resolve the peer (possibly a prefix-list lookup) where the traffic and the family matter.
    if (!matters(traffic.value) || !mayAdmit(rule.peer, families)) continue;
    // A prefix list is looked up in the inventory being judged; every other peer speaks for itself.
    const admitted = rule.peer.type === 'prefix-list' ? inPrefixList(rule.peer, ctx) : known(admittedByPeer, rule.peer, internetNamedBy);
    if (!admitted.ok) {
      (reasons ??= []).push(admitted.reason);
      continue;
    }
    const relevant = admitted.value.families.filter(isOneOf, families);
    if (relevant.length > 0) (open ??= []).push({ traffic: traffic.value, families: relevant, source: admitted.value.source, description: rule.description });
  }
  return { open: open ?? NOTHING, undecided: reasons ?? NOTHING };
}

/**
 * Rules are read-only, and several checks judge each rule once per port they ask about: its traffic
 * and (CIDR and group peers) what internet it admits are worked out once per rule object, and an
 * Indeterminate is kept as the reason it gave.
 */
const trafficByRule = new WeakMap<SgRule, Attempt<Traffic>>();
const admittedByPeer = new WeakMap<Exclude<SgPeer, { type: 'prefix-list' }>, Attempt<{ families: IpFamily[]; source: string }>>();

/** What `compute` gave for this key the first time, or the reason it could not. */
function known<K extends object, T>(cache: WeakMap<K, Attempt<T>>, key: K, compute: (key: K) => T): Attempt<T> {
  // No closure here: this runs for every rule and port, and the first time is the only one that computes.
  return cache.get(key) ?? learn(cache, key, compute);
}

function learn<K extends object, T>(cache: WeakMap<K, Attempt<T>>, key: K, compute: (key: K) => T): Attempt<T> {
  const answer = attempt(() => compute(key));
  cache.set(key, answer);
  return answer;
}

function inPrefixList(peer: Extract<SgPeer, { type: 'prefix-list' }>, ctx: CheckContext): Attempt<{ families: IpFamily[]; source: string }> {
  return attempt(() => internetInPrefixList(peer, ctx));
}

/** `filter` callback: the value is one of `this` list's. */
function isOneOf<T>(this: readonly T[], value: T): boolean {
  return this.includes(value);
}

const NOTHING: readonly never[] = Object.freeze([]);

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

/**
 * An ingress rule that may admit the internet to some TCP port. What its peer admits is worked out
 * the first time a port its traffic reaches is asked about, exactly as `scanWorldIngress` would.
 */
interface TcpCandidate {
  readonly rule: SgRule;
  readonly traffic: Attempt<Traffic>;
  admitted?: Attempt<{ families: IpFamily[]; source: string }>;
}

/**
 * The rules `scanWorldIngress` would look past its first tests for some TCP port, in order: the
 * others (other protocols, CIDR peers of the other family) never matter, so the group's rules are
 * sorted out once instead of once per port asked about.
 */
function tcpCandidates(group: SecurityGroup, families: readonly IpFamily[]): TcpCandidate[] {
  const candidates: TcpCandidate[] = [];
  for (const rule of group.ingress) {
    const traffic = known(trafficByRule, rule, trafficOf);
    if (!traffic.ok || ((traffic.value.protocol === 'all' || traffic.value.protocol === 'tcp') && mayAdmit(rule.peer, families))) candidates.push({ rule, traffic });
  }
  return candidates;
}

/** `scanWorldIngress` for one TCP port, over the group's candidate rules: the same findings in the same order. */
function scanCandidates(candidates: readonly TcpCandidate[], port: number, ctx: CheckContext, families: readonly IpFamily[]): IngressScan {
  let open: WorldOpenRule[] | undefined;
  let reasons: string[] | undefined;
  for (const candidate of candidates) {
    const { rule, traffic } = candidate;
    if (!traffic.ok) {
      (reasons ??= []).push(traffic.reason);
      continue;
    }
    if (!opensPort(traffic.value, 'tcp', port)) continue;
    const admitted = (candidate.admitted ??= rule.peer.type === 'prefix-list' ? inPrefixList(rule.peer, ctx) : known(admittedByPeer, rule.peer, internetNamedBy));
    if (!admitted.ok) {
      (reasons ??= []).push(admitted.reason);
      continue;
    }
    // Most peers are not the internet: no list is made for them.
    if (!admitted.value.families.some(isOneOf, families)) continue;
    (open ??= []).push({ traffic: traffic.value, families: admitted.value.families.filter(isOneOf, families), source: admitted.value.source, description: rule.description });
  }
  return { open: open ?? NOTHING, undecided: reasons ?? NOTHING };
}

/** Judges TCP ports of a group against the internet, one `Port::N` key per port that matters. */
export function tcpPortVerdicts(group: SecurityGroup, ctx: CheckContext, ports: readonly number[], options: PortCheckOptions): Verdict[] {
  const families = options.families ?? IP_FAMILIES;
  const internet = families.length === 1 ? `the ${families[0] === 'ipv4' ? 'IPv4' : 'IPv6'} internet` : 'the internet';
  const verdicts: Verdict[] = [];
  const closed: number[] = [];
  const candidates = ports.length > 0 ? tcpCandidates(group, families) : [];
  for (const port of ports) {
    const key = `Port::${port}`;
    const scan = scanCandidates(candidates, port, ctx, families);
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
