import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { formatSarif, toSarif } from '../../lib/report/sarif';
import { demoReport, emptyReport, mixedLiveReport, templateReport, TEMPLATES } from '../fixtures/report/reports';

const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'report', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The schema's language pattern has a stray ']' that only non-unicode regular expressions accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('SARIF 2.1.0', () => {
  test.each([
    ['a live report with every status', () => mixedLiveReport()],
    ['a template report', () => templateReport()],
    ['a report without findings', () => emptyReport()],
  ])('%s validates against the SARIF 2.1.0 schema', (_name, build) => {
    expectValidSarif(formatSarif(build()));
  });

  test('the demo account validates too', async () => {
    expectValidSarif(formatSarif(await demoReport()));
  });

  test('the validator is not a rubber stamp: a broken log is rejected', () => {
    const log = toSarif(mixedLiveReport()) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'severe';
    expect(validate(log)).toBe(false);
  });

  test('one rule per check run, with help, a help URI and a security-severity GitHub can rank', () => {
    const report = mixedLiveReport();
    const run = toSarif(report).runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(report.metadata.checks);
    const endpoint = rules.find((r) => r.id === 'eks-endpoint-not-public')!;
    expect(endpoint.properties?.['security-severity']).toBe('8.0');
    expect(endpoint.defaultConfiguration?.level).toBe('error');
    expect(endpoint.helpUri).toMatch(/^https:\/\//);
    expect(endpoint.help?.markdown).toContain('**Remediation.**');
    expect(endpoint.properties?.tags).toEqual(expect.arrayContaining(['security', 'eks', 'Security Hub EKS.1', 'CIS EKS 1.7 5.4.1']));
    for (const rule of rules) expect(Number(rule.properties?.['security-severity'])).toBeGreaterThan(0);
  });

  test('results are the FAIL findings only; a suppressed FAIL is kept with its suppression', () => {
    const report = mixedLiveReport();
    const results = toSarif(report).runs[0]!.results!;
    const fails = report.findings.filter((f) => f.status === 'FAIL');
    expect(fails.length).toBeGreaterThan(2);
    expect(results).toHaveLength(fails.length);
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.ruleId, r.properties?.resource])).toEqual([['eks-secrets-encrypted', 'arn:aws:eks:eu-west-1:111122223333:cluster/open']]);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Customer key rollout tracked in SEC-7' }]);
    // ruleIndex points at the rule of the same id.
    const rules = toSarif(report).runs[0]!.tool.driver.rules!;
    for (const r of results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
  });

  test('fingerprints are stable across runs and distinct between findings', () => {
    const first = toSarif(mixedLiveReport()).runs[0]!.results!.map((r) => r.partialFingerprints!['hardeksFinding/v1']);
    const second = toSarif(mixedLiveReport()).runs[0]!.results!.map((r) => r.partialFingerprints!['hardeksFinding/v1']);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  test('template findings point at the template file and the line of the resource', () => {
    const report = templateReport();
    const run = toSarif(report, { baseDir: join(TEMPLATES, '..') }).runs[0]!;
    const fail = report.findings.find((f) => f.status === 'FAIL' && f.resource.origin?.kind === 'cfn' && f.resource.origin.line !== undefined)!;
    const origin = fail.resource.origin as { file: string; line: number; logicalId: string };
    const result = run.results!.find((r) => r.properties?.identity === `${fail.checkId}|${fail.resource.id}|${fail.key ?? ''}`)!;
    const location = result.locations![0]!;
    expect(location.physicalLocation).toEqual({
      artifactLocation: { uri: `templates/${origin.file.split('/').pop()}`, uriBaseId: '%SRCROOT%' },
      region: { startLine: origin.line },
    });
    expect(location.logicalLocations![0]!.name).toBe(origin.logicalId);
  });

  test('a CDK construct path names the logical location', () => {
    const report = templateReport();
    const withPath = report.findings.find((f) => f.status === 'FAIL' && f.resource.origin?.kind === 'cfn' && f.resource.origin.constructPath);
    expect(withPath).toBeDefined();
    const result = toSarif(report).runs[0]!.results!.find((r) => r.properties?.resource === withPath!.resource.id && r.ruleId === withPath!.checkId)!;
    expect(result.locations![0]!.logicalLocations![0]!.fullyQualifiedName).toBe((withPath!.resource.origin as { constructPath: string }).constructPath);
  });

  test('live findings carry the resource as a logical location and no file', () => {
    const result = toSarif(mixedLiveReport()).runs[0]!.results!.find((r) => r.ruleId === 'eks-endpoint-not-public')!;
    expect(result.locations).toEqual([
      { logicalLocations: [{ name: 'cluster/open', fullyQualifiedName: 'arn:aws:eks:eu-west-1:111122223333:cluster/open', kind: 'resource' }] },
    ]);
  });
});
