import Table from 'cli-table3';
import { createColors } from 'picocolors';
import { SEVERITIES, STATUSES, type Finding, type Report, type Status } from '../engine/types';
import type { ComplianceView } from '../packs';
import { formatComplianceText } from './compliance-text';
import { PLAIN_TABLE } from './plain-table';

export interface TextOptions {
  /** ANSI colours (the CLI turns them on only for a TTY without NO_COLOR). */
  readonly color?: boolean;
  /** Include PASS and NOT_APPLICABLE findings and suppressed ones; by default only what needs attention. */
  readonly all?: boolean;
  /** Wrap the message column to fit this many columns (a TTY's width); no wrapping when absent. */
  readonly width?: number;
  /** A framework's per-control table (`--framework`), printed before the summary. */
  readonly compliance?: ComplianceView;
}

const ATTENTION: ReadonlySet<Status> = new Set(['FAIL', 'ERROR', 'UNKNOWN']);

/** A readable findings table grouped by severity (most severe first), then a summary line. */
export function formatText(report: Report, options: TextOptions = {}): string {
  const c = createColors(options.color ?? false);
  const paint: Record<Status, (s: string) => string> = {
    FAIL: (s) => c.bold(c.red(s)),
    ERROR: c.magenta,
    UNKNOWN: c.yellow,
    PASS: c.green,
    NOT_APPLICABLE: c.dim,
  };
  const shown = report.findings.filter((f) => options.all || (ATTENTION.has(f.status) && !f.suppressed));
  const lines: string[] = [header(report), ...collectionLine(report)];
  for (const severity of SEVERITIES) {
    const group = shown.filter((f) => f.severity === severity).sort(byStatusThenCheck);
    if (group.length === 0) continue;
    lines.push('', c.bold(`${severity.toUpperCase()} (${group.length})`));
    const messageWidth = options.width ? Math.max(30, options.width - 2 - 10 - 32 - 40 - 12 - 8) : undefined;
    const table = new Table({
      ...PLAIN_TABLE,
      head: ['STATUS', 'CHECK', 'RESOURCE', 'REGION', 'MESSAGE'].map((h) => c.dim(h)),
      ...(messageWidth ? { colWidths: [null, null, null, null, messageWidth] as unknown as number[], wordWrap: true } : {}),
    });
    for (const f of group) {
      const status = f.suppressed ? `${f.status}*` : f.status;
      table.push([paint[f.status](status), f.checkId, resourceLabel(f), f.resource.region, f.message]);
    }
    lines.push(...table.toString().split('\n').map((line) => line.trimEnd()));
  }
  if (shown.length === 0) lines.push('', c.green('Nothing needs attention.'));
  if (options.all && report.findings.some((f) => f.suppressed)) lines.push('', c.dim('* suppressed: the status is kept, the risk was accepted.'));
  if (options.compliance) lines.push('', ...formatComplianceText(options.compliance, { color: options.color ?? false }).trimEnd().split('\n'));
  lines.push('', ...suppressionNotes(report), summaryLine(report, paint));
  return `${lines.join('\n')}\n`;
}

function header(report: Report): string {
  const { source, tool } = report.metadata;
  const parts = [`${tool.name} ${tool.version}`, `${String(source.type)} inventory`];
  if (typeof source.snapshot === 'string') parts.push(source.snapshot);
  if (Array.isArray(source.templates)) parts.push(source.templates.join(', '));
  if (typeof source.cdkOut === 'string') parts.push(source.cdkOut);
  if (typeof source.accountId === 'string') parts.push(`account ${source.accountId}`);
  if (Array.isArray(source.regions)) parts.push(`regions ${source.regions.join(', ')}`);
  return parts.join(' · ');
}

/**
 * The part of an id a person recognises: `cluster/prod` from an ARN, `account 1234…` for
 * account-wide findings; for templates the construct path CDK recorded (its logical ids are
 * hashed), else the stack and logical id with the file and line.
 */
export function resourceLabel(f: Finding): string {
  const { id, kind, accountId, origin } = f.resource;
  const base =
    kind === 'account'
      ? `account ${accountId}`
      : origin?.kind === 'cfn'
        ? (origin.constructPath ?? `${origin.stack}/${origin.logicalId}${origin.file ? ` (${basename(origin.file)}${origin.line !== undefined ? `:${origin.line}` : ''})` : ''}`)
        : id.startsWith('arn:')
          ? id.split(':').slice(5).join(':')
          : id;
  return f.key ? `${base} [${f.key}]` : base;
}

const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** What a live collection cost, when the source recorded it: time, calls, retries, throttling, failures. */
function collectionLine(report: Report): string[] {
  const stats = report.metadata.source.collection as
    | { durationMs?: unknown; calls?: Record<string, unknown>; retries?: unknown; throttles?: unknown; failures?: unknown }
    | undefined;
  if (!stats || typeof stats.durationMs !== 'number') return [];
  const calls = Object.values(stats.calls ?? {}).reduce<number>((n, c) => n + (typeof c === 'number' ? c : 0), 0);
  const count = (n: unknown, one: string, many: string) => {
    const value = typeof n === 'number' ? n : 0;
    return `${value} ${value === 1 ? one : many}`;
  };
  return [
    `Collected in ${(stats.durationMs / 1000).toFixed(1)} s: ${count(calls, 'API call', 'API calls')}, ${count(stats.retries, 'retry', 'retries')}, ` +
      `${count(stats.throttles, 'throttled response', 'throttled responses')}, ${count(stats.failures, 'failed call', 'failed calls')}`,
  ];
}

function suppressionNotes(report: Report): string[] {
  const { expired, unused } = report.metadata.suppressions;
  const notes = expired.map((s) => `Suppression of ${s.checkId} expired on ${s.expires} and no longer applies (${s.source}).`);
  if (unused.length > 0) notes.push(`${unused.length} suppression${unused.length === 1 ? '' : 's'} matched no finding.`);
  return notes;
}

function summaryLine(report: Report, paint: Record<Status, (s: string) => string>): string {
  const { byStatus, total, suppressed } = report.summary;
  const counts = STATUSES.map((s) => (byStatus[s] > 0 ? paint[s](`${byStatus[s]} ${s}`) : `0 ${s}`)).join(' · ');
  const checks = report.metadata.checks.length;
  return `Summary: ${counts} · ${suppressed} suppressed — ${total} finding${total === 1 ? '' : 's'} from ${checks} check${checks === 1 ? '' : 's'}`;
}

const statusOrder = (s: Status) => STATUSES.indexOf(s);
function byStatusThenCheck(a: Finding, b: Finding): number {
  return statusOrder(a.status) - statusOrder(b.status) || a.checkId.localeCompare(b.checkId) || a.resource.id.localeCompare(b.resource.id);
}
