/**
 * The organization audit's three handlers: plan (Organizations mocked), one target per account ×
 * region on the simulated AWS through the member role, and the summary over every target.
 */
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import type { Report } from '../../lib/engine/types';
import { auditTarget, planOrganization, summarizeOrganization } from '../../lib/lambda/handlers';
import { targetResultKey, type OrganizationSummary, type TargetResult } from '../../lib/lambda/organization';
import { contextWith, exampleWorld, harness, type Harness } from './support';

const MEMBER_A = '111111111111';
const MEMBER_B = '222222222222';
const ORG_ENV = { HARDEKS_MEMBER_ROLE_NAME: 'hardeks-member-audit', HARDEKS_EXTERNAL_ID: 'org-audit-7f3a', HARDEKS_SECURITY_HUB: 'false' };
const NOW = new Date('2026-11-26T03:00:00Z');
const MINUTES_15 = 15 * 60 * 1000;

function organizations(): { client: OrganizationsClient; calls: () => number } {
  const client = new OrganizationsClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'test' } });
  const mock = mockClient(client);
  mock
    .on(ListAccountsCommand, {})
    .resolves({ Accounts: [{ Id: MEMBER_B, State: 'ACTIVE' }, { Id: '333333333333', State: 'SUSPENDED' }], NextToken: 'page-2' })
    .on(ListAccountsCommand, { NextToken: 'page-2' })
    .resolves({ Accounts: [{ Id: MEMBER_A, Status: 'ACTIVE' }, { Id: '444444444444', State: 'ACTIVE' }] });
  return { client, calls: () => mock.commandCalls(ListAccountsCommand).length };
}

describe('plan', () => {
  test('lists every page of accounts, keeps the active ones not excluded, and writes account × region targets', async () => {
    const h = harness();
    const org = organizations();
    const deps = { ...h.deps(exampleWorld(), { now: NOW, env: { ...ORG_ENV, HARDEKS_EXCLUDED_ACCOUNTS: '444444444444' } }), organizations: org.client };
    const plan = await planOrganization({ executionName: 'daily-0c1d2e3f' }, contextWith(60_000), deps);
    expect(org.calls()).toBe(2);
    expect(plan).toEqual({ bucket: 'hardeks-reports-test', runPrefix: 'organization/2026-11-26/030000Z-daily-0c1d2e3f/', targetsKey: 'organization/2026-11-26/030000Z-daily-0c1d2e3f/targets.json', accounts: 2, targets: 4 });
    expect(h.bucket.json(plan.targetsKey)).toEqual([
      { accountId: MEMBER_A, region: 'eu-west-1' },
      { accountId: MEMBER_A, region: 'us-east-1' },
      { accountId: MEMBER_B, region: 'eu-west-1' },
      { accountId: MEMBER_B, region: 'us-east-1' },
    ]);
  });

  test('without the member role or the regions it refuses to plan', async () => {
    const h = harness();
    const deps = { ...h.deps(exampleWorld(), { env: { HARDEKS_REGIONS: '' } }), organizations: organizations().client };
    await expect(planOrganization({}, contextWith(60_000), deps)).rejects.toMatchObject({ code: 'LAMBDA_CONFIG_INVALID' });
  });
});

describe('one target', () => {
  const runPrefix = 'organization/2026-11-26/030000Z-run/';

  test('audits one region of the member account through its role with the external id, and records the result', async () => {
    const h = harness();
    const deps = h.deps(exampleWorld(MEMBER_A), { now: NOW, env: ORG_ENV });
    const result = await auditTarget({ accountId: MEMBER_A, region: 'eu-west-1', runPrefix }, contextWith(MINUTES_15), deps);
    expect(deps.asked[0]).toMatchObject({ roleArn: `arn:aws:iam::${MEMBER_A}:role/hardeks-member-audit`, externalId: 'org-audit-7f3a', regions: ['eu-west-1'] });
    const report = h.bucket.json<Report>(`${MEMBER_A}/2026-11-26/eu-west-1-030000Z.json`);
    expect(report.metadata.source).toMatchObject({ accountId: MEMBER_A, regions: ['eu-west-1'] });
    expect(new Set(report.findings.map((f) => f.resource.region))).toEqual(new Set(['eu-west-1', 'global']));
    const stored = h.bucket.json<TargetResult>(targetResultKey(runPrefix, { accountId: MEMBER_A, region: 'eu-west-1' }));
    expect(stored).toMatchObject({ accountId: MEMBER_A, region: 'eu-west-1', status: 'AUDITED', report: `${MEMBER_A}/2026-11-26/eu-west-1-030000Z.json` });
    expect(result).toMatchObject({ status: 'AUDITED', newFailures: (stored as Extract<TargetResult, { status: 'AUDITED' }>).newFailures.length });
    // One notification for the whole organization comes from the summary, not from each target.
    expect(h.topic.published()).toEqual([]);
    expect(h.hub.imports()).toEqual([]);
  }, 60_000);

  test('credentials that lead to another account are refused, and the refusal is recorded for the summary', async () => {
    const h = harness();
    const deps = h.deps(exampleWorld(MEMBER_B), { now: NOW, env: ORG_ENV });
    await expect(auditTarget({ accountId: MEMBER_A, region: 'eu-west-1', runPrefix }, contextWith(MINUTES_15), deps)).rejects.toMatchObject({ code: 'WRONG_ACCOUNT' });
    expect(h.bucket.json(targetResultKey(runPrefix, { accountId: MEMBER_A, region: 'eu-west-1' }))).toMatchObject({ status: 'NOT_AUDITED', reason: expect.stringMatching(/^WRONG_ACCOUNT: /) });
    expect(h.bucket.objects.has(`${MEMBER_A}/latest/eu-west-1.json`)).toBe(false);
  }, 60_000);

  test('a malformed item is refused before any role is assumed', async () => {
    const h = harness();
    const deps = h.deps(exampleWorld(MEMBER_A), { env: ORG_ENV });
    await expect(auditTarget({ accountId: '12', region: 'eu-west-1', runPrefix } as never, contextWith(MINUTES_15), deps)).rejects.toMatchObject({ code: 'BAD_EVENT' });
    expect(deps.asked).toEqual([]);
  });
});

