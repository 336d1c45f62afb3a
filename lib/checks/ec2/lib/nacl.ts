import { must } from '../../../engine/check';
import type { NaclEntry, NetworkAcl } from '../../../model';
import { EVERY_PORT, cidrContains, describeTraffic, hasPorts, normalizeProtocol, portRange, requireCidr, wholeInternet, type IpFamily, type Traffic } from './rules';

/**
 * Network ACL semantics. AWS evaluates a packet against the inbound entries in ascending rule number
 * and applies the first entry whose protocol, ports and CIDR match; the final `*` entry denies. So a
 * lower-numbered deny shadows a later allow, and the order, not the set of entries, decides.
 */

/** Inbound entries in evaluation order. Any unresolved direction or rule number leaves the order unknown. */
export function ingressInOrder(acl: NetworkAcl): NaclEntry[] {
  return acl.entries
    .filter((entry) => must(entry.egress) === false)
    .map((entry) => ({ entry, ruleNumber: must(entry.ruleNumber) }))
    .sort((a, b) => a.ruleNumber - b.ruleNumber)
    .map(({ entry }) => entry);
}

/** The traffic an entry matches: protocol, and for TCP/UDP its port range (absent = every port). */
export function entryTraffic(entry: NaclEntry): Traffic {
  const protocol = normalizeProtocol(must(entry.protocol));
  if (!hasPorts(protocol)) return { protocol };
  const ports = entry.portRange ? portRange(must(entry.portRange.from), must(entry.portRange.to)) : EVERY_PORT;
  return { protocol, ports };
}

export interface WorldEntry {
  readonly entry: NaclEntry;
  readonly traffic: Traffic;
}

/**
 * The inbound entries, in evaluation order, whose CIDR holds every address of `family`: the only
 * entries that decide for the whole internet. A narrower entry before them (a deny for one network,
 * an allow for another) spares or admits only part of the internet, so it is passed over.
 * A generator: entries after the one the caller stops at are never resolved.
 */
export function* worldIngressEntries(acl: NetworkAcl, family: IpFamily): Generator<WorldEntry> {
  const internet = wholeInternet(family);
  for (const entry of ingressInOrder(acl)) {
    if (entry.cidr.type !== family) continue;
    const cidr = requireCidr(must(entry.cidr.cidr));
    if (!cidrContains(cidr, internet)) continue;
    yield { entry, traffic: entryTraffic(entry) };
  }
}

export interface NaclDecision {
  readonly allowed: boolean;
  /** The entry that decided; absent when none matched and the implicit final deny applies. */
  readonly entry?: NaclEntry;
}

/** Whether the whole internet of `family` gets in with the traffic `matches` selects: the first matching world entry decides. */
export function worldIngressDecision(acl: NetworkAcl, family: IpFamily, matches: (traffic: Traffic) => boolean): NaclDecision {
  for (const { entry, traffic } of worldIngressEntries(acl, family)) {
    if (matches(traffic)) return { allowed: must(entry.action) === 'allow', entry };
  }
  return { allowed: false };
}

/** `rule 100 (allow all traffic from 0.0.0.0/0)`: for messages and evidence. */
export function describeEntry(entry: NaclEntry): string {
  return `rule ${must(entry.ruleNumber)} (${must(entry.action)} ${describeTraffic(entryTraffic(entry))} from ${must(entry.cidr.cidr)})`;
}
