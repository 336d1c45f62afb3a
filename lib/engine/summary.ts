import { SEVERITIES, STATUSES, type Finding, type ReportSummary, type Severity, type StatusCounts } from './types';

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Counts findings by status, by severity and status, and by service and status. */
export function summarize(findings: readonly Finding[]): ReportSummary {
  const byStatus = emptyCounts();
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, emptyCounts()])) as Record<Severity, StatusCounts>;
  const byService: Record<string, StatusCounts> = {};
  let suppressed = 0;
  for (const f of findings) {
    byStatus[f.status] += 1;
    bySeverity[f.severity][f.status] += 1;
    (byService[f.service] ??= emptyCounts())[f.status] += 1;
    if (f.suppressed) suppressed += 1;
  }
  return { total: findings.length, byStatus, bySeverity, byService, suppressed };
}
