import { createHash } from 'node:crypto';
import { ALL_CHECKS } from '../../checks';
import type { Check } from '../../engine/check';
import { SEVERITIES, STATUSES, severityRank, type Finding, type Report } from '../../engine/types';
import { PACKS, complianceView } from '../../packs';
import { checksOfReport, frameworkLabels, resourceName, type FormatOptions } from '../catalog-info';
import { rateBars, severityBars, statusDonut, type RateRow } from './charts';
import { escapeHtml as esc } from './escape';
import { SCRIPT } from './script';
import { STYLE } from './style';

const STATUS_ORDER = (s: Finding['status']) => STATUSES.indexOf(s);

/**
 * One self-contained HTML page: summary (verdict, status and severity charts, pass rate per
 * service and per framework, top failing checks) and a filterable, sortable findings table whose
 * rows open onto the message, remediation, evidence and controls. Nothing is fetched when it is
 * viewed: a Content-Security-Policy allows only the page's own style and script, by hash.
 */
export function formatHtml(report: Report, options: FormatOptions = {}): string {
  const catalog = options.catalog ?? ALL_CHECKS;
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(STYLE)}'`,
    `script-src '${sha256(SCRIPT)}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hardeks ${esc(report.metadata.tool.version)}">
<title>${esc(pageTitle(report))}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><h1>${esc(pageTitle(report))}</h1><div class="meta">${esc(sourceLine(report))}</div></header>
<main>
<section id="summary" aria-label="Summary">
${verdict(report)}
<div class="grid">
<div class="panel"><h3>Status</h3>${statusDonut(report.summary)}</div>
<div class="panel"><h3>Severity</h3>${severityBars(report.summary)}</div>
<div class="panel"><h3>Pass rate per service</h3>${rateBars('service-rates', 'PASS among PASS and FAIL findings of each service', serviceRates(report))}</div>
<div class="panel"><h3>Pass rate per framework</h3>${rateBars('framework-rates', 'Controls passing among those judged (suppressed problems count as accepted)', frameworkRates(report, catalog))}</div>
</div>
<div class="panel" id="top-failing"><h3>Top failing checks</h3>${topFailing(report, catalog)}</div>
</section>
<section aria-label="Findings">
<h2>Findings</h2>
${filters(report)}
<table class="findings" id="findings">
<thead><tr><th></th><th><button type="button" data-sort="statusRank">Status</button></th><th><button type="button" data-sort="severityRank">Severity</button></th><th><button type="button" data-sort="check">Check</button></th><th><button type="button" data-sort="resource">Resource</button></th><th><button type="button" data-sort="region">Region</button></th><th>Message</th></tr></thead>
${sortedFindings(report).map((f) => findingBody(f)).join('\n')}
</table>
<p id="empty" hidden>No finding matches these filters.</p>
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function pageTitle(report: Report): string {
  const account = typeof report.metadata.source.accountId === 'string' ? ` — account ${report.metadata.source.accountId}` : '';
  return `hardeks report${account} — ${report.metadata.generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
}

function sourceLine(report: Report): string {
  const { source, tool, checks } = report.metadata;
  const parts = [`hardeks ${tool.version}`, `${source.type} inventory`];
  if (typeof source.snapshot === 'string') parts.push(source.snapshot);
  if (Array.isArray(source.templates)) parts.push(source.templates.join(', '));
  if (typeof source.cdkOut === 'string') parts.push(source.cdkOut);
  if (Array.isArray(source.regions)) parts.push(`regions ${source.regions.join(', ')}`);
  parts.push(`${checks.length} checks`, `generated ${report.metadata.generatedAt}`);
  return parts.join(' · ');
}

/** The sentence a reader takes away: what fails and how badly, or that nothing does. */
function verdict(report: Report): string {
  const open = report.findings.filter((f) => f.status === 'FAIL' && !f.suppressed);
  const { UNKNOWN, ERROR } = report.summary.byStatus;
  const incomplete = UNKNOWN + ERROR > 0 ? ` ${UNKNOWN + ERROR} finding${UNKNOWN + ERROR === 1 ? '' : 's'} could not be judged (UNKNOWN or ERROR): the data was not collected or a check broke.` : '';
  if (open.length === 0) return `<p class="verdict good">No open failures among ${report.summary.total} findings.${esc(incomplete)}</p>`;
  const bySeverity = SEVERITIES.map((s) => [s, open.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const detail = bySeverity.map(([s, n]) => `${n} ${s}`).join(', ');
  const suppressed = report.summary.suppressed > 0 ? ` ${report.summary.suppressed} suppressed (accepted risk).` : '';
  return `<p class="verdict bad"><strong>${open.length} failing finding${open.length === 1 ? '' : 's'} need${open.length === 1 ? 's' : ''} attention</strong> (${esc(detail)}).${esc(suppressed + incomplete)}</p>`;
}

function serviceRates(report: Report): RateRow[] {
  return Object.entries(report.summary.byService)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, counts]) => {
      const judged = counts.PASS + counts.FAIL;
      return { label: service, rate: judged === 0 ? undefined : counts.PASS / judged, detail: `${counts.PASS} of ${judged} pass${counts.UNKNOWN + counts.ERROR > 0 ? `, ${counts.UNKNOWN + counts.ERROR} not judged` : ''}` };
    });
}

