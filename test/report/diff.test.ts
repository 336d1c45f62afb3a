import type { Finding, Report } from '../../lib/engine/types';
import { diffReports, diffSummary, formatDiffJson, formatDiffText, regressions } from '../../lib/report/diff';
import { findingIdentity } from '../../lib/report/identity';
import { mixedLiveReport } from '../fixtures/report/reports';

/** A copy of a report with some findings changed, removed or added. */
function edit(report: Report, change: (findings: Finding[]) => Finding[]): Report {
  return { ...report, metadata: { ...report.metadata, generatedAt: '2026-03-08T12:00:00.000Z' }, findings: change([...report.findings]) };
}

const byLabel = (f: Finding) => `${f.checkId}|${f.resource.id.split('/').pop()}|${f.key ?? ''}|${f.status}`;

describe('diff of two JSON reports', () => {
  const before = mixedLiveReport();
  const endpointFail = before.findings.find((f) => f.checkId === 'eks-endpoint-not-public' && f.status === 'FAIL')!;
  const goodEndpoint = before.findings.find((f) => f.checkId === 'eks-endpoint-not-public' && f.status === 'PASS' && f.resource.id.endsWith('/good'))!;
  const suppressedFail = before.findings.find((f) => f.suppressed)!;

  test('the same report twice: nothing new, nothing resolved, nothing changed', () => {
    const diff = diffReports(before, before);
    expect(diffSummary(diff)).toEqual({ new: 0, resolved: 0, unconfirmed: 0, changed: 0, unchanged: before.findings.length, regressions: 0 });
  });

  test('a fixed FAIL is resolved; a deleted failing resource is resolved too', () => {
    const after = edit(before, (fs) =>
      fs
        .map((f) => (f === endpointFail ? { ...f, status: 'PASS' as const, message: 'fixed' } : f))
        .filter((f) => !(f.checkId === 'eks-control-plane-logging' && f.resource.id.endsWith('/open'))),
    );
    const diff = diffReports(before, after);
    expect(diff.resolved.map(byLabel).sort()).toEqual(
      [byLabel(endpointFail), ...before.findings.filter((f) => f.checkId === 'eks-control-plane-logging' && f.resource.id.endsWith('/open') && f.status === 'FAIL').map(byLabel)].sort(),
    );
    expect(diff.new).toEqual([]);
    expect(regressions(diff)).toEqual([]);
  });

  test('a problem that vanished where the new audit could not look is not resolved: it is unconfirmed', () => {
    const gone = endpointFail;
    const region = gone.resource.region;
    // The new audit could not list clusters in that region: the engine reported a gap there instead.
    const gap: Finding = { ...gone, status: 'UNKNOWN', message: 'Not judged: eks.cluster could not be collected', key: undefined, resource: { id: `AWS::::Account:${gone.resource.accountId}`, kind: 'account', region, accountId: gone.resource.accountId } };
    const after = edit(before, (fs) => [...fs.filter((f) => f !== gone), gap]);
    const diff = diffReports(before, after);
    expect(diff.resolved.map(byLabel)).not.toContain(byLabel(gone));
    expect(diff.unconfirmed.map(byLabel)).toContain(byLabel(gone));
    // The same finding gone from a region that was judged is resolved.
    const judged = diffReports(before, edit(before, (fs) => fs.filter((f) => f !== gone)));
    expect(judged.resolved.map(byLabel)).toContain(byLabel(gone));
    expect(judged.unconfirmed).toEqual([]);
  });

  test('a new failing resource is new and a regression; a new passing one is not news', () => {
    const newFail: Finding = { ...endpointFail, resource: { ...endpointFail.resource, id: endpointFail.resource.id.replace('/open', '/new') } };
    const newPass: Finding = { ...goodEndpoint, resource: { ...goodEndpoint.resource, id: goodEndpoint.resource.id.replace('/good', '/also-good') } };
    const diff = diffReports(before, edit(before, (fs) => [...fs, newFail, newPass]));
    expect(diff.new).toEqual([newFail]);
    expect(regressions(diff)).toEqual([newFail]);
    expect(diff.unchanged).toBe(before.findings.length);
  });

  test('PASS → FAIL is a change and a regression; suppression lifted is a change and a regression', () => {
    const after = edit(before, (fs) =>
      fs.map((f) => {
        if (f === goodEndpoint) return { ...f, status: 'FAIL' as const };
        if (f === suppressedFail) {
          const { suppressed: _s, ...rest } = f;
          void _s;
          return rest;
        }
        return f;
      }),
    );
    const diff = diffReports(before, after);
    expect(diff.changed.map((c) => [byLabel(c.before), c.fields])).toEqual([
      [byLabel(goodEndpoint), ['status']],
      [byLabel(suppressedFail), ['suppressed']],
    ]);
    expect(regressions(diff).map(byLabel)).toEqual([`${byLabel(goodEndpoint).replace(/PASS$/, 'FAIL')}`, byLabel(suppressedFail)]);
    expect(regressions(diff, 'high').map((f) => f.checkId)).toEqual(['eks-endpoint-not-public']);
  });

  test('account-wide findings of two regions are two findings, not one', () => {
    const unknowns = before.findings.filter((f) => f.resource.kind === 'account');
    expect(unknowns.length).toBeGreaterThan(0);
    const twin: Finding = { ...unknowns[0]!, resource: { ...unknowns[0]!.resource, region: 'ap-south-1' } };
    expect(findingIdentity(twin)).not.toBe(findingIdentity(unknowns[0]!));
    const diff = diffReports(before, edit(before, (fs) => [...fs, twin]));
    expect(diff.new).toEqual([twin]);
  });

  test('text ends with one line of counts; JSON carries the lists and the summary', () => {
    const after = edit(before, (fs) => fs.map((f) => (f === endpointFail ? { ...f, status: 'PASS' as const } : f)));
    const diff = diffReports(before, after);
    const text = formatDiffText(diff);
    expect(text.trim().split('\n').at(-1)).toBe(`Diff: 0 new · 1 resolved · 0 not seen again · 0 changed · ${before.findings.length - 1} unchanged — 0 regressions`);
    expect(text).toContain('RESOLVED (1)');
    const json = JSON.parse(formatDiffJson(diff)) as { summary: { resolved: number }; resolved: Finding[]; new: Finding[] };
    expect(json.summary.resolved).toBe(1);
    expect(json.resolved[0]!.checkId).toBe('eks-endpoint-not-public');
    expect(json.new).toEqual([]);
  });
});
