import { InputError } from '../../lib/errors';
import {
  defineRegionCheck,
  defineResourceCheck,
  expiryInstant,
  fail,
  isExpired,
  parseSuppressions,
  pass,
  reviewSuppressions,
  runChecks,
  type Finding,
  type Report,
  type Suppression,
} from '../../lib/engine';
import type { EksCluster } from '../../lib/model';
import { ACCOUNT, REGION, fakeEksCluster, inventoryOf } from '../fixtures/model';

const NOW = new Date('2025-06-15T09:30:00.000Z');
const OTHER_ACCOUNT = '444455556666';
const US = 'us-east-1';
const REASON = 'accepted by the platform team, see RISK-42';

function parseError(text: string): InputError {
  try {
    parseSuppressions(text, 'suppressions.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('parseSuppressions', () => {
  it('reads YAML with every field, tagging each suppression with its source', () => {
    const text = [
      'version: 1',
      'suppressions:',
      '  - checkId: eks-endpoint-not-public',
      '    resource: "arn:aws:eks:*:cluster/dev-*"',
      '    accountId: "111122223333"',
      '    region: eu-*',
      '    key: "LogType::*"',
      '    tags:',
      '      env: dev',
      '      team: platform',
      `    reason: ${REASON}`,
      '    expires: 2026-01-31', // unquoted: must stay a string, not become a YAML timestamp
      '  - checkId: "eks-*"',
      '    reason: "   whole service muted during migration   "',
      '    expires: "2026-01-31T12:00:00+01:00"',
      '',
    ].join('\n');
    expect(parseSuppressions(text, 'hardeks-suppressions.yaml')).toEqual([
      {
        checkId: 'eks-endpoint-not-public',
        resource: 'arn:aws:eks:*:cluster/dev-*',
        accountId: '111122223333',
        region: 'eu-*',
        key: 'LogType::*',
        tags: { env: 'dev', team: 'platform' },
        reason: REASON,
        expires: '2026-01-31',
        source: 'hardeks-suppressions.yaml',
      },
      {
        checkId: 'eks-*',
        reason: 'whole service muted during migration',
        expires: '2026-01-31T12:00:00+01:00',
        source: 'hardeks-suppressions.yaml',
      },
    ]);
  });

  it.each([
    ['compact JSON', (v: unknown) => JSON.stringify(v)],
    ['JSON indented with spaces', (v: unknown) => JSON.stringify(v, null, 2)],
    ['JSON indented with tabs', (v: unknown) => JSON.stringify(v, null, '\t')],
  ])('reads %s', (_name, render) => {
    const file = {
      suppressions: [
        { checkId: 'iam-root-mfa', reason: REASON },
        { checkId: 'eks-*', region: US, reason: REASON, expires: '2025-12-31' },
      ],
    };
    expect(parseSuppressions(render(file), 'x.json')).toEqual([
      { checkId: 'iam-root-mfa', reason: REASON, source: 'x.json' },
      { checkId: 'eks-*', region: US, reason: REASON, expires: '2025-12-31', source: 'x.json' },
    ]);
  });

  it('reads an empty list', () => {
    expect(parseSuppressions('suppressions: []\n', 's.yaml')).toEqual([]);
  });

  it.each<[string, string, string, RegExp]>([
    ['a reason shorter than 10 characters', 'checkId: a-b\n    reason: too short', '$.suppressions[0].reason', /at least 10 characters/],
    ['a reason that is short once trimmed', 'checkId: a-b\n    reason: "   123456789     "', '$.suppressions[0].reason', /at least 10 characters/],
    ['no reason', 'checkId: a-b', '$.suppressions[0].reason', /./],
    ['no checkId', `reason: ${REASON}`, '$.suppressions[0].checkId', /./],
    ['an empty checkId', `checkId: ""\n    reason: ${REASON}`, '$.suppressions[0].checkId', /./],
    ['an impossible month', `checkId: a-b\n    reason: ${REASON}\n    expires: "2025-13-01"`, '$.suppressions[0].expires', /YYYY-MM-DD or an ISO 8601 timestamp/],
    ['an impossible day', `checkId: a-b\n    reason: ${REASON}\n    expires: "2025-02-30"`, '$.suppressions[0].expires', /YYYY-MM-DD/],
    ['the 31st of a 30-day month', `checkId: a-b\n    reason: ${REASON}\n    expires: "2025-04-31"`, '$.suppressions[0].expires', /YYYY-MM-DD/],
    ['a day-first date', `checkId: a-b\n    reason: ${REASON}\n    expires: "31/12/2025"`, '$.suppressions[0].expires', /YYYY-MM-DD/],
    ['words', `checkId: a-b\n    reason: ${REASON}\n    expires: next week`, '$.suppressions[0].expires', /YYYY-MM-DD/],
    ['a timestamp without a zone', `checkId: a-b\n    reason: ${REASON}\n    expires: "2025-12-31T10:00:00"`, '$.suppressions[0].expires', /YYYY-MM-DD/],
    ['a number', `checkId: a-b\n    reason: ${REASON}\n    expires: 20251231`, '$.suppressions[0].expires', /string/],
    ['an unknown field', `checkId: a-b\n    reason: ${REASON}\n    resouce: x`, '$.suppressions[0]', /unknown field "resouce"/],
    ['tags that are not strings', `checkId: a-b\n    reason: ${REASON}\n    tags: { env: [a] }`, '$.suppressions[0].tags.env', /string/],
  ])('rejects %s', (_name, entry, path, message) => {
    const error = parseError(`suppressions:\n  - ${entry}\n`);
    expect(error.code).toBe('SUPPRESSIONS_INVALID');
    expect(error.message).toMatch(/^suppressions\.yaml is not a valid suppressions file \(1 problem\): /);
    const [, detail] = error.message.split('(1 problem): ');
    expect(detail!.startsWith(`${path}: `)).toBe(true);
    expect(detail!.slice(path.length + 2)).toMatch(message);
  });

  it.each<[string, string, RegExp]>([
    ['an unknown top-level field', `suppression: []\n`, /\(2 problems\).*\$: unknown field "suppression"/],
    ['a version other than 1', `version: 2\nsuppressions: []\n`, /\$\.version: /],
    ['a list at the top', `- checkId: a-b\n  reason: ${REASON}\n`, /\$: .*object/],
    ['an empty file', ``, /\$: .*object/],
    ['suppressions that is not a list', `suppressions: { checkId: a-b }\n`, /\$\.suppressions: .*array/],
  ])('rejects %s', (_name, text, message) => {
    const error = parseError(text);
    expect(error.code).toBe('SUPPRESSIONS_INVALID');
    expect(error.message).toMatch(message);
  });

  it('reports every problem at once, each with its path', () => {
    const text = [
      'suppressions:',
      '  - checkId: eks-endpoint-not-public',
      '    reason: short',
      `  - checkId: eks-secrets-encrypted`,
      `    reason: ${REASON}`,
      '    expires: 2025-02-30',
      `  - checkId: eks-control-plane-logging`,
      `    reason: ${REASON}`,
      '    resouce: "arn:*"',
      '    regoin: eu-west-1',
      `  - reason: ${REASON}`,
      '',
    ].join('\n');
    const error = parseError(text);
    expect(error.message).toBe(
      'suppressions.yaml is not a valid suppressions file (4 problems): ' +
        [
          '$.suppressions[0].reason: a reason of at least 10 characters is required',
          '$.suppressions[1].expires: expected a date YYYY-MM-DD or an ISO 8601 timestamp',
          '$.suppressions[2]: unknown fields "resouce", "regoin"',
          '$.suppressions[3].checkId: expected string, received undefined',
        ].join('; '),
    );
  });

  it('rejects text that is neither YAML nor JSON', () => {
    for (const text of ['suppressions: [\n  - a\n', '{"suppressions": [}', 'a: b: c']) {
      const error = parseError(text);
      expect(error.code).toBe('SUPPRESSIONS_INVALID');
      expect(error.message).toMatch(/^suppressions\.yaml is not valid YAML or JSON: /);
      expect(error.message).not.toContain('\n');
    }
  });
});

describe('expiryInstant and isExpired', () => {
  it.each<[string, string | undefined]>([
    ['2025-06-15', '2025-06-16T00:00:00.000Z'],
    ['2024-02-29', '2024-03-01T00:00:00.000Z'],
    ['2025-12-31', '2026-01-01T00:00:00.000Z'],
    ['2025-06-15T09:30:00Z', '2025-06-15T09:30:00.000Z'],
    ['2025-06-15T11:30:00+02:00', '2025-06-15T09:30:00.000Z'],
    ['2025-02-29', undefined],
    ['2025-00-10', undefined],
    ['2025-6-1', undefined],
    ['', undefined],
  ])('%j ends at %s', (expires, end) => {
    const instant = expiryInstant(expires);
    expect(instant === undefined ? undefined : new Date(instant).toISOString()).toBe(end);
  });

  it.each<[string | undefined, string, boolean]>([
    [undefined, '2999-01-01T00:00:00Z', false],
    ['2025-06-15', '2025-06-15T00:00:00.000Z', false],
    ['2025-06-15', '2025-06-15T23:59:59.999Z', false],
    ['2025-06-15', '2025-06-16T00:00:00.000Z', true],
    ['2025-06-15T09:30:00Z', '2025-06-15T09:29:59.999Z', false],
    ['2025-06-15T09:30:00Z', '2025-06-15T09:30:00.000Z', true],
  ])('expires %j at %s → expired %s', (expires, now, expired) => {
    expect(isExpired(expires === undefined ? {} : { expires }, new Date(now))).toBe(expired);
  });
});

// ---------------------------------------------------------------------------------------------
// Matching, through runChecks.
// ---------------------------------------------------------------------------------------------

function clusterIn(name: string, options: { region?: string; account?: string; tags?: Record<string, string> } = {}): EksCluster {
  const region = options.region ?? REGION;
  const account = options.account ?? ACCOUNT;
  const arn = `arn:aws:eks:${region}:${account}:cluster/${name}`;
  return { ...fakeEksCluster({ name, region }), id: arn, arn, origin: { kind: 'aws', arn, accountId: account, region }, tags: options.tags ?? {} };
}

const META = {
  title: 'Something good holds',
  severity: 'high' as const,
  description: 'A check made up for a suppression test.',
  risk: 'None.',
  remediation: 'Fix it.',
  references: [],
  frameworks: {},
};

/** FAILs every cluster. */
const endpointCheck = defineResourceCheck({ ...META, id: 'eks-endpoint-not-public', kind: 'eks.cluster', evaluate: () => fail('public') });
/** One finding per log type: api PASS, audit FAIL. */
const loggingCheck = defineResourceCheck({
  ...META,
  id: 'eks-control-plane-logging',
  kind: 'eks.cluster',
  evaluate: () => [pass('api on', { key: 'LogType::api' }), fail('audit off', { key: 'LogType::audit' })],
});
/** Throws: ERROR. */
const brokenCheck = defineResourceCheck({
  ...META,
  id: 'kms-broken',
  kind: 'eks.cluster',
  evaluate: () => {
    throw new Error('boom');
  },
});
/** Region scope: one account-level FAIL per region. */
const regionCheck = defineRegionCheck({ ...META, id: 'guardduty-enabled', kind: 'guardduty.detector', evaluate: () => fail('no detector') });

const prod = clusterIn('prod', { tags: { env: 'prod', team: 'platform' } });
const dev = clusterIn('dev-a', { tags: { env: 'dev', team: 'platform' } });
const devOther = clusterIn('dev-b', { tags: { env: 'dev', team: 'data' } });
const usCluster = clusterIn('us', { region: US, tags: {} });
const foreign = clusterIn('partner', { account: OTHER_ACCOUNT, tags: { env: 'dev' } });
const nested = clusterIn('team/nested', { tags: {} });

const inventory = inventoryOf([prod, dev, devOther, usCluster, foreign, nested], {
  source: { regions: [REGION, US] },
  alsoCollected: ['guardduty.detector', 'eks.cluster'],
});

function audit(suppressions: Omit<Suppression, 'source'>[], now: Date = NOW, checks = [endpointCheck, loggingCheck, brokenCheck, regionCheck]): Report {
  return runChecks(inventory, checks, { now, suppressions: suppressions.map((s, i) => ({ source: `file-${i}.yaml`, ...s })) });
}

const label = (f: Finding) => `${f.checkId}|${f.resource.id.replace(/^arn:aws:eks:[^:]+:\d+:cluster\//, '')}|${f.resource.region}${f.key ? `|${f.key}` : ''}`;
const suppressedLabels = (report: Report) => report.findings.filter((f) => f.suppressed).map(label);

describe('suppression matching', () => {
  it('baseline: the run has the findings the table below refers to', () => {
    const report = audit([]);
    expect(report.findings.map(label)).toEqual([
      ...['prod', 'dev-a', 'dev-b', 'us', 'partner', 'team/nested'].map((n) => `eks-endpoint-not-public|${n}|${n === 'us' ? US : REGION}`),
      ...['prod', 'dev-a', 'dev-b', 'us', 'partner', 'team/nested'].flatMap((n) => [
        `eks-control-plane-logging|${n}|${n === 'us' ? US : REGION}|LogType::api`,
        `eks-control-plane-logging|${n}|${n === 'us' ? US : REGION}|LogType::audit`,
      ]),
      ...['prod', 'dev-a', 'dev-b', 'us', 'partner', 'team/nested'].map((n) => `kms-broken|${n}|${n === 'us' ? US : REGION}`),
      `guardduty-enabled|AWS::::Account:${ACCOUNT}|${REGION}`,
      `guardduty-enabled|AWS::::Account:${ACCOUNT}|${US}`,
    ]);
    expect(suppressedLabels(report)).toEqual([]);
  });

  it.each<[string, Omit<Suppression, 'source' | 'reason'>, string[]]>([
    [
      'by check id',
      { checkId: 'eks-endpoint-not-public' },
      ['prod', 'dev-a', 'dev-b', 'us', 'partner', 'team/nested'].map((n) => `eks-endpoint-not-public|${n}|${n === 'us' ? US : REGION}`),
    ],
    [
      'by check-id glob',
      { checkId: 'eks-control-*', resource: '*prod' },
      ['eks-control-plane-logging|prod|eu-west-1|LogType::api', 'eks-control-plane-logging|prod|eu-west-1|LogType::audit'],
    ],
    ['by check-id glob that matches nothing', { checkId: 'eks-control' }, []],
    ['by exact resource ARN', { checkId: 'eks-endpoint-*', resource: prod.id }, ['eks-endpoint-not-public|prod|eu-west-1']],
    [
      'by resource ARN glob',
      { checkId: 'eks-endpoint-not-public', resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/dev-*` },
      ['eks-endpoint-not-public|dev-a|eu-west-1', 'eks-endpoint-not-public|dev-b|eu-west-1'],
    ],
    [
      'by resource glob whose * crosses "/"',
      { checkId: 'eks-endpoint-not-public', resource: 'arn:aws:eks:*/nested' },
      ['eks-endpoint-not-public|team/nested|eu-west-1'],
    ],
    [
      'by resource glob cluster/* that covers a nested name',
      { checkId: 'eks-endpoint-not-public', resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/t*` },
      ['eks-endpoint-not-public|team/nested|eu-west-1'],
    ],
    [
      'by resource glob * spanning region, account and path',
      { checkId: 'eks-endpoint-not-public', resource: 'arn:aws:eks:*' },
      ['prod', 'dev-a', 'dev-b', 'us', 'partner', 'team/nested'].map((n) => `eks-endpoint-not-public|${n}|${n === 'us' ? US : REGION}`),
    ],
    [
      'by account-level resource id',
      { checkId: 'guardduty-*', resource: 'AWS::::Account:*' },
      [`guardduty-enabled|AWS::::Account:${ACCOUNT}|${REGION}`, `guardduty-enabled|AWS::::Account:${ACCOUNT}|${US}`],
    ],
    [
      'by key',
      { checkId: 'eks-control-plane-logging', key: 'LogType::audit', resource: '*/prod' },
      ['eks-control-plane-logging|prod|eu-west-1|LogType::audit'],
    ],
    [
      'by key glob',
      { checkId: 'eks-control-plane-logging', key: 'LogType::*', resource: '*/prod' },
      ['eks-control-plane-logging|prod|eu-west-1|LogType::api', 'eks-control-plane-logging|prod|eu-west-1|LogType::audit'],
    ],
    ['a key never matches a finding without one', { checkId: 'eks-endpoint-not-public', key: '*' }, []],
    [
      'by account',
      { checkId: 'eks-endpoint-not-public', accountId: OTHER_ACCOUNT },
      ['eks-endpoint-not-public|partner|eu-west-1'],
    ],
    ['by account glob', { checkId: 'eks-endpoint-not-public', accountId: '4444*' }, ['eks-endpoint-not-public|partner|eu-west-1']],
    [
      'by region',
      { checkId: '*', region: US },
      ['eks-endpoint-not-public|us|us-east-1', 'eks-control-plane-logging|us|us-east-1|LogType::api', 'eks-control-plane-logging|us|us-east-1|LogType::audit', 'kms-broken|us|us-east-1', `guardduty-enabled|AWS::::Account:${ACCOUNT}|${US}`],
    ],
    ['by region glob', { checkId: 'guardduty-enabled', region: 'us-*' }, [`guardduty-enabled|AWS::::Account:${ACCOUNT}|${US}`]],
    ['by tag', { checkId: 'eks-endpoint-not-public', tags: { env: 'dev' } }, ['eks-endpoint-not-public|dev-a|eu-west-1', 'eks-endpoint-not-public|dev-b|eu-west-1', 'eks-endpoint-not-public|partner|eu-west-1']],
    ['by two tags (AND)', { checkId: 'eks-endpoint-not-public', tags: { env: 'dev', team: 'platform' } }, ['eks-endpoint-not-public|dev-a|eu-west-1']],
    ['a tag value must match exactly', { checkId: 'eks-endpoint-not-public', tags: { env: 'de*' } }, []],
    ['empty tags constrain nothing, even on account-level findings', { checkId: 'guardduty-enabled', tags: {} }, [`guardduty-enabled|AWS::::Account:${ACCOUNT}|${REGION}`, `guardduty-enabled|AWS::::Account:${ACCOUNT}|${US}`]],
    ['a tag never matches account-level findings', { checkId: 'guardduty-enabled', tags: { env: 'dev' } }, []],
    [
      'fields AND tags',
      { checkId: 'eks-endpoint-not-public', tags: { env: 'dev' }, accountId: ACCOUNT, resource: '*dev-b' },
      ['eks-endpoint-not-public|dev-b|eu-west-1'],
    ],
    ['fields AND: region and account that never meet', { checkId: '*', region: US, accountId: OTHER_ACCOUNT }, []],
    ['ERROR findings are suppressible too', { checkId: 'kms-broken', resource: '*/us' }, ['kms-broken|us|us-east-1']],
  ])('%s', (_name, suppression, expected) => {
    const report = audit([{ ...suppression, reason: REASON }]);
    expect(suppressedLabels(report)).toEqual(expected);
    expect(report.summary.suppressed).toBe(expected.length);
    expect(report.metadata.suppressions.applied).toBe(expected.length);
    expect(report.metadata.suppressions.unused).toEqual(
      expected.length === 0 ? [{ checkId: suppression.checkId, reason: REASON, source: 'file-0.yaml' }] : [],
    );
  });

  it('never changes a status: a suppressed FAIL is still a FAIL, marked with reason and source', () => {
    const baseline = audit([]);
    const report = audit([{ checkId: '*', reason: REASON }]);
    expect(report.findings.map((f) => f.status)).toEqual(baseline.findings.map((f) => f.status));
    expect(report.summary.byStatus).toEqual(baseline.summary.byStatus);
    expect(report.summary.suppressed).toBe(report.findings.length);
    const prodFail = report.findings.find((f) => f.checkId === 'eks-endpoint-not-public' && f.resource.id === prod.id)!;
    expect(prodFail.status).toBe('FAIL');
    expect(prodFail.suppressed).toEqual({ reason: REASON, source: 'file-0.yaml' });
    // Everything but the mark is the unsuppressed finding.
    const { suppressed: _s, ...rest } = prodFail;
    void _s;
    expect(rest).toEqual(baseline.findings.find((f) => f.checkId === 'eks-endpoint-not-public' && f.resource.id === prod.id));
  });

  it('the first matching suppression marks the finding; an overlapping later one counts as used, not unused', () => {
    const report = audit([
      { checkId: 'eks-endpoint-not-public', resource: '*/prod', reason: 'prod endpoint is behind a VPN' },
      { checkId: 'eks-endpoint-*', reason: 'all endpoints accepted for now' },
      { checkId: 'eks-endpoint-not-public', resource: '*/dev-a', reason: 'shadowed by the one above' },
      { checkId: 'eks-endpoint-not-public', resource: '*/nowhere', reason: 'matches no finding at all' },
    ]);
    const marks = Object.fromEntries(
      report.findings.filter((f) => f.checkId === 'eks-endpoint-not-public').map((f) => [label(f), f.suppressed?.source]),
    );
    expect(marks['eks-endpoint-not-public|prod|eu-west-1']).toBe('file-0.yaml');
    expect(marks['eks-endpoint-not-public|dev-a|eu-west-1']).toBe('file-1.yaml');
    expect(report.metadata.suppressions.unused).toEqual([{ checkId: 'eks-endpoint-not-public', reason: 'matches no finding at all', source: 'file-3.yaml' }]);
    expect(report.metadata.suppressions.applied).toBe(6);
  });

  describe('expiry', () => {
    const one = (expires: string) => [{ checkId: 'eks-endpoint-not-public', resource: '*/prod', reason: REASON, expires }];

    it.each<[string, string, Date, boolean]>([
      ['a future day applies', '2025-06-16', NOW, true],
      ['a far-future day applies', '2030-01-01', NOW, true],
      ['the expiry day itself applies (morning)', '2025-06-15', NOW, true],
      ['the expiry day applies until its last millisecond (UTC)', '2025-06-15', new Date('2025-06-15T23:59:59.999Z'), true],
      ['the day after the expiry day it does not', '2025-06-15', new Date('2025-06-16T00:00:00.000Z'), false],
      ['a past day does not apply', '2025-06-14', NOW, false],
      ['a timestamp still ahead applies', '2025-06-15T09:30:00.001Z', NOW, true],
      ['a timestamp reached does not apply', '2025-06-15T09:30:00Z', NOW, false],
      ['a timestamp with an offset is compared as an instant (09:00Z, passed)', '2025-06-15T11:00:00+02:00', NOW, false],
      ['a timestamp with an offset is compared as an instant (10:00Z, ahead)', '2025-06-15T05:00:00-05:00', NOW, true],
    ])('%s', (_name, expires, now, applies) => {
      const report = audit(one(expires), now, [endpointCheck]);
      const prodFinding = report.findings.find((f) => f.resource.id === prod.id)!;
      expect(prodFinding.status).toBe('FAIL');
      if (applies) {
        expect(prodFinding.suppressed).toEqual({ reason: REASON, source: 'file-0.yaml', expires });
        expect(report.metadata.suppressions).toEqual({ applied: 1, expired: [], unused: [] });
      } else {
        expect(prodFinding.suppressed).toBeUndefined();
        expect(report.metadata.suppressions).toEqual({
          applied: 0,
          expired: [{ checkId: 'eks-endpoint-not-public', expires, reason: REASON, source: 'file-0.yaml' }],
          unused: [],
        });
      }
      expect(report.summary.suppressed).toBe(applies ? 1 : 0);
    });

    it('a suppression without expiry always applies', () => {
      const report = audit([{ checkId: 'eks-endpoint-not-public', resource: '*/prod', reason: REASON }], new Date('2999-12-31T00:00:00Z'), [endpointCheck]);
      expect(report.findings.find((f) => f.resource.id === prod.id)!.suppressed).toEqual({ reason: REASON, source: 'file-0.yaml' });
    });

    it('an expired suppression does not shadow a live one that matches the same finding', () => {
      const report = audit(
        [
          { checkId: 'eks-endpoint-not-public', resource: '*/prod', reason: 'old acceptance, lapsed', expires: '2025-01-31' },
          { checkId: 'eks-endpoint-not-public', resource: '*/prod', reason: 'renewed acceptance, RISK-43', expires: '2025-12-31' },
        ],
        NOW,
        [endpointCheck],
      );
      expect(report.findings.find((f) => f.resource.id === prod.id)!.suppressed).toEqual({
        reason: 'renewed acceptance, RISK-43',
        source: 'file-1.yaml',
        expires: '2025-12-31',
      });
      expect(report.metadata.suppressions.expired.map((s) => s.reason)).toEqual(['old acceptance, lapsed']);
      expect(report.metadata.suppressions.unused).toEqual([]);
    });
  });

  it('lists unused suppressions, and not expired ones among them', () => {
    const report = audit([
      { checkId: 'iam-root-mfa', reason: 'no IAM checks in this run' },
      { checkId: 'eks-endpoint-not-public', resource: '*/does-not-exist', reason: 'cluster was deleted' },
      { checkId: 'eks-endpoint-not-public', resource: '*/prod', reason: REASON },
      { checkId: 'iam-root-mfa', reason: 'lapsed and unused', expires: '2020-01-01' },
    ]);
    expect(report.metadata.suppressions).toEqual({
      applied: 1,
      unused: [
        { checkId: 'iam-root-mfa', reason: 'no IAM checks in this run', source: 'file-0.yaml' },
        { checkId: 'eks-endpoint-not-public', reason: 'cluster was deleted', source: 'file-1.yaml' },
      ],
      expired: [{ checkId: 'iam-root-mfa', expires: '2020-01-01', reason: 'lapsed and unused', source: 'file-3.yaml' }],
    });
  });

  it('works end to end from a parsed file', () => {
    const text = [
      'suppressions:',
      '  - checkId: eks-control-plane-logging',
      '    key: LogType::audit',
      '    tags: { team: data }',
      '    reason: data team ships audit logs elsewhere',
      '    expires: 2025-06-15',
      '',
    ].join('\n');
    const report = runChecks(inventory, [loggingCheck], { now: NOW, suppressions: parseSuppressions(text, 'hardeks.yaml') });
    expect(report.findings.filter((f) => f.suppressed).map((f) => [label(f), f.status, f.suppressed])).toEqual([
      [
        'eks-control-plane-logging|dev-b|eu-west-1|LogType::audit',
        'FAIL',
        { reason: 'data team ships audit logs elsewhere', source: 'hardeks.yaml', expires: '2025-06-15' },
      ],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Lists: within one field, entries are alternatives (OR); across fields, everything given must match (AND).
// ---------------------------------------------------------------------------------------------

describe('suppression lists (OR within a field, AND across fields)', () => {
  it.each<[string, Omit<Suppression, 'source' | 'reason'>, string[]]>([
    [
      'a list of check ids matches any of them',
      { checkId: ['eks-endpoint-not-public', 'kms-broken'], resource: '*/prod' },
      ['eks-endpoint-not-public|prod|eu-west-1', 'kms-broken|prod|eu-west-1'],
    ],
    [
      'a list of resources matches any of them',
      { checkId: 'eks-endpoint-not-public', resource: ['*/prod', '*/dev-b'] },
      ['eks-endpoint-not-public|prod|eu-west-1', 'eks-endpoint-not-public|dev-b|eu-west-1'],
    ],
    [
      'lists in two fields: any entry of each, both fields',
      { checkId: ['eks-endpoint-not-public', 'eks-control-plane-logging'], resource: ['*/us', '*/partner'], key: ['LogType::audit', '*'] },
      ['eks-control-plane-logging|us|us-east-1|LogType::api', 'eks-control-plane-logging|us|us-east-1|LogType::audit', 'eks-control-plane-logging|partner|eu-west-1|LogType::api', 'eks-control-plane-logging|partner|eu-west-1|LogType::audit'],
    ],
    ['a list of keys still never matches a finding without a key', { checkId: 'eks-endpoint-not-public', key: ['*', 'LogType::*'] }, []],
    ['a list of regions', { checkId: 'guardduty-enabled', region: ['us-east-1', 'ap-*'] }, [`guardduty-enabled|AWS::::Account:${ACCOUNT}|${US}`]],
    ['a list of accounts', { checkId: 'eks-endpoint-not-public', accountId: [OTHER_ACCOUNT, '999999999999'] }, ['eks-endpoint-not-public|partner|eu-west-1']],
    [
      'a list of tag sets: any set, every tag of that set',
      { checkId: 'eks-endpoint-not-public', tags: [{ env: 'prod' }, { env: 'dev', team: 'data' }] },
      ['eks-endpoint-not-public|prod|eu-west-1', 'eks-endpoint-not-public|dev-b|eu-west-1'],
    ],
    ['a tag set in a list is still AND within the set', { checkId: 'eks-endpoint-not-public', tags: [{ env: 'dev', team: 'nobody' }] }, []],
    ['a list AND another field that excludes every entry matches nothing', { checkId: ['eks-endpoint-not-public', 'kms-broken'], region: 'ap-*' }, []],
  ])('%s', (_name, suppression, expected) => {
    const report = audit([{ ...suppression, reason: REASON }]);
    expect(suppressedLabels(report)).toEqual(expected);
  });

  it('parses lists from YAML, keeping single values as they are', () => {
    const text = [
      'suppressions:',
      '  - checkId: [eks-endpoint-not-public, "eks-secrets-*"]',
      '    resource:',
      '      - "arn:aws:eks:*:cluster/dev-*"',
      '      - "arn:aws:eks:*:cluster/sandbox"',
      '    tags:',
      '      - { env: dev }',
      '      - { env: test, team: qa }',
      `    reason: ${REASON}`,
      '',
    ].join('\n');
    expect(parseSuppressions(text, 's.yaml')).toEqual([
      {
        checkId: ['eks-endpoint-not-public', 'eks-secrets-*'],
        resource: ['arn:aws:eks:*:cluster/dev-*', 'arn:aws:eks:*:cluster/sandbox'],
        tags: [{ env: 'dev' }, { env: 'test', team: 'qa' }],
        reason: REASON,
        source: 's.yaml',
      },
    ]);
  });

  it.each<[string, string, string]>([
    ['an empty list of check ids', 'checkId: []', '$.suppressions[0].checkId'],
    ['a list with an empty entry', 'checkId: [a-b, ""]', '$.suppressions[0].checkId'],
    ['a list of numbers', 'checkId: a-b\n    region: [1, 2]', '$.suppressions[0].region'],
    ['an empty list of tag sets', 'checkId: a-b\n    tags: []', '$.suppressions[0].tags'],
    ['a tag set with a non-string value inside a list', 'checkId: a-b\n    tags: [{ env: [x] }]', '$.suppressions[0].tags'],
  ])('rejects %s', (_name, entry, path) => {
    const error = parseError(`suppressions:\n  - ${entry}\n    reason: ${REASON}\n`);
    expect(error.code).toBe('SUPPRESSIONS_INVALID');
    expect(error.message).toContain(`${path}`);
  });

  it('reports a list of check ids as one label in usage', () => {
    const report = audit([{ checkId: ['iam-root-mfa', 'iam-root-no-access-keys'], reason: REASON }]);
    expect(report.metadata.suppressions.unused).toEqual([{ checkId: 'iam-root-mfa, iam-root-no-access-keys', reason: REASON, source: 'file-0.yaml' }]);
  });
});

describe('reviewSuppressions (hardeks suppressions validate)', () => {
  const known = ['eks-endpoint-not-public', 'eks-secrets-encrypted', 'iam-root-mfa-enabled'];
  const text = [
    'suppressions:',
    '  - checkId: eks-endpoint-not-public',
    `    reason: ${REASON}`,
    '  - checkId: "eks-*"',
    `    reason: ${REASON}`,
    '    expires: 2025-01-31',
    '  - checkId: [iam-root-mfa, "nothing-*"]',
    `    reason: ${REASON}`,
    '  - checkId: [iam-root-mfa, iam-root-mfa-enabled]',
    `    reason: ${REASON}`,
    '',
  ].join('\n');

  it('lists expired entries and entries that can match no known check', () => {
    const review = reviewSuppressions(text, 'accepted.yaml', known, NOW);
    expect(review.suppressions).toHaveLength(4);
    expect(review.expired.map((s) => s.checkId)).toEqual(['eks-*']);
    expect(review.matchingNoCheck.map((s) => s.checkId)).toEqual([['iam-root-mfa', 'nothing-*']]);
  });

  it('throws the parse problems, all at once', () => {
    expect(() => reviewSuppressions('suppressions:\n  - checkId: x\n', 's.yaml', known, NOW)).toThrow(/\$\.suppressions\[0\]\.reason/);
  });
});
