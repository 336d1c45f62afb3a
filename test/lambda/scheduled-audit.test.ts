/**
 * The scheduled audit handler end to end: the simulated AWS is the audited account; S3, SNS and
 * Security Hub are mocked clients whose calls are asserted.
 */
import { BatchImportFindingsCommand } from '@aws-sdk/client-securityhub';
import { ALL_CHECKS } from '../../lib/checks';
import type { Finding, Report } from '../../lib/engine/types';
import { AuditDeliveryError, type AuditOutcome } from '../../lib/lambda/audit';
import { AuditBudgetError } from '../../lib/lambda/budget';
import { scheduledAudit } from '../../lib/lambda/handlers';
import { SECURITY_HUB_BATCH } from '../../lib/lambda/security-hub';
import { findingIdentity } from '../../lib/report/identity';
import { ACCOUNT, BUCKET, closeSsh, contextWith, exampleWorld, harness, openEndpoint, removeInstance, reportAt, TOPIC, type Harness } from './support';

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const DAY1 = new Date('2026-11-26T02:00:00Z');
const DAY2 = new Date('2026-11-27T02:00:00Z');
const DAY3 = new Date('2026-11-28T02:00:00Z');

const isProblem = (f: Finding) => f.status === 'FAIL' || f.status === 'UNKNOWN' || f.status === 'ERROR';
const find = (report: Report, checkId: string, resource: string) => report.findings.filter((f) => f.checkId === checkId && f.resource.id.endsWith(resource));
const LEGACY_EU = 'eu-west-1:210987654321:cluster/legacy';

async function run(h: Harness, world = exampleWorld(), options: Parameters<Harness['deps']>[1] = {}, remainingMs = FIFTEEN_MINUTES): Promise<AuditOutcome> {
  return scheduledAudit({ source: 'aws.events' }, contextWith(remainingMs), h.deps(world, options));
}

describe('first run', () => {
  const h = harness();
  let outcome: AuditOutcome;
  let report: Report;
  beforeAll(async () => {
    outcome = await run(h, exampleWorld(), { now: DAY1 });
    report = reportAt(h.bucket, outcome.reports.json);
  }, 60_000);

  test('writes the JSON and HTML reports under <account>/<date>/, then the pointer to them', () => {
    expect(outcome.reports).toEqual({ json: `${ACCOUNT}/2026-11-26/account-020000Z.json`, html: `${ACCOUNT}/2026-11-26/account-020000Z.html` });
    expect(h.bucket.putKeys()).toEqual([outcome.reports.json, outcome.reports.html, `${ACCOUNT}/latest/account.json`]);
    expect(h.bucket.json(`${ACCOUNT}/latest/account.json`)).toEqual({ key: outcome.reports.json, generatedAt: DAY1.toISOString() });
    expect(h.bucket.objects.get(outcome.reports.html!)?.contentType).toMatch(/^text\/html/);
    expect(h.bucket.objects.get(outcome.reports.html!)?.body).toMatch(/^<!doctype html>/);
  });

  test('the report is a full live audit of the configured regions: every check ran', () => {
    expect(report.metadata.source).toMatchObject({ type: 'live', accountId: ACCOUNT, regions: ['eu-west-1', 'us-east-1'] });
    expect(report.metadata.checks).toEqual(ALL_CHECKS.map((c) => c.id));
    expect(outcome.byStatus).toEqual(report.summary.byStatus);
    expect(outcome.byStatus.FAIL).toBeGreaterThan(0);
  });

  test('with no baseline, every unsuppressed FAIL at or above high is new and notified once', () => {
    const expected = report.findings.filter((f) => f.status === 'FAIL' && (f.severity === 'high' || f.severity === 'critical'));
    expect(outcome.baseline).toMatch(/first run/);
    expect(outcome.newFailures).toBe(expected.length);
    expect(outcome.notified).toBe(true);
    const published = h.topic.published();
    expect(published).toHaveLength(1);
    expect(published[0]?.TopicArn).toBe(TOPIC);
    expect(published[0]?.Subject).toBe(`hardeks: ${expected.length} new failing findings in account ${ACCOUNT}`);
    expect(published[0]?.Subject!.length).toBeLessThanOrEqual(100);
    expect(published[0]?.Message).toContain(`s3://${BUCKET}/${outcome.reports.json}`);
  });

  test('imports every finding into Security Hub in batches of at most 100, each to its own region', () => {
    const imports = h.hub.imports();
    expect(imports.every((call) => call.findings.length <= SECURITY_HUB_BATCH && call.findings.length > 0)).toBe(true);
    expect(imports.every((call) => call.findings.every((f) => f.Region === call.region && String(f.ProductArn).includes(`:securityhub:${call.region}:`)))).toBe(true);
    expect(new Set(imports.flatMap((c) => c.findings.map((f) => f.Id))).size).toBe(report.findings.length);
    expect(imports.reduce((n, c) => n + c.findings.length, 0)).toBe(report.findings.length);
    // eu-west-1 receives its own findings and the account-wide ones: more than one batch.
    const perRegion = new Map<string, number[]>();
    for (const c of imports) perRegion.set(c.region, [...(perRegion.get(c.region) ?? []), c.findings.length]);
    for (const [, sizes] of perRegion) expect(sizes.slice(0, -1).every((n) => n === SECURITY_HUB_BATCH)).toBe(true);
    expect(Math.max(...[...perRegion.values()].map((s) => s.length))).toBeGreaterThan(1);
    expect(outcome.securityHub).toMatchObject({ imported: report.findings.length, refused: [], resolved: 0, archived: 0 });
    expect(h.hub.updates()).toEqual([]);
  });
});

