import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, formatCsv } from '../../lib/report/csv';
import { mixedLiveReport, templateReport } from '../fixtures/report/reports';

const rows = (text: string) => parse(text, { columns: true }) as Record<(typeof CSV_COLUMNS)[number], string>[];

describe('CSV', () => {
  test('a header row, then one row per finding, in report order', () => {
    const report = mixedLiveReport();
    const text = formatCsv(report);
    expect(text.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const parsed = rows(text);
    expect(parsed.map((r) => [r.check_id, r.status, r.resource_id, r.key])).toEqual(report.findings.map((f) => [f.checkId, f.status, f.resource.id, f.key ?? '']));
  });

  test('commas, quotes and newlines survive a round trip', () => {
    const report = mixedLiveReport();
    const tricky = report.findings.filter((f) => f.resource.id.includes('<b>'));
    const parsed = rows(formatCsv(report)).filter((r) => r.resource_id.includes('<b>'));
    expect(parsed.map((r) => r.resource_id)).toEqual(tricky.map((f) => f.resource.id));
    expect(parsed[0]!.resource_id).toContain('"c\',=cmd|x\n');
  });

  test('a cell a spreadsheet would evaluate is neutralised', () => {
    const report = mixedLiveReport();
    const evil = { ...report, findings: [{ ...report.findings[0]!, message: '=HYPERLINK("http://example.invalid","x")' }, { ...report.findings[1]!, message: '@SUM(1+1)' }] };
    expect(rows(formatCsv(evil)).map((r) => r.message)).toEqual(['\'=HYPERLINK("http://example.invalid","x")', "'@SUM(1+1)"]);
  });

  test('suppression, controls and template location have their columns', () => {
    const live = rows(formatCsv(mixedLiveReport()));
    const suppressed = live.find((r) => r.suppressed === 'true')!;
    expect(suppressed).toMatchObject({ suppression_reason: 'Customer key rollout tracked in SEC-7', suppression_expires: '2026-12-31', security_hub: 'EKS.3', cis_eks: 'v1.7: 5.3.1' });
    const template = rows(formatCsv(templateReport()));
    expect(template.some((r) => r.template_file.endsWith('eks.yaml') && /^\d+$/.test(r.template_line))).toBe(true);
    expect(template.some((r) => r.construct_path.startsWith('App/'))).toBe(true);
  });
});