function frameworkRates(report: Report, catalog: readonly Check[]): RateRow[] {
  return PACKS.map((pack) => {
    const view = complianceView(pack, report, catalog);
    const { PASS, ACCEPTED, FAIL, NOT_COVERED } = view.totals;
    const judged = PASS + ACCEPTED + FAIL;
    return { label: pack.shortName, rate: view.passRate, detail: `${PASS + ACCEPTED} of ${judged} controls pass · ${NOT_COVERED} not covered` };
  });
}

function topFailing(report: Report, catalog: readonly Check[]): string {
  const info = new Map(checksOfReport(report, catalog).map((c) => [c.id, c]));
  const counts = new Map<string, number>();
  for (const f of report.findings) if (f.status === 'FAIL' && !f.suppressed) counts.set(f.checkId, (counts.get(f.checkId) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort(([a, n], [b, m]) => m - n || severityRank(info.get(b)?.severity ?? 'info') - severityRank(info.get(a)?.severity ?? 'info') || a.localeCompare(b))
    .slice(0, 10);
  if (top.length === 0) return '<p class="muted">No check fails.</p>';
  const items = top.map(([id, n]) => {
    const check = info.get(id);
    const severity = check?.severity ?? 'info';
    return `<li><span class="badge sev-${severity}">${severity}</span> <button type="button" class="link" data-check="${esc(id)}">${esc(id)}</button> — ${esc(check?.title ?? '')} <strong>${n}</strong></li>`;
  });
  return `<ol class="top-checks">${items.join('')}</ol>`;
}

function filters(report: Report): string {
  const services = [...new Set(report.findings.map((f) => f.service))].sort();
  const option = (value: string, label: string, selected = false) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
  return `<div class="filters" role="search">
<input type="search" id="f-text" placeholder="Filter by check, resource, message…" aria-label="Filter text">
<label>Status <select id="f-status">${option('attention', 'Needs attention (FAIL, ERROR, UNKNOWN)', true)}${option('all', 'All')}${STATUSES.map((s) => option(s, s)).join('')}</select></label>
<label>Severity <select id="f-severity">${option('all', 'All')}${SEVERITIES.map((s) => option(s, s)).join('')}</select></label>
<label>Service <select id="f-service">${option('all', 'All')}${services.map((s) => option(s, s)).join('')}</select></label>
<label><input type="checkbox" id="f-suppressed"> Show suppressed</label>
<output id="shown"></output>
</div>`;
}

function sortedFindings(report: Report): Finding[] {
  return [...report.findings].sort(
    (a, b) => STATUS_ORDER(a.status) - STATUS_ORDER(b.status) || severityRank(b.severity) - severityRank(a.severity) || a.checkId.localeCompare(b.checkId) || a.resource.id.localeCompare(b.resource.id),
  );
}

function findingBody(f: Finding): string {
  const label = `${resourceName(f)}${f.key ? ` [${f.key}]` : ''}`;
  const searchText = [f.checkId, f.title, f.resource.id, label, f.resource.region, f.message, f.service, f.key ?? ''].join(' ').toLowerCase();
  const data = {
    status: f.status,
    'status-rank': String(STATUS_ORDER(f.status)),
    severity: f.severity,
    'severity-rank': String(4 - severityRank(f.severity)),
    service: f.service,
    check: f.checkId,
    resource: label,
    region: f.resource.region,
    suppressed: String(f.suppressed !== undefined),
    text: searchText,
  };
  const attrs = Object.entries(data)
    .map(([k, v]) => `data-${k}="${esc(v)}"`)
    .join(' ');
  const suppressedNote = f.suppressed ? `<span class="sup">suppressed</span>` : '';
  return `<tbody class="finding" ${attrs}>
<tr class="row"><td><button type="button" class="toggle" aria-expanded="false" aria-label="Details">+</button></td><td><span class="badge st-${f.status}">${f.status}</span>${suppressedNote}</td><td><span class="badge sev-${f.severity}">${f.severity}</span></td><td>${esc(f.checkId)}</td><td class="resource">${esc(label)}</td><td class="region">${esc(f.resource.region)}</td><td>${esc(f.message)}</td></tr>
<tr class="detail" hidden><td></td><td colspan="6">${details(f)}</td></tr>
</tbody>`;
}

function details(f: Finding): string {
  const origin = f.resource.origin;
  const rows: [string, string][] = [
    ['Check', `${esc(f.title)} (${esc(f.checkId)})`],
    ['Message', esc(f.message)],
    ['Remediation', esc(f.remediation)],
    ['Resource', `${esc(f.resource.id)} <span class="muted">(${esc(f.resource.kind)}, account ${esc(f.resource.accountId)})</span>`],
  ];
  if (origin?.kind === 'cfn') {
    const where = [origin.constructPath, origin.file && `${origin.file}${origin.line !== undefined ? `:${origin.line}` : ''}`, `${origin.stack}/${origin.logicalId}`].filter(Boolean).join(' · ');
    rows.push(['Template', esc(where)]);
  }
  if (f.key) rows.push(['Key', esc(f.key)]);
  const controls = frameworkLabels(f.frameworks);
  if (controls.length > 0) rows.push(['Controls', esc(controls.join(', '))]);
  if (f.suppressed) rows.push(['Suppressed', esc(`${f.suppressed.reason} (${f.suppressed.source}${f.suppressed.expires ? `, until ${f.suppressed.expires}` : ''})`)]);
  if (f.evidence) rows.push(['Evidence', `<pre>${esc(JSON.stringify(f.evidence, null, 2))}</pre>`]);
  return `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}
