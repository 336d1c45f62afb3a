import { SEVERITIES, STATUSES, type ReportSummary, type Status } from '../../engine/types';
import { STATUS_COLOR } from './colors';
import { escapeHtml } from './escape';

/**
 * Charts as inline SVG built here, so the page needs no script and no network to draw them.
 * Colours are presentation attributes, not style attributes, which the page's CSP forbids.
 */

const STATUS_LABEL: Record<Status, string> = { FAIL: 'Fail', ERROR: 'Error', UNKNOWN: 'Unknown', PASS: 'Pass', NOT_APPLICABLE: 'Not applicable' };

/** A donut of findings by status, with the total in the middle and a legend beside it. */
export function statusDonut(summary: ReportSummary): string {
  const radius = 50;
  const circumference = 2 * Math.PI * radius;
  let offset = 0;
  const segments = STATUSES.filter((s) => summary.byStatus[s] > 0).map((status) => {
    const length = (summary.byStatus[status] / summary.total) * circumference;
    const segment =
      `<circle class="segment" data-status="${status}" cx="60" cy="60" r="${radius}" fill="none" stroke="${STATUS_COLOR[status]}" stroke-width="18" ` +
      `stroke-dasharray="${length.toFixed(3)} ${(circumference - length).toFixed(3)}" stroke-dashoffset="${(-offset).toFixed(3)}" transform="rotate(-90 60 60)">` +
      `<title>${STATUS_LABEL[status]}: ${summary.byStatus[status]}</title></circle>`;
    offset += length;
    return segment;
  });
  const empty = summary.total === 0 ? `<circle cx="60" cy="60" r="${radius}" fill="none" stroke="#e0e0e0" stroke-width="18"/>` : '';
  const legend = STATUSES.map(
    (s) => `<li><span class="swatch st-${s}"></span>${STATUS_LABEL[s]} <strong>${summary.byStatus[s]}</strong></li>`,
  ).join('');
  return (
    `<figure class="chart" id="status-chart"><svg viewBox="0 0 120 120" width="160" height="160" role="img" aria-label="Findings by status">` +
    `${empty}${segments.join('')}<text x="60" y="58" text-anchor="middle" class="donut-total">${summary.total}</text>` +
    `<text x="60" y="74" text-anchor="middle" class="donut-label">findings</text></svg>` +
    `<ul class="legend">${legend}</ul><figcaption>Findings by status</figcaption></figure>`
  );
}

/** One stacked bar per severity, split by status, on a common scale. */
export function severityBars(summary: ReportSummary): string {
  const totals = SEVERITIES.map((sev) => STATUSES.reduce((n, s) => n + summary.bySeverity[sev][s], 0));
  const max = Math.max(1, ...totals);
  const rows = SEVERITIES.map((severity, i) => {
    let x = 0;
    const rects = STATUSES.filter((s) => summary.bySeverity[severity][s] > 0).map((status) => {
      const width = (summary.bySeverity[severity][status] / max) * 300;
      const rect =
        `<rect class="bar" data-status="${status}" x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="16" fill="${STATUS_COLOR[status]}">` +
        `<title>${severity}: ${summary.bySeverity[severity][status]} ${STATUS_LABEL[status]}</title></rect>`;
      x += width;
      return rect;
    });
    return (
      `<div class="bar-row"><span class="bar-label sev-${severity}">${severity}</span>` +
      `<svg viewBox="0 0 300 16" preserveAspectRatio="none" class="bar-track" role="img" aria-label="${severity}: ${totals[i]} findings">` +
      `<rect x="0" y="0" width="300" height="16" fill="#f1f1f1"/>${rects.join('')}</svg><span class="bar-value">${totals[i]}</span></div>`
    );
  });
  return `<figure class="chart" id="severity-chart">${rows.join('')}<figcaption>Findings by severity and status</figcaption></figure>`;
}

export interface RateRow {
  readonly label: string;
  /** 0…1, or undefined when nothing was judged. */
  readonly rate: number | undefined;
  readonly detail: string;
}

/** Horizontal pass-rate meters, one per row. */
export function rateBars(id: string, caption: string, rows: readonly RateRow[]): string {
  const body = rows
    .map((row) => {
      const pct = row.rate === undefined ? undefined : Math.round(row.rate * 100);
      const fill = pct === undefined ? '' : `<rect class="rate" x="0" y="0" width="${(row.rate! * 100).toFixed(2)}" height="10" fill="${STATUS_COLOR.PASS}"/>`;
      return (
        `<div class="rate-row"><div class="rate-head"><span class="bar-label">${escapeHtml(row.label)}</span>` +
        `<span class="bar-value">${pct === undefined ? 'n/a' : `${pct}%`}</span></div>` +
        `<svg viewBox="0 0 100 10" preserveAspectRatio="none" class="bar-track" role="img" aria-label="${escapeHtml(row.label)}: ${pct === undefined ? 'not judged' : `${pct}% pass`}">` +
        `<rect x="0" y="0" width="100" height="10" fill="${pct === undefined ? '#f1f1f1' : '#ffcdd2'}"/>${fill}</svg>` +
        `<div class="bar-detail">${escapeHtml(row.detail)}</div></div>`
      );
    })
    .join('');
  return `<figure class="chart rates" id="${id}">${body || '<p class="muted">Nothing to rate.</p>'}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}
