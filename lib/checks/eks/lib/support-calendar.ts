import { Indeterminate, type CheckContext } from '../../../engine/check';
import type { EksClusterVersion } from '../../../model';
import { attempt } from '../../ec2/lib/decide';

/** Where a cluster version stands in the EKS support calendar at the audit time. */
export type SupportPhase = 'standard' | 'extended' | 'unsupported' | 'past-standard';

export interface SupportStatus {
  readonly version: string;
  /** `past-standard`: out of standard support, whether still in extended support is not known. */
  readonly phase: SupportPhase;
  readonly endOfStandardSupport?: string;
  readonly endOfExtendedSupport?: string;
  /** Where the dates come from, for messages and evidence. */
  readonly basis: string;
}

/**
 * FALLBACK ONLY. The EKS release calendar as published in the Amazon EKS User Guide ("Amazon EKS
 * Kubernetes release calendar", kubernetes-versions.html) on the date below, for inventories that
 * carry no `eks.cluster-version` data (older snapshots, templates, a denied DescribeClusterVersions).
 * The versions the collector recorded always win; this table goes stale and says so in every finding.
 */
export const FALLBACK_CALENDAR_DATE = '2026-11-20';
const FALLBACK_CALENDAR: readonly (readonly [version: string, endOfStandard: string, endOfExtended: string])[] = [
  ['1.29', '2025-03-23', '2026-03-23'],
  ['1.30', '2025-07-23', '2026-07-23'],
  ['1.31', '2025-11-26', '2026-11-26'],
  ['1.32', '2026-03-23', '2027-03-23'],
  ['1.33', '2026-07-29', '2027-07-29'],
  ['1.34', '2026-12-02', '2027-12-02'],
  ['1.35', '2027-03-27', '2028-03-27'],
];

/**
 * The support status of a Kubernetes minor version in the cluster's region: from the versions the
 * collector recorded (DescribeClusterVersions) when they name it, else from the built-in fallback
 * calendar, which each status says it was judged from. Indeterminate when neither knows the version.
 */
export function supportStatus(version: string, ctx: CheckContext): SupportStatus {
  const recorded = attempt(() => ctx.inventory.inRegion('eks.cluster-version', ctx.region));
  const entry = recorded.ok ? recorded.value.find((v) => v.version === version) : undefined;
  if (entry) return fromRecord(entry, ctx.now);
  const why = recorded.ok ? `the versions recorded for ${ctx.region} do not include ${version}` : recorded.reason;
  return fromFallback(version, ctx.now, `hardeks's built-in calendar of ${FALLBACK_CALENDAR_DATE}, a fallback because ${why}`);
}

function fromRecord(entry: EksClusterVersion, now: Date): SupportStatus {
  const basis = `the EKS support calendar recorded for ${entry.origin.kind === 'aws' ? entry.origin.region : 'the region'}`;
  const dates = { endOfStandardSupport: entry.endOfStandardSupportDate, endOfExtendedSupport: entry.endOfExtendedSupportDate };
  // Dates are judged at the audit time; the recorded status is only as old as the collection.
  if (entry.endOfStandardSupportDate && entry.endOfExtendedSupportDate) {
    return { version: entry.version, phase: phaseAt(now, entry.endOfStandardSupportDate, entry.endOfExtendedSupportDate), ...dates, basis };
  }
  const phase: SupportPhase = entry.status === 'STANDARD_SUPPORT' ? 'standard' : entry.status === 'EXTENDED_SUPPORT' ? 'extended' : 'unsupported';
  return { version: entry.version, phase, ...dates, basis: `${basis} (status ${entry.status} at collection time)` };
}

function fromFallback(version: string, now: Date, basis: string): SupportStatus {
  const minor = minorOf(version);
  const row = FALLBACK_CALENDAR.find(([v]) => v === version);
  if (row) return { version, phase: phaseAt(now, row[1], row[2]), endOfStandardSupport: row[1], endOfExtendedSupport: row[2], basis };
  const [oldest] = FALLBACK_CALENDAR;
  // Versions retire in order: one older than the oldest listed left each phase before that one did.
  if (oldest && minor !== undefined && minor < minorOf(oldest[0])!) {
    if (now >= new Date(oldest[2])) return { version, phase: 'unsupported', basis };
    if (now >= new Date(oldest[1])) return { version, phase: 'past-standard', basis };
  }
  throw new Indeterminate(`Kubernetes ${version} is neither among the versions recorded for the region nor in ${basis}`);
}

function phaseAt(now: Date, endOfStandard: string, endOfExtended: string): SupportPhase {
  if (now < new Date(endOfStandard)) return 'standard';
  return now < new Date(endOfExtended) ? 'extended' : 'unsupported';
}

/** `33` for `1.33`; undefined for anything that is not `1.<minor>`. */
export function minorOf(version: string): number | undefined {
  const match = /^1\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

