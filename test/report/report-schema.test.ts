import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { InputError } from '../../lib/errors';
import { formatJson } from '../../lib/report/json';
import { parseReport } from '../../lib/report/read-report';
import { reportJsonSchema } from '../../lib/report/report-schema';
import { demoReport, emptyReport, mixedLiveReport, templateReport } from '../fixtures/report/reports';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schemas', 'report.schema.json');

describe('the published JSON Schema of the JSON report', () => {
  test('schemas/report.schema.json is the schema the code generates (UPDATE_SCHEMAS=1 rewrites it)', () => {
    const generated = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  test('the package publishes it', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files.some((f) => f === 'schemas' || f === 'schemas/report.schema.json')).toBe(true);
  });

  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

  test.each([
    ['a live report with every status and a suppression', async () => mixedLiveReport()],
    ['a template report (cfn origins with file, line, construct path)', async () => templateReport()],
    ['an empty report', async () => emptyReport()],
    ['the demo account', demoReport],
  ])('%s, as printed by --format json, validates', async (_name, build) => {
    const printed = JSON.parse(formatJson(await build())) as unknown;
    const valid = validate(printed);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test.each<[string, (r: Record<string, any>) => void]>([
    ['a renamed field', (r) => ((r.findings[0].check = r.findings[0].checkId), delete r.findings[0].checkId)],
    ['an unknown status', (r) => (r.findings[0].status = 'WARN')],
    ['a missing summary count', (r) => delete r.summary.byStatus.PASS],
    ['a date that is not ISO 8601', (r) => (r.metadata.generatedAt = 'yesterday')],
  ])('rejects %s (schema and reader agree)', (_name, damage) => {
    const report = JSON.parse(formatJson(mixedLiveReport())) as Record<string, any>;
    damage(report);
    expect(validate(report)).toBe(false);
    expect(() => parseReport(JSON.stringify(report), 'r.json')).toThrow(InputError);
  });

  test('the reader reads back what --format json wrote', () => {
    const report = mixedLiveReport();
    expect(parseReport(formatJson(report), 'r.json')).toEqual(report);
  });

  test('the reader names the problem and its path', () => {
    expect(() => parseReport('{"metadata": {}}', 'old.json')).toThrow(/old\.json is not a hardeks JSON report .*\$\.metadata\.tool/);
    expect(() => parseReport('not json', 'old.json')).toThrow(/old\.json is not JSON/);
  });
});
