import Table from 'cli-table3';
import { createColors } from 'picocolors';
import type { ComplianceView, ControlStatus } from '../packs';
import { PLAIN_TABLE } from './plain-table';

/** The per-control table of a compliance view, then one line with the counts and the pass rate. */
export function formatComplianceText(view: ComplianceView, options: { color?: boolean } = {}): string {
  const c = createColors(options.color ?? false);
  const paint: Record<ControlStatus, (s: string) => string> = {
    FAIL: (s) => c.bold(c.red(s)),
    ERROR: c.magenta,
    UNKNOWN: c.yellow,
    ACCEPTED: c.cyan,
    PASS: c.green,
    NOT_APPLICABLE: c.dim,
    NOT_RUN: c.dim,
    NOT_COVERED: c.dim,
  };
  const { pack } = view;
  const table = new Table({
    ...PLAIN_TABLE,
    head: ['CONTROL', 'STATUS', 'FAIL', 'PASS', 'OTHER', 'TITLE', 'CHECKS'].map((h) => c.dim(h)),
  });
  for (const r of view.controls) {
    const why = r.status === 'NOT_COVERED' ? (r.control.gap === 'manual' ? 'manual control' : r.control.gap === 'out-of-scope' ? 'outside hardeks' : 'no check yet') : r.checks.length > 3 ? `${r.checks.slice(0, 3).join(', ')} +${r.checks.length - 3} more` : r.checks.join(', ');
    const counts = r.checks.length === 0 ? ['', '', ''] : [String(r.counts.fail), String(r.counts.pass), String(r.counts.other)];
    table.push([r.control.id, paint[r.status](r.status), ...counts, r.control.title, why]);
  }
  const t = view.totals;
  const rate = view.passRate === undefined ? 'no control judged' : `${Math.round(view.passRate * 100)}% of judged controls pass`;
  const totals = `${pack.name} ${pack.version}: ${t.PASS} PASS · ${t.FAIL} FAIL · ${t.ACCEPTED} ACCEPTED · ${t.UNKNOWN + t.ERROR} UNKNOWN/ERROR · ${t.NOT_APPLICABLE} N/A · ${t.NOT_RUN} not run · ${t.NOT_COVERED} not covered — ${rate}`;
  return [c.bold(`${pack.name} ${pack.version} (${view.controls.length} controls)`), ...table.toString().split('\n').map((l) => l.trimEnd()), totals, ''].join('\n');
}
