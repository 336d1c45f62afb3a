import { summarize } from '../engine/summary';
import { severityRank, type Finding, type Report, type Severity } from '../engine/types';

/** Keeps the findings at or above a severity; the summary is recomputed so it describes what is shown. */
export function filterBySeverity(report: Report, minimum: Severity): Report {
  const findings = report.findings.filter((f) => severityRank(f.severity) >= severityRank(minimum));
  return { ...report, summary: summarize(findings), findings };
}

/** Unsuppressed FAIL findings at or above a severity: what fails a pipeline. */
export function failuresAtOrAbove(findings: readonly Finding[], minimum: Severity): Finding[] {
  return findings.filter((f) => f.status === 'FAIL' && !f.suppressed && severityRank(f.severity) >= severityRank(minimum));
}
