import type { Finding, Report } from '../engine/types';
import { checksOfReport, resourceName, type FormatOptions } from './catalog-info';

/**
 * JUnit XML for CI test reports: one test suite per check, one test case per finding (check ×
 * resource × key). FAIL is a failure; UNKNOWN and ERROR are errors (the check could not judge);
 * NOT_APPLICABLE and suppressed findings are skipped, with the reason; PASS passes.
 */
export function formatJunit(report: Report, options: FormatOptions = {}): string {
  const checks = checksOfReport(report, options.catalog);
  const suites = checks.map((check) => {
    const cases = report.findings.filter((f) => f.checkId === check.id);
    return { check, cases, counts: countsOf(cases) };
  });
  const total = sum(suites.map((s) => s.counts));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hardeks" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" timestamp="${attr(report.metadata.generatedAt)}">`,
  ];
  for (const { check, cases, counts } of suites) {
    lines.push(
      `  <testsuite name="${attr(check.id)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" timestamp="${attr(report.metadata.generatedAt)}">`,
      `    <properties><property name="title" value="${attr(check.title)}"/><property name="severity" value="${check.severity}"/></properties>`,
    );
    for (const f of cases) lines.push(...testCase(f));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function testCase(f: Finding): string[] {
  const name = `${resourceName(f)}${f.key ? ` [${f.key}]` : ''} (${f.resource.region})`;
  const open = `    <testcase name="${attr(name)}" classname="hardeks.${attr(f.service)}.${attr(f.checkId)}" time="0">`;
  const details = `${f.message}\nResource: ${f.resource.id}\nRemediation: ${f.remediation}`;
  const body = (() => {
    if (f.suppressed) return `<skipped message="${attr(`suppressed (${f.status}): ${f.suppressed.reason}`)}"/>`;
    switch (f.status) {
      case 'FAIL':
        return `<failure message="${attr(f.message)}" type="${f.severity}">${text(details)}</failure>`;
      case 'UNKNOWN':
      case 'ERROR':
        return `<error message="${attr(f.message)}" type="${f.status}">${text(details)}</error>`;
      case 'NOT_APPLICABLE':
        return `<skipped message="${attr(f.message)}"/>`;
      case 'PASS':
        return undefined;
    }
  })();
  return body ? [open, `      ${body}`, '    </testcase>'] : [`${open}</testcase>`];
}

interface Counts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

function countsOf(findings: readonly Finding[]): Counts {
  const open = findings.filter((f) => !f.suppressed);
  return {
    tests: findings.length,
    failures: open.filter((f) => f.status === 'FAIL').length,
    errors: open.filter((f) => f.status === 'UNKNOWN' || f.status === 'ERROR').length,
    skipped: findings.filter((f) => f.suppressed || f.status === 'NOT_APPLICABLE').length,
  };
}

const sum = (all: readonly Counts[]): Counts =>
  all.reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped }), {
    tests: 0,
    failures: 0,
    errors: 0,
    skipped: 0,
  });

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF) are dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
