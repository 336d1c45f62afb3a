import ipaddr from 'ipaddr.js';
import { Indeterminate } from '../../../engine/check';

/**
 * What security-group and network-ACL rules mean, independent of where they come from: protocols,
 * port ranges and CIDR blocks. Pure functions; the checks build on them.
 */

export type IpFamily = 'ipv4' | 'ipv6';
export const IP_FAMILIES: readonly IpFamily[] = ['ipv4', 'ipv6'];

/** The whole internet of each family, as AWS writes it. */
export const WHOLE_INTERNET: Readonly<Record<IpFamily, string>> = { ipv4: '0.0.0.0/0', ipv6: '::/0' };

export const LOWEST_PORT = 0;
export const HIGHEST_PORT = 65535;

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export const EVERY_PORT: PortRange = { from: LOWEST_PORT, to: HIGHEST_PORT };

/** Protocols that have ports; every other protocol (ICMP, ESP, GRE, …) carries none. */
export type PortProtocol = 'tcp' | 'udp';

/**
 * What a rule lets through. `protocol` is normalized: `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or an
 * IP protocol number for the rest. `ports` is set for TCP and UDP only.
 */
export interface Traffic {
  readonly protocol: string;
  readonly ports?: PortRange;
}

// AWS answers with names for the common protocols and numbers for the rest; templates may use either.
const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
  '1': 'icmp',
  icmp: 'icmp',
  '58': 'icmpv6',
  icmpv6: 'icmpv6',
};

/** `-1` → `all`, `6` → `tcp`, `17` → `udp`, `1` → `icmp`, `58` → `icmpv6`; names are kept, case-folded. */
export function normalizeProtocol(raw: string): string {
  const key = raw.trim().toLowerCase();
  return PROTOCOL_NAMES[key] ?? key;
}

export function hasPorts(protocol: string): protocol is PortProtocol {
  return protocol === 'tcp' || protocol === 'udp';
}

/**
 * A TCP/UDP port range from a rule's bounds. An absent or negative bound means the range is open on
 * that side: AWS and CloudFormation use -1 or omission for "all ports".
 */
export function portRange(from: number | undefined, to: number | undefined): PortRange {
  const low = from === undefined || from < LOWEST_PORT ? LOWEST_PORT : from;
  const high = to === undefined || to < LOWEST_PORT ? HIGHEST_PORT : to;
  return { from: low, to: high };
}

export function rangeContains(range: PortRange, port: number): boolean {
  return range.from <= port && port <= range.to;
}

export function isEveryPort(range: PortRange): boolean {
  // Port 0 is reserved, so 1-65535 opens every usable port just as 0-65535 does.
  return range.from <= 1 && range.to >= HIGHEST_PORT;
}

/** Whether the traffic includes `port` of `protocol`. A UDP rule never opens a TCP port, nor the reverse. */
export function opensPort(traffic: Traffic, protocol: PortProtocol, port: number): boolean {
  if (traffic.protocol === 'all') return true;
  return traffic.protocol === protocol && rangeContains(traffic.ports ?? EVERY_PORT, port);
}

/** Every protocol (`-1`), or every port of TCP or UDP. */
export function opensEveryPort(traffic: Traffic): boolean {
  if (traffic.protocol === 'all') return true;
  return hasPorts(traffic.protocol) && isEveryPort(traffic.ports ?? EVERY_PORT);
}

/** `all traffic`, `TCP 22`, `UDP 1000-2000`, `ICMP`: for messages. */
export function describeTraffic(traffic: Traffic): string {
  if (traffic.protocol === 'all') return 'all traffic';
  const name = Number.isNaN(Number(traffic.protocol)) ? traffic.protocol.toUpperCase() : `protocol ${traffic.protocol}`;
  if (!traffic.ports) return name;
  return `${name} ${describePorts(traffic.ports)}`;
}

export function describePorts(range: PortRange): string {
  if (isEveryPort(range)) return 'all ports';
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

export interface Cidr {
  readonly family: IpFamily;
  readonly address: ipaddr.IPv4 | ipaddr.IPv6;
  readonly prefixLength: number;
  readonly text: string;
}

// The same few blocks (0.0.0.0/0, a VPC's range) recur in thousands of rules, and each is read once per port asked about.
const parsedCidrs = new Map<string, Cidr | undefined>();
const PARSED_CIDR_LIMIT = 50_000;

/** Parses an IPv4 or IPv6 CIDR block; undefined when it is not one. */
export function parseCidr(text: string): Cidr | undefined {
  if (parsedCidrs.has(text)) return parsedCidrs.get(text);
  if (parsedCidrs.size >= PARSED_CIDR_LIMIT) parsedCidrs.clear();
  const cidr = parseCidrUncached(text);
  parsedCidrs.set(text, cidr);
  return cidr;
}

function parseCidrUncached(text: string): Cidr | undefined {
  const trimmed = text.trim();
  if (!ipaddr.isValidCIDR(trimmed)) return undefined;
  const [address, prefixLength] = ipaddr.parseCIDR(trimmed);
  return Object.freeze({ family: address.kind(), address, prefixLength, text: trimmed });
}

/** Parses a CIDR block a decision depends on: a malformed one makes that decision UNKNOWN, never a guess. */
export function requireCidr(text: string): Cidr {
  const cidr = parseCidr(text);
  if (!cidr) throw new Indeterminate(`"${text}" is not a CIDR block`);
  return cidr;
}

/** A /0 block admits every address of its family (`0.0.0.0/0`, `::/0`, `0::/0`). */
export function isWholeInternet(cidr: Cidr): boolean {
  return cidr.prefixLength === 0;
}

/** Whether every address of `inner` lies in `outer` (same family only). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefixLength > inner.prefixLength) return false;
  // match() compares the first `prefixLength` bits; it throws across families, which the guard above rules out.
  return inner.address.match(outer.address, outer.prefixLength);
}

/** The whole internet of a family as a parsed block, for containment tests. */
export function wholeInternet(family: IpFamily): Cidr {
  return requireCidr(WHOLE_INTERNET[family]);
}
