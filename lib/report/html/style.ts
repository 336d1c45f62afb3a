import { SEVERITIES, STATUSES } from '../../engine/types';
import { SEVERITY_COLOR, STATUS_COLOR } from './colors';

/** The page's only stylesheet (inline, allowed by its hash in the CSP). */
export const STYLE = `
:root { color-scheme: light; --fg: #1d2330; --muted: #5f6b7a; --line: #e3e6eb; --panel: #f7f8fa; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: #fff; }
header.top { padding: 18px 28px 14px; border-bottom: 1px solid var(--line); background: var(--panel); }
header.top h1 { margin: 0 0 4px; font-size: 20px; }
header.top .meta { color: var(--muted); }
main { padding: 18px 28px 40px; max-width: 1400px; }
h2 { font-size: 16px; margin: 26px 0 10px; }
.verdict { font-size: 16px; margin: 4px 0 16px; padding: 10px 14px; border-left: 4px solid var(--accent); background: var(--panel); }
.verdict.bad { border-color: ${STATUS_COLOR.FAIL}; }
.verdict.good { border-color: ${STATUS_COLOR.PASS}; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 18px; }
.panel { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
#top-failing { margin-top: 18px; }
.panel h3 { margin: 0 0 10px; font-size: 14px; }
figure.chart { margin: 0; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 6px; }
#status-chart { display: flex; flex-wrap: wrap; align-items: center; gap: 14px; }
#status-chart figcaption { flex-basis: 100%; }
.donut-total { font-size: 22px; font-weight: 600; fill: var(--fg); }
.donut-label { font-size: 10px; fill: var(--muted); }
.legend { list-style: none; margin: 0; padding: 0; }
.legend li { margin: 2px 0; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.bar-row { display: grid; grid-template-columns: 70px 1fr 40px; align-items: center; gap: 8px; margin: 5px 0; }
.rate-row { margin: 0 0 10px; }
.rate-head { display: flex; justify-content: space-between; gap: 8px; margin-bottom: 2px; }
.bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-track { width: 100%; height: 14px; display: block; }
.bar-value { text-align: right; font-variant-numeric: tabular-nums; }
.bar-detail { color: var(--muted); font-size: 12px; }
.muted { color: var(--muted); }
ol.top-checks { margin: 0; padding-left: 20px; }
ol.top-checks li { margin: 4px 0; }
button.link { background: none; border: 0; padding: 0; color: var(--accent); cursor: pointer; font: inherit; text-decoration: underline; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 8px 0 10px; padding: 10px; background: var(--panel); border-radius: 8px; }
.filters input[type=search] { min-width: 260px; padding: 5px 8px; }
.filters select { padding: 4px; }
#shown { margin-left: auto; color: var(--muted); }
table.findings { width: 100%; border-collapse: collapse; }
table.findings th { text-align: left; font-size: 12px; color: var(--muted); border-bottom: 2px solid var(--line); padding: 6px; white-space: nowrap; }
table.findings th button { background: none; border: 0; font: inherit; color: inherit; cursor: pointer; padding: 0; }
table.findings th[aria-sort=ascending] button::after { content: " ▲"; }
table.findings th[aria-sort=descending] button::after { content: " ▼"; }
table.findings td { border-bottom: 1px solid var(--line); padding: 6px; vertical-align: top; }
table.findings td.resource { word-break: break-all; }
table.findings td.region { white-space: nowrap; }
tr.detail td { background: var(--panel); }
tr.detail dl { display: grid; grid-template-columns: 140px 1fr; gap: 4px 12px; margin: 4px 0; }
tr.detail dt { color: var(--muted); }
tr.detail dd { margin: 0; word-break: break-word; }
tr.detail pre { margin: 0; white-space: pre-wrap; font-size: 12px; }
button.toggle { background: none; border: 1px solid var(--line); border-radius: 4px; cursor: pointer; width: 22px; height: 22px; line-height: 18px; padding: 0; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.sup { color: var(--muted); font-size: 12px; display: block; }
#empty { padding: 14px; color: var(--muted); }
${STATUSES.map((s) => `.st-${s} { background: ${STATUS_COLOR[s]}; }`).join('\n')}
${SEVERITIES.map((s) => `.sev-${s}.badge { background: ${SEVERITY_COLOR[s]}; }`).join('\n')}
@media print { .filters, button.toggle { display: none; } tr.detail[hidden] { display: table-row; } }
`;
