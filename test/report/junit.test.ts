import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatJunit } from '../../lib/report/junit';
import { emptyReport, mixedLiveReport } from '../fixtures/report/reports';

type Case = { '@_name': string; '@_classname': string; failure?: { '@_message': string; '#text': string }; error?: { '@_type': string }; skipped?: { '@_message': string } };
type Suite = { '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string; testcase: Case[] };

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as { testsuites: { testsuite: Suite[]; '@_tests': string; '@_failures': string; '@_errors': string } };

describe('JUnit XML', () => {
  test('is well-formed XML, also with markup and control characters in resource names', () => {
    const xml = formatJunit(mixedLiveReport());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  test('one suite per check, one case per finding; FAIL fails, UNKNOWN errs, suppressed is skipped', () => {
    const report = mixedLiveReport();
    const { testsuites } = parse(formatJunit(report));
    expect(testsuites.testsuite.map((s) => s['@_name'])).toEqual(report.metadata.checks);
    expect(Number(testsuites['@_tests'])).toBe(report.findings.length);
    for (const suite of testsuites.testsuite) {
      const findings = report.findings.filter((f) => f.checkId === suite['@_name']);
      expect(suite.testcase).toHaveLength(findings.length);
      expect(Number(suite['@_failures'])).toBe(findings.filter((f) => f.status === 'FAIL' && !f.suppressed).length);
      expect(Number(suite['@_errors'])).toBe(findings.filter((f) => (f.status === 'UNKNOWN' || f.status === 'ERROR') && !f.suppressed).length);
      expect(Number(suite['@_skipped'])).toBe(findings.filter((f) => f.suppressed || f.status === 'NOT_APPLICABLE').length);
      findings.forEach((f, i) => {
        const c = suite.testcase[i]!;
        expect(c['@_classname']).toBe(`hardeks.eks.${f.checkId}`);
        if (f.suppressed) expect(c.skipped?.['@_message']).toContain(f.suppressed.reason);
        else if (f.status === 'FAIL') expect(c.failure?.['@_message']).toBe(f.message);
        else if (f.status === 'UNKNOWN') expect(c.error?.['@_type']).toBe('UNKNOWN');
        else expect([c.failure, c.error, c.skipped]).toEqual([undefined, undefined, undefined]);
      });
    }
  });

  test('escaped values read back as written', () => {
    const report = mixedLiveReport();
    const tricky = report.findings.find((f) => f.resource.id.includes('<b>') && f.status === 'FAIL')!;
    const suite = parse(formatJunit(report)).testsuites.testsuite.find((s) => s['@_name'] === tricky.checkId)!;
    const names = suite.testcase.map((c) => c['@_name']);
    expect(names.some((n) => n.includes('a<b>&"c\',=cmd|x'))).toBe(true);
  });

  test('an empty report is an empty, valid test run', () => {
    const xml = formatJunit(emptyReport());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(xml).testsuites['@_tests']).toBe('0');
  });
});
