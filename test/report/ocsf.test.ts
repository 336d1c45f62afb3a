import { toOcsf, OCSF_VERSION, type OcsfEvent } from '../../lib/report/ocsf';
import { demoReport, mixedLiveReport, templateReport } from '../fixtures/report/reports';

/** The attributes OCSF 1.3 requires of a Compliance Finding (class 2003) and the enumerations it uses. */
function ocsfProblems(e: OcsfEvent): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, rule: string) => ok || problems.push(rule);
  const int = (v: unknown) => Number.isInteger(v);
  need(e.category_uid === 2 && e.class_uid === 2003, 'Findings category, Compliance Finding class');
  need(e.activity_id === 1 && e.type_uid === 200301, 'type_uid = class_uid × 100 + activity_id');
  need([0, 1, 2, 3, 4, 5, 6, 99].includes(e.severity_id as number), 'severity_id is an OCSF severity');
  need(int(e.time) && (e.time as number) > 0, 'time is epoch milliseconds');
  const metadata = e.metadata as { version?: unknown; product?: { name?: unknown; vendor_name?: unknown } };
  need(metadata?.version === OCSF_VERSION, 'metadata.version is the schema version');
  need(typeof metadata?.product?.name === 'string' && typeof metadata.product.vendor_name === 'string', 'metadata.product names product and vendor');
  const info = e.finding_info as { uid?: unknown; title?: unknown };
  need(typeof info?.uid === 'string' && typeof info.title === 'string', 'finding_info has uid and title');
  const compliance = e.compliance as { standards?: unknown[]; status_id?: unknown };
  need(Array.isArray(compliance?.standards) && compliance.standards.length > 0, 'compliance.standards is required');
  need([0, 1, 2, 3, 99].includes(compliance?.status_id as number), 'compliance.status_id is an OCSF compliance status');
  need([1, 3].includes(e.status_id as number), 'status_id is New or Suppressed');
  const cloud = e.cloud as { provider?: unknown };
  need(cloud?.provider === 'AWS', 'cloud.provider (cloud profile)');
  need(Array.isArray(e.resources) && (e.resources as { uid?: unknown }[]).every((r) => typeof r.uid === 'string'), 'resources have uids');
  need(typeof (e.remediation as { desc?: unknown })?.desc === 'string', 'remediation.desc');
  return problems;
}

describe('OCSF Compliance Finding (2003)', () => {
  test.each([
    ['a live report with every status', async () => mixedLiveReport()],
    ['a template report', async () => templateReport()],
    ['the demo account', demoReport],
  ])('%s: every event has the required attributes', async (_name, build) => {
    const events = toOcsf(await build());
    expect(events.length).toBeGreaterThan(0);
    expect(events.flatMap(ocsfProblems)).toEqual([]);
  });

  test('the rules catch a broken event', () => {
    const [event] = toOcsf(mixedLiveReport());
    expect(ocsfProblems({ ...event!, type_uid: 200101, compliance: {} })).toEqual(['type_uid = class_uid × 100 + activity_id', 'compliance.standards is required', 'compliance.status_id is an OCSF compliance status']);
  });

  test('statuses and severities map to OCSF ids; suppressed findings are Suppressed', () => {
    const report = mixedLiveReport();
    const events = toOcsf(report);
    const pairs = report.findings.map((f, i) => ({ status: f.status, suppressed: Boolean(f.suppressed), severity: f.severity, event: events[i]! }));
    const one = (status: string, suppressed = false) => pairs.find((p) => p.status === status && p.suppressed === suppressed)!.event;
    expect(one('PASS').compliance).toMatchObject({ status_id: 1, status: 'Pass', status_code: 'PASS' });
    expect(one('FAIL').compliance).toMatchObject({ status_id: 3, status: 'Fail', status_code: 'FAIL' });
    expect(one('UNKNOWN').compliance).toMatchObject({ status_id: 2, status: 'Warning', status_code: 'UNKNOWN' });
    expect(one('FAIL', true)).toMatchObject({ status_id: 3, status: 'Suppressed', status_detail: 'Customer key rollout tracked in SEC-7' });
    const high = pairs.find((p) => p.severity === 'high')!.event;
    expect(high).toMatchObject({ severity_id: 4, severity: 'High' });
  });

  test('a finding carries its controls, cloud account and resource', () => {
    const report = mixedLiveReport();
    const i = report.findings.findIndex((f) => f.checkId === 'eks-endpoint-not-public' && f.status === 'FAIL');
    const event = toOcsf(report)[i]!;
    expect(event.compliance).toMatchObject({ standards: ['AWS Security Hub controls', 'CIS Amazon EKS Benchmark v1.7'], requirements: ['Security Hub EKS.1', 'CIS EKS 1.7 5.4.1', 'CIS EKS 1.7 5.4.2'], control: 'eks-endpoint-not-public' });
    expect(event.cloud).toEqual({ provider: 'AWS', account: { uid: '111122223333', type: 'AWS Account', type_id: 10 }, region: 'eu-west-1' });
    expect(event.resources).toEqual([expect.objectContaining({ uid: 'arn:aws:eks:eu-west-1:111122223333:cluster/open', type: 'AwsEksCluster', region: 'eu-west-1' })]);
  });

  test('finding uids are stable and unique', () => {
    const uids = toOcsf(mixedLiveReport()).map((e) => (e.finding_info as { uid: string }).uid);
    expect(toOcsf(mixedLiveReport()).map((e) => (e.finding_info as { uid: string }).uid)).toEqual(uids);
    expect(new Set(uids).size).toBe(uids.length);
  });
});
