import Table from 'cli-table3';
import { createColors } from 'picocolors';
import { severityRank, type Finding, type Report, type Severity, type Status } from '../engine/types';
import { resourceName } from './catalog-info';
import { findingIdentity } from './identity';
import { PLAIN_TABLE } from './plain-table';

/** Statuses that need someone's attention. */
const PROBLEM: ReadonlySet<Status> = new Set(['FAIL', 'ERROR', 'UNKNOWN']);

export interface FindingChange {
  readonly before: Finding;
  readonly after: Finding;
  /** What changed: `status`, `severity`, `suppressed`. */
  readonly fields: readonly ('status' | 'severity' | 'suppressed')[];
}

/**
 * Two audits compared finding by finding, by identity (check id + resource id + key; the region
 * too for account-wide findings):
 *
 * - `new`: problems (FAIL, ERROR, UNKNOWN) that did not exist before;
 * - `resolved`: problems before that are now PASS or NOT_APPLICABLE, or gone with their resource
 *   where the new audit looked;
 * - `unconfirmed`: problems before that vanished where the new audit could not look (its check did
 *   not run, its region was not audited or timed out, its listing was denied): not resolved, unseen;
 * - `changed`: findings in both whose status, severity or suppression changed, other than resolved ones
 *   (a PASS that now FAILs is a change: `regressions` lists those);
 * - `unchanged`: the count of the rest. New findings that PASS are not news.
 */
export interface ReportDiff {
  readonly before: { readonly generatedAt: string; readonly findings: number };
  readonly after: { readonly generatedAt: string; readonly findings: number };
  readonly new: readonly Finding[];
  readonly resolved: readonly Finding[];
  readonly unconfirmed: readonly Finding[];
  readonly changed: readonly FindingChange[];
  readonly unchanged: number;
}

export function diffReports(before: Report, after: Report): ReportDiff {
  const oldById = indexByIdentity(before.findings);
  const newById = indexByIdentity(after.findings);
  const added: Finding[] = [];
  const resolved: Finding[] = [];
  const changed: FindingChange[] = [];
  let unchanged = 0;
  for (const [id, now] of newById) {
    const then = oldById.get(id);
    if (!then) {
      // A new resource that passes is not news.
      if (PROBLEM.has(now.status)) added.push(now);
      continue;
    }
    if (PROBLEM.has(then.status) && !PROBLEM.has(now.status)) {
      resolved.push(then);
      continue;
    }
    const fields = changedFields(then, now);
    if (fields.length > 0) changed.push({ before: then, after: now, fields });
    else unchanged += 1;
  }
  const unconfirmed: Finding[] = [];
  const unseen = blindSpots(after);
  for (const [id, then] of oldById) {
    if (newById.has(id) || !PROBLEM.has(then.status)) continue;
    (unseen(then) ? unconfirmed : resolved).push(then);
  }
  return {
    before: { generatedAt: before.metadata.generatedAt, findings: before.findings.length },
    after: { generatedAt: after.metadata.generatedAt, findings: after.findings.length },
    new: added,
    resolved,
    unconfirmed,
    changed,
    unchanged,
  };
}

/** Unsuppressed FAILs at or above a severity in the new report that were not unsuppressed FAILs before: what breaks a pipeline. */
export function regressions(diff: ReportDiff, minimum: Severity = 'info'): Finding[] {
  const atLeast = (f: Finding) => f.status === 'FAIL' && !f.suppressed && severityRank(f.severity) >= severityRank(minimum);
  const openFail = (f: Finding) => f.status === 'FAIL' && !f.suppressed;
  return [...diff.new.filter(atLeast), ...diff.changed.filter((c) => !openFail(c.before) && atLeast(c.after)).map((c) => c.after)];
}

/**
 * Whether the new audit could have seen a finding again. A finding that vanished is unseen when its
 * check did not run or its region was not audited; when the engine reported a gap (an UNKNOWN on the
 * account) for its check and region; or when its check could not judge its resource this time (an
 * UNKNOWN or ERROR finding on the same resource, whose granular keys are then missing).
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

function indexByIdentity(findings: readonly Finding[]): Map<string, Finding> {
  const index = new Map<string, Finding>();
  for (const f of findings) index.set(findingIdentity(f), f);
  return index;
}

function changedFields(a: Finding, b: Finding): FindingChange['fields'] {
  const fields: ('status' | 'severity' | 'suppressed')[] = [];
  if (a.status !== b.status) fields.push('status');
  if (a.severity !== b.severity) fields.push('severity');
  if ((a.suppressed === undefined) !== (b.suppressed === undefined)) fields.push('suppressed');
  return fields;
}

export function formatDiffJson(diff: ReportDiff): string {
  return `${JSON.stringify({ summary: diffSummary(diff), ...diff }, null, 2)}\n`;
}

export function diffSummary(diff: ReportDiff): { new: number; resolved: number; unconfirmed: number; changed: number; unchanged: number; regressions: number } {
  return {
    new: diff.new.length,
    resolved: diff.resolved.length,
    unconfirmed: diff.unconfirmed.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged,
    regressions: regressions(diff).length,
  };
}

/** New, resolved and changed findings as three tables, then one line with the counts. */
export function formatDiffText(diff: ReportDiff, options: { color?: boolean } = {}): string {
  const c = createColors(options.color ?? false);
  const label = (f: Finding) => `${resourceName(f)}${f.key ? ` [${f.key}]` : ''}`;
  const lines = [`Comparing ${diff.before.generatedAt} (${diff.before.findings} findings) with ${diff.after.generatedAt} (${diff.after.findings} findings)`];
  const section = (title: string, head: string[], rows: string[][]) => {
    if (rows.length === 0) return;
    const table = new Table({ ...PLAIN_TABLE, head: head.map((h) => c.dim(h)) });
    table.push(...rows);
    lines.push('', c.bold(`${title} (${rows.length})`), ...table.toString().split('\n').map((l) => l.trimEnd()));
  };
  section('NEW', ['STATUS', 'SEVERITY', 'CHECK', 'RESOURCE', 'REGION', 'MESSAGE'], diff.new.map((f) => [c.red(f.status), f.severity, f.checkId, label(f), f.resource.region, f.message]));
  section('RESOLVED', ['WAS', 'SEVERITY', 'CHECK', 'RESOURCE', 'REGION'], diff.resolved.map((f) => [c.green(f.status), f.severity, f.checkId, label(f), f.resource.region]));
  section(
    'NOT SEEN AGAIN (not resolved: the new audit could not look)',
    ['WAS', 'SEVERITY', 'CHECK', 'RESOURCE', 'REGION'],
    diff.unconfirmed.map((f) => [c.yellow(f.status), f.severity, f.checkId, label(f), f.resource.region]),
  );
  section(
    'CHANGED',
    ['CHANGE', 'CHECK', 'RESOURCE', 'REGION'],
    diff.changed.map(({ before, after, fields }) => [describeChange(before, after, fields), after.checkId, label(after), after.resource.region]),
  );
  const s = diffSummary(diff);
  lines.push(
    '',
    `Diff: ${s.new} new · ${s.resolved} resolved · ${s.unconfirmed} not seen again · ${s.changed} changed · ${s.unchanged} unchanged — ${s.regressions} regression${s.regressions === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}

function describeChange(before: Finding, after: Finding, fields: FindingChange['fields']): string {
  return fields
    .map((field) => {
      if (field === 'status') return `${before.status} → ${after.status}`;
      if (field === 'severity') return `${before.severity} → ${after.severity}`;
      return after.suppressed ? 'now suppressed' : 'no longer suppressed';
    })
    .join(', ');
}