describe('later runs compare with the baseline', () => {
  const h = harness();
  const world1 = exampleWorld();
  // Day 3: SSH closed (fixed, still reported), the legacy instance gone, the legacy cluster's endpoint opened (new FAIL).
  const world3 = openEndpoint(removeInstance(closeSsh(world1), 'i-0legacy00000000001'), 'legacy');
  let day1: Report;
  let second: AuditOutcome;
  let third: AuditOutcome;
  let day3: Report;
  beforeAll(async () => {
    const first = await run(h, world1, { now: DAY1 });
    day1 = reportAt(h.bucket, first.reports.json);
    h.topic.mock.resetHistory();
    for (const { mock } of h.hub.regions.values()) mock.resetHistory();
    second = await run(h, world1, { now: DAY2 });
    h.topic.mock.resetHistory();
    for (const { mock } of h.hub.regions.values()) mock.resetHistory();
    third = await run(h, world3, { now: DAY3 });
    day3 = reportAt(h.bucket, third.reports.json);
  }, 90_000);

  test('nothing changed: nothing new, nothing resolved, no notification', () => {
    expect(second).toMatchObject({ baseline: `${ACCOUNT}/2026-11-26/account-020000Z.json`, newFailures: 0, resolved: 0, notified: false });
    expect(second.reports.json).toBe(`${ACCOUNT}/2026-11-27/account-020000Z.json`);
  });

  test('a new high FAIL is notified, and only it', () => {
    expect(third.baseline).toBe(second.reports.json);
    expect(third.newFailures).toBe(1);
    const published = h.topic.published();
    expect(published).toHaveLength(1);
    expect(published[0]?.Subject).toBe(`hardeks: 1 new failing finding in account ${ACCOUNT}`);
    expect(published[0]?.Message).toContain('eks-endpoint-not-public');
    expect(find(day3, 'eks-endpoint-not-public', LEGACY_EU).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('a fixed finding is resolved: imported as PASSED and its workflow set to RESOLVED', () => {
    const fixed = find(day1, 'ec2-sg-no-world-ssh', 'sg-0ssh0000000000001')[0]!;
    expect(fixed.status).toBe('FAIL');
    expect(find(day3, 'ec2-sg-no-world-ssh', 'sg-0ssh0000000000001').map((f) => f.status)).toEqual(['PASS']);
    const updates = h.hub.updates();
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => u.input.Workflow?.Status === 'RESOLVED' && u.input.FindingIdentifiers.length <= SECURITY_HUB_BATCH)).toBe(true);
    const resolvedIds = updates.flatMap((u) => u.input.FindingIdentifiers.map((i) => i.Id));
    const importedNow = h.hub.imports().flatMap((c) => c.findings);
    const sshNow = importedNow.find((f) => (f.ProductFields as Record<string, string>)['hardeks/CheckId'] === 'ec2-sg-no-world-ssh' && String((f.Resources as { Id: string }[])[0]?.Id).endsWith('sg-0ssh0000000000001'));
    expect(sshNow).toMatchObject({ Compliance: { Status: 'PASSED' }, RecordState: 'ACTIVE' });
    expect(resolvedIds).toContain(sshNow!.Id);
    expect(third.resolved).toBeGreaterThanOrEqual(1);
  });

  test('a finding whose resource is gone is archived (re-imported with RecordState ARCHIVED), not left active', () => {
    const gone = day1.findings.filter((f) => f.resource.id.endsWith('i-0legacy00000000001') && isProblem(f));
    expect(gone.length).toBeGreaterThan(0);
    expect(day3.findings.filter((f) => f.resource.id.endsWith('i-0legacy00000000001'))).toEqual([]);
    const archived = h.hub.imports().flatMap((c) => c.findings).filter((f) => f.RecordState === 'ARCHIVED' && String((f.Resources as { Id: string }[])[0]?.Id).endsWith('i-0legacy00000000001'));
    expect(archived).toHaveLength(gone.length);
    expect(archived.every((f) => f.UpdatedAt === DAY3.toISOString())).toBe(true);
    // Everything else that vanished (the instance's volume, its public address) is archived the same way.
    const present = new Set(day3.findings.map(findingIdentity));
    expect(third.securityHub?.archived).toBe(day1.findings.filter((f) => isProblem(f) && !present.has(findingIdentity(f))).length);
    expect(third.unconfirmed).toBe(0);
  });

  test('every problem of the baseline is accounted for: still open, resolved, or archived', () => {
    const now = new Set(day3.findings.filter(isProblem).map(findingIdentity));
    const open = day1.findings.filter(isProblem).filter((f) => now.has(findingIdentity(f))).length;
    expect(open + third.resolved).toBe(day1.findings.filter(isProblem).length);
  });
});

describe('the notification threshold', () => {
  test('a new high FAIL is not notified when the threshold is critical; it is still reported', async () => {
    const h = harness();
    await run(h, exampleWorld(), { now: DAY1, env: { HARDEKS_NOTIFY_SEVERITY: 'critical' } });
    h.topic.mock.resetHistory();
    const outcome = await run(h, openEndpoint(exampleWorld(), 'legacy'), { now: DAY2, env: { HARDEKS_NOTIFY_SEVERITY: 'critical' } });
    expect(outcome).toMatchObject({ newFailures: 0, notified: false });
    expect(h.topic.published()).toEqual([]);
    expect(find(reportAt(h.bucket, outcome.reports.json), 'eks-endpoint-not-public', LEGACY_EU).map((f) => f.status)).toEqual(['FAIL']);
  }, 60_000);

  test('without a topic nothing is published, and Security Hub is left alone unless enabled', async () => {
    const h = harness();
    const outcome = await run(h, exampleWorld(), { now: DAY1, env: { HARDEKS_TOPIC_ARN: '', HARDEKS_SECURITY_HUB: 'false' } });
    expect(outcome.notified).toBe(false);
    expect(outcome.securityHub).toBeUndefined();
    expect(h.topic.published()).toEqual([]);
    expect(h.hub.imports()).toEqual([]);
  }, 60_000);
});

describe('the deadline budget', () => {
  test('a region that does not answer in time is TIMED_OUT: its findings are UNKNOWN, its old FAILs stay open, and the run ends in time', async () => {
    const h = harness();
    const day1 = reportAt(h.bucket, (await run(h, exampleWorld(), { now: DAY1 })).reports.json);
    for (const { mock } of h.hub.regions.values()) mock.resetHistory();

    // 4 s left, 1.5 s kept back: collection must stop after 2.5 s although tasks may take 120 s.
    const started = Date.now();
    const outcome = await run(h, exampleWorld(), { now: DAY2, faults: [{ operation: '*', region: 'eu-west-1', type: 'hang' }], env: { HARDEKS_SAFETY_MARGIN_SECONDS: '2' } }, 4_500);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(4_500);
    expect(elapsed).toBeGreaterThanOrEqual(2_000);

    const report = reportAt(h.bucket, outcome.reports.json);
    expect(outcome.gaps.some((g) => g.startsWith('eu-west-1: TIMED_OUT'))).toBe(true);
    expect(outcome.gaps.filter((g) => g.startsWith('us-east-1'))).toEqual([]);
    const inEu = report.findings.filter((f) => f.resource.region === 'eu-west-1');
    expect(inEu.length).toBeGreaterThan(0);
    expect(inEu.filter((f) => f.status === 'PASS' || f.status === 'FAIL')).toEqual([]);
    // The region's checks each say UNKNOWN for the region: nothing was silently dropped.
    expect(new Set(inEu.filter((f) => f.resource.kind === 'account' && f.status === 'UNKNOWN').map((f) => f.checkId)).size).toBeGreaterThan(10);

    // eu-west-1's FAILs vanished with its data: not resolved, not archived, not marked resolved.
    const euFailsBefore = day1.findings.filter((f) => f.resource.region === 'eu-west-1' && f.status === 'FAIL');
    expect(euFailsBefore.length).toBeGreaterThan(0);
    expect(outcome.resolved).toBe(0);
    expect(outcome.unconfirmed).toBeGreaterThan(0);
    expect(h.hub.updates()).toEqual([]);
    expect(h.hub.imports().flatMap((c) => c.findings).filter((f) => f.RecordState === 'ARCHIVED' && f.Region === 'eu-west-1' && (f.ProductFields as Record<string, string>)['hardeks/Status'] !== 'NOT_APPLICABLE')).toEqual([]);
  }, 60_000);

  test('the collection deadline is the remaining time less the safety margin', async () => {
    const h = harness();
    const deps = h.deps(exampleWorld(), { env: { HARDEKS_SAFETY_MARGIN_SECONDS: '90' } });
    const before = Date.now();
    await scheduledAudit({}, contextWith(10 * 60 * 1000), deps);
    const deadline = deps.asked[0]?.deadline ?? 0;
    expect(deadline).toBeGreaterThanOrEqual(before + 10 * 60 * 1000 - 90_000 - 50);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 10 * 60 * 1000 - 90_000);
    expect(deps.asked[0]).toMatchObject({ regions: ['eu-west-1', 'us-east-1'], taskTimeoutMs: 120_000 });
  }, 60_000);

  test('too little time to deliver anything: a clear error before any AWS call', async () => {
    const h = harness();
    const deps = h.deps(exampleWorld());
    await expect(scheduledAudit({}, contextWith(30_000), deps)).rejects.toMatchObject({ code: 'LAMBDA_TIME_TOO_SHORT' });
    await expect(scheduledAudit({}, contextWith(30_000), deps)).rejects.toBeInstanceOf(AuditBudgetError);
    expect(deps.sim.totalCalls).toBe(0);
    expect(h.bucket.mock.calls()).toHaveLength(0);
  });
});

