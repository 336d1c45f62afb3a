import { createHash } from 'node:crypto';
import { formatHtml } from '../../lib/report/html';
import { emptyReport, mixedLiveReport, templateReport } from '../fixtures/report/reports';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('HTML report (static)', () => {
  const report = mixedLiveReport();
  const html = formatHtml(report);

  test('is one self-contained file: no external script, style, image, font or link', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
  });

  test('its CSP allows nothing but its own style and script, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`style-src '${sha(style)}'`);
    expect(csp).toContain(`script-src '${sha(script)}'`);
    // Inline style attributes would be blocked by that policy; the page has none.
    expect(html).not.toMatch(/\sstyle="/);
  });

  test('resource names and messages are escaped, not interpreted', () => {
    expect(html).not.toContain('a<b>&"c');
    expect(html).toContain('a&lt;b&gt;&amp;&quot;c&#39;');
  });

  test('every finding has a row with its status and severity, and a detail row with its remediation', () => {
    expect(html.match(/<tbody class="finding"/g)).toHaveLength(report.findings.length);
    for (const f of report.findings) expect(html).toContain(`data-check="${f.checkId}"`);
    const remediations = new Set(report.findings.map((f) => f.remediation));
    for (const r of remediations) expect(html).toContain(`<dt>Remediation</dt><dd>${r.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</dd>`);
  });

  test('summary: verdict, charts, pass rates per service and framework, top failing checks', () => {
    expect(html).toMatch(/<p class="verdict bad"><strong>\d+ failing findings? needs? attention<\/strong>/);
    for (const id of ['status-chart', 'severity-chart', 'service-rates', 'framework-rates', 'top-failing']) expect(html).toContain(`id="${id}"`);
    for (const name of ['CIS AWS 3.0', 'CIS AWS 4.0', 'CIS EKS 1.7', 'AWS FSBP']) expect(html).toContain(`>${name}<`);
    expect(html).toContain('data-check="eks-endpoint-not-public">eks-endpoint-not-public</button>');
  });

  test('template findings show where they are declared', () => {
    const page = formatHtml(templateReport());
    expect(page).toMatch(/<dt>Template<\/dt><dd>[^<]*eks\.yaml:\d+/);
  });

  test('an empty report still renders its summary', () => {
    const page = formatHtml(emptyReport());
    expect(page).toContain('<p class="verdict good">No open failures among 0 findings.');
    expect(page).toContain('No check fails.');
  });
});