describe('summary', () => {
  let h: Harness;
  let plan: { runPrefix: string; targetsKey: string };
  beforeAll(async () => {
    h = harness();
    const org = organizations();
    const env = { ...ORG_ENV, HARDEKS_EXCLUDED_ACCOUNTS: '444444444444' };
    plan = await planOrganization({ executionName: 'nightly' }, contextWith(60_000), { ...h.deps(exampleWorld(), { now: NOW, env }), organizations: org.client });
    // Account A is audited in both regions; account B's eu-west-1 target never finished; its us-east-1 role is missing.
    for (const region of ['eu-west-1', 'us-east-1']) {
      await auditTarget({ accountId: MEMBER_A, region, runPrefix: plan.runPrefix }, contextWith(MINUTES_15), h.deps(exampleWorld(MEMBER_A), { now: NOW, env: ORG_ENV }));
    }
    h.bucket.objects.set(targetResultKey(plan.runPrefix, { accountId: MEMBER_B, region: 'us-east-1' }), {
      body: JSON.stringify({ accountId: MEMBER_B, region: 'us-east-1', status: 'NOT_AUDITED', reason: 'AWS_CREDENTIALS: cannot assume hardeks-member-audit' }),
    });
  }, 90_000);

  test('writes one organization summary: audited targets, those not audited with why, and counts without double-counting global findings', async () => {
    const out = await summarizeOrganization({ runPrefix: plan.runPrefix }, contextWith(60_000), h.deps(exampleWorld(), { now: NOW, env: ORG_ENV }));
    const summary = h.bucket.json<OrganizationSummary>(out.summaryKey);
    expect(out).toMatchObject({ summaryKey: `${plan.runPrefix}summary.json`, targets: 4, audited: 2, notAudited: 2 });
    expect(summary.notAudited).toEqual([
      { accountId: MEMBER_B, region: 'eu-west-1', reason: expect.stringMatching(/did not finish/) },
      { accountId: MEMBER_B, region: 'us-east-1', reason: 'AWS_CREDENTIALS: cannot assume hardeks-member-audit' },
    ]);
    const eu = h.bucket.json<Report>(`${MEMBER_A}/2026-11-26/eu-west-1-030000Z.json`);
    const us = h.bucket.json<Report>(`${MEMBER_A}/2026-11-26/us-east-1-030000Z.json`);
    const globalOnce = eu.findings.filter((f) => f.resource.region === 'global').length;
    const regional = eu.findings.filter((f) => f.resource.region === 'eu-west-1').length + us.findings.filter((f) => f.resource.region === 'us-east-1').length;
    const account = summary.accounts.find((a) => a.accountId === MEMBER_A)!;
    expect(account.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(Object.values(account.byStatus).reduce((a, b) => a + b, 0)).toBe(globalOnce + regional);
    expect(summary.byStatus).toEqual(account.byStatus);
    expect(h.bucket.json('organization/latest-summary.json')).toEqual({ key: out.summaryKey, generatedAt: NOW.toISOString() });
  });

  test('notifies the new failures of the whole organization once, each finding once, naming what was not audited', async () => {
    h.topic.mock.resetHistory();
    const out = await summarizeOrganization({ runPrefix: plan.runPrefix }, contextWith(60_000), h.deps(exampleWorld(), { now: NOW, env: ORG_ENV }));
    const published = h.topic.published();
    expect(out.notified).toBe(true);
    expect(published).toHaveLength(1);
    const results = ['eu-west-1', 'us-east-1'].map((region) => h.bucket.json<Extract<TargetResult, { status: 'AUDITED' }>>(targetResultKey(plan.runPrefix, { accountId: MEMBER_A, region })));
    const globalNew = results[0]!.newFailures.filter((f) => f.resource.region === 'global').length;
    expect(globalNew).toBeGreaterThan(0);
    const unique = results[0]!.newFailures.length + results[1]!.newFailures.filter((f) => f.resource.region !== 'global').length;
    expect(out.newFailures).toBe(unique);
    expect(published[0]?.Subject).toBe(`hardeks: ${unique} new failing findings in the organization (1 account)`);
    expect(published[0]?.Message).toContain(`${MEMBER_B} us-east-1: AWS_CREDENTIALS`);
  });

  test('an event without the plan\'s prefix is refused', async () => {
    await expect(summarizeOrganization({ runPrefix: '../other' }, contextWith(60_000), h.deps(exampleWorld(), { env: ORG_ENV }))).rejects.toMatchObject({ code: 'BAD_EVENT' });
  });
});