describe('delivery failures', () => {
  test('a failed notification fails the invocation after the report is written, and the baseline stays so the next run notifies again', async () => {
    const h = harness();
    h.topic.mock.rejects(Object.assign(new Error('KMS key disabled'), { name: 'KMSDisabledException' }));
    const error = await run(h, exampleWorld(), { now: DAY1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditDeliveryError);
    expect((error as AuditDeliveryError).code).toBe('AUDIT_DELIVERY_FAILED');
    const failed = (error as AuditDeliveryError).outcome;
    expect(h.bucket.objects.has(failed.reports.json)).toBe(true);
    expect(h.bucket.objects.has(`${ACCOUNT}/latest/account.json`)).toBe(false);
    // Security Hub was still synced.
    expect(failed.securityHub?.imported).toBeGreaterThan(0);

    h.topic.mock.reset();
    h.topic.mock.resolves({ MessageId: 'm-2' });
    const retried = await run(h, exampleWorld(), { now: DAY2 });
    expect(retried).toMatchObject({ notified: true, newFailures: failed.newFailures });
    expect(h.bucket.json(`${ACCOUNT}/latest/account.json`)).toMatchObject({ key: retried.reports.json });
  }, 60_000);

  test('a refused finding is reported, not fatal', async () => {
    const h = harness();
    h.hub.clientFor('us-east-1');
    h.hub.regions.get('us-east-1')!.mock.on(BatchImportFindingsCommand).callsFake((input: { Findings: { Id: string }[] }) => ({
      SuccessCount: input.Findings.length - 1,
      FailedCount: 1,
      FailedFindings: [{ Id: input.Findings[0]!.Id, ErrorCode: 'InvalidInput', ErrorMessage: 'Finding is too large' }],
    }));
    const outcome = await run(h, exampleWorld(), { now: DAY1 });
    expect(outcome.securityHub?.refused.length).toBeGreaterThan(0);
    expect(outcome.securityHub?.refused.every((r) => r.code === 'InvalidInput')).toBe(true);
    expect(h.bucket.objects.has(`${ACCOUNT}/latest/account.json`)).toBe(true);
  }, 60_000);
});

describe('accepted risks', () => {
  test('suppressions read from the bucket mark findings and keep them out of the notification', async () => {
    const h = harness();
    h.bucket.objects.set('config/suppressions.yaml', {
      body: 'version: 1\nsuppressions:\n  - checkId: ec2-sg-no-world-ssh\n    reason: Bastion SSH is fronted by the office VPN (SEC-12)\n',
    });
    const outcome = await run(h, exampleWorld(), { now: DAY1, env: { HARDEKS_SUPPRESSIONS_KEY: 'config/suppressions.yaml' } });
    const ssh = reportAt(h.bucket, outcome.reports.json).findings.filter((f) => f.checkId === 'ec2-sg-no-world-ssh' && f.status === 'FAIL');
    expect(ssh.length).toBeGreaterThan(0);
    expect(ssh.every((f) => f.suppressed !== undefined)).toBe(true);
    expect(h.topic.published()[0]?.Message).not.toContain('ec2-sg-no-world-ssh');
  }, 60_000);

  test('a configured suppressions file that is missing stops the run: notifying every accepted risk as new would be worse', async () => {
    const h = harness();
    await expect(run(h, exampleWorld(), { now: DAY1, env: { HARDEKS_SUPPRESSIONS_KEY: 'config/missing.yaml' } })).rejects.toMatchObject({ code: 'SUPPRESSIONS_UNREADABLE' });
    expect(h.topic.published()).toEqual([]);
  });
});

describe('configuration', () => {
  test('a bad environment fails at start with every problem, before any AWS call', async () => {
    const h = harness();
    const deps = h.deps(exampleWorld(), { env: { HARDEKS_REPORT_BUCKET: '', HARDEKS_NOTIFY_SEVERITY: 'urgent', HARDEKS_REGION: 'eu-west-1' } });
    const error = await scheduledAudit({}, contextWith(FIFTEEN_MINUTES), deps).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LAMBDA_CONFIG_INVALID' });
    expect((error as { problems: string[] }).problems.map((p) => p.split(':')[0])).toEqual(['HARDEKS_REPORT_BUCKET', 'HARDEKS_NOTIFY_SEVERITY', 'HARDEKS_REGION']);
    expect(deps.sim.totalCalls).toBe(0);
    expect(h.bucket.mock.calls()).toHaveLength(0);
  });

  test('an assumed role is used for the audit when configured', async () => {
    const h = harness();
    const deps = h.deps(exampleWorld(), { env: { HARDEKS_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/auditor`, HARDEKS_EXTERNAL_ID: 'hardeks-ext-1' } });
    await scheduledAudit({}, contextWith(FIFTEEN_MINUTES), deps);
    expect(deps.asked[0]).toMatchObject({ roleArn: `arn:aws:iam::${ACCOUNT}:role/auditor`, externalId: 'hardeks-ext-1', roleSessionName: 'hardeks-audit' });
  }, 60_000);

  test('HARDEKS_SERVICES narrows the checks and collects what they read', async () => {
    const h = harness();
    const deps = h.deps(exampleWorld(), { env: { HARDEKS_SERVICES: 'eks' } });
    const outcome = await scheduledAudit({}, contextWith(FIFTEEN_MINUTES), deps);
    const report = reportAt(h.bucket, outcome.reports.json);
    expect(new Set(report.findings.map((f) => f.service))).toEqual(new Set(['eks']));
    expect(deps.asked[0]?.collectors?.map((c) => c.service).sort()).toEqual(['ec2', 'eks', 'guardduty', 'iam', 'kms']);
  }, 60_000);
});
