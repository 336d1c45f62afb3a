import { summarize } from '../engine/summary';
import type { Finding, Report, Severity } from '../engine/types';
import { diffReports, regressions, type ReportDiff } from '../report/diff';
import { findingIdentity } from '../report/identity';

/** What this run changed since the baseline, as the Lambda acts on it. */
export interface AuditChanges {
  readonly diff: ReportDiff;
  /** Unsuppressed FAILs at or above the notification severity that were not FAILs before: what is notified. */
  readonly newFailures: readonly Finding[];
  /** Problems of the baseline that this run judged and found fixed, or whose resource it saw gone. */
  readonly resolved: readonly Finding[];
  /**
   * Problems of the baseline that vanished where this run could not look (a region that timed
   * out, a listing that was denied, a check no longer run): not resolved, only not seen.
   */
  readonly unconfirmed: readonly Finding[];
}

/** The report a first run is compared with: nothing was known. */
function emptyBaseline(after: Report): Report {
  return { metadata: { ...after.metadata, generatedAt: 'never' }, summary: summarize([]), findings: [] };
}

export function compareWithBaseline(before: Report | undefined, after: Report, notifySeverity: Severity): AuditChanges {
  const diff = diffReports(before ?? emptyBaseline(after), after);
  const present = new Set(after.findings.map(findingIdentity));
  const blind = blindSpots(after);
  const isConfirmed = (f: Finding) => present.has(findingIdentity(f)) || !blind(f);
  return {
    diff,
    newFailures: regressions(diff, notifySeverity),
    resolved: diff.resolved.filter(isConfirmed),
    unconfirmed: diff.resolved.filter((f) => !isConfirmed(f)),
  };
}

/**
 * Whether this run could have seen a finding again. A finding that vanished is unseen when its
 * check did not run or its region was not audited; when the engine reported a gap (an UNKNOWN on
 * the account) for its check and region; or when its check could not judge its resource this
 * time (an UNKNOWN or ERROR finding on the same resource, whose granular keys are then missing).
 */
function blindSpots(after: Report): (f: Finding) => boolean {
  const undetermined = after.findings.filter((f) => f.status === 'UNKNOWN' || f.status === 'ERROR');
  const gaps = new Set(undetermined.filter((f) => f.resource.kind === 'account').map((f) => `${f.checkId}|${f.resource.region}`));
  const unjudged = new Set(undetermined.map((f) => `${f.checkId}|${f.resource.id}`));
  const checks = new Set(after.metadata.checks);
  const regions = Array.isArray(after.metadata.source.regions) ? new Set(after.metadata.source.regions as string[]) : undefined;
  const regionAudited = (region: string) => region === 'global' || !regions || regions.has(region);
  return (f) =>
    !checks.has(f.checkId) || !regionAudited(f.resource.region) || gaps.has(`${f.checkId}|${f.resource.region}`) || unjudged.has(`${f.checkId}|${f.resource.id}`);
}
