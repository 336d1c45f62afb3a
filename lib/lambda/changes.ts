import { summarize } from '../engine/summary';
import type { Finding, Report, Severity } from '../engine/types';
import { diffReports, regressions, type ReportDiff } from '../report/diff';

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
  return { diff, newFailures: regressions(diff, notifySeverity), resolved: diff.resolved, unconfirmed: diff.unconfirmed };
}
