/**
 * The page's only script: filters, sorting and detail rows for the findings table. It is plain
 * browser JavaScript kept as text (the library is compiled for Node), allowed by its hash in the
 * page's CSP; the summary and charts render without it.
 */
export const SCRIPT = `
(() => {
  'use strict';
  const table = document.getElementById('findings');
  const rows = Array.from(table.tBodies);
  const q = document.getElementById('f-text');
  const status = document.getElementById('f-status');
  const severity = document.getElementById('f-severity');
  const service = document.getElementById('f-service');
  const suppressed = document.getElementById('f-suppressed');
  const shown = document.getElementById('shown');
  const empty = document.getElementById('empty');
  const ATTENTION = ['FAIL', 'ERROR', 'UNKNOWN'];

  const visible = (row) => {
    const d = row.dataset;
    if (status.value === 'attention' ? !ATTENTION.includes(d.status) : status.value !== 'all' && d.status !== status.value) return false;
    if (severity.value !== 'all' && d.severity !== severity.value) return false;
    if (service.value !== 'all' && d.service !== service.value) return false;
    if (d.suppressed === 'true' && !suppressed.checked) return false;
    const words = q.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    return words.every((w) => d.text.includes(w));
  };

  const apply = () => {
    let n = 0;
    for (const row of rows) {
      const show = visible(row);
      row.hidden = !show;
      if (show) n += 1;
    }
    shown.textContent = n + ' of ' + rows.length + ' findings shown';
    empty.hidden = n !== 0;
  };

  for (const control of [q, status, severity, service, suppressed]) control.addEventListener('input', apply);

  // Sorting: numeric ranks for status and severity, text for the rest; a second click reverses.
  const headers = Array.from(table.tHead.rows[0].cells);
  for (const th of headers) {
    const button = th.querySelector('button[data-sort]');
    if (!button) continue;
    button.addEventListener('click', () => {
      const key = button.dataset.sort;
      const descending = th.getAttribute('aria-sort') === 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const value = (row) => row.dataset[key] || '';
      const numeric = key === 'statusRank' || key === 'severityRank';
      rows.sort((a, b) => {
        const c = numeric ? Number(value(a)) - Number(value(b)) : value(a).localeCompare(value(b));
        return descending ? -c : c;
      });
      for (const row of rows) table.appendChild(row);
    });
  }

  // Detail rows: message, remediation, evidence and controls of one finding.
  table.addEventListener('click', (event) => {
    const toggle = event.target.closest('button.toggle');
    if (!toggle) return;
    const detail = toggle.closest('tbody').querySelector('tr.detail');
    const open = detail.hidden;
    detail.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? '−' : '+';
  });

  // "Top failing checks" links narrow the table to one check's failures.
  for (const link of document.querySelectorAll('button[data-check]')) {
    link.addEventListener('click', () => {
      q.value = link.dataset.check;
      status.value = 'FAIL';
      apply();
      table.scrollIntoView();
    });
  }

  apply();
})();
`;
