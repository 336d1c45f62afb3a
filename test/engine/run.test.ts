import {
  defineAccountCheck,
  defineRegionCheck,
  defineResourceCheck,
  fail,
  must,
  notApplicable,
  pass,
  runChecks,
  unknown,
  type CheckContext,
  type Finding,
  type Verdict,
} from '../../lib/engine';
import { SCHEMA_VERSION, type Coverage, type Detector, type EksCluster, type IamAccount, type Inventory, type Resource } from '../../lib/model';
import { TOOL_VERSION } from '../../lib/version';
import { ACCOUNT, REGION, deniedCoverage, fakeEksCluster, inventoryOf, okCoverage, unresolved } from '../fixtures/model';

const NOW = new Date('2025-06-15T09:30:00.000Z');
const US = 'us-east-1';
const AP = 'ap-south-1';

/** The metadata every ad-hoc check needs; tests override what they are about. */
const META = {
  title: 'Something good holds',
  severity: 'high' as const,
  description: 'A check made up for an engine test.',
  risk: 'None; it is a test.',
  remediation: 'Make the good thing hold.',
  references: ['https://example.com/check'],
  frameworks: { securityHub: ['EKS.1'] },
};

function detector(region: string, status: 'ENABLED' | 'DISABLED' = 'ENABLED'): Detector {
  const arn = `arn:aws:guardduty:${region}:${ACCOUNT}:detector/d-${region}`;
  return {
    kind: 'guardduty.detector',
    id: arn,
    origin: { kind: 'aws', arn, accountId: ACCOUNT, region },
    detectorId: `d-${region}`,
    status,
    features: [],
  };
}

function iamAccount(): IamAccount {
  const arn = `arn:aws:iam::${ACCOUNT}:root`;
  return {
    kind: 'iam.account',
    id: arn,
    origin: { kind: 'aws', arn, accountId: ACCOUNT, region: 'global' },
    accountId: ACCOUNT,
    passwordPolicy: null,
    summary: { AccountMFAEnabled: 1 },
    credentialReport: { rows: [] },
    virtualMfaDevices: [],
  };
}

/** A cluster from a CloudFormation template. */
function templateCluster(logicalId: string, overrides: Partial<EksCluster> = {}): EksCluster {
  const { origin: _origin, id: _id, ...rest } = fakeEksCluster({ name: logicalId });
  void _origin;
  void _id;
  return { ...rest, id: `cfn:Stack/${logicalId}`, origin: { kind: 'cfn', stack: 'Stack', logicalId }, ...overrides };
}

const publicAccessCheck = (evaluate?: (c: EksCluster, ctx: CheckContext) => Verdict | readonly Verdict[]) =>
  defineResourceCheck({
    ...META,
    id: 'eks-test-endpoint',
    kind: 'eks.cluster',
    evaluate:
      evaluate ??
      ((cluster) => (must(cluster.endpoint.publicAccess) ? fail('The endpoint is public.', { evidence: { publicAccess: true } }) : pass('The endpoint is private.'))),
  });

const byResource = (findings: readonly Finding[]) => Object.fromEntries(findings.map((f) => [`${f.resource.id}${f.key ? `#${f.key}` : ''}`, f.status]));

describe('runChecks: resource-scope statuses', () => {
  it.each<[string, Verdict, Finding['status']]>([
    ['PASS', pass('fine'), 'PASS'],
    ['FAIL', fail('bad'), 'FAIL'],
    ['NOT_APPLICABLE', notApplicable('not for this one'), 'NOT_APPLICABLE'],
    ['UNKNOWN returned by the check', unknown('cannot tell'), 'UNKNOWN'],
  ])('a %s verdict becomes a %s finding with the check and resource filled in', (_name, verdict, status) => {
    const cluster = fakeEksCluster();
    const check = defineResourceCheck({ ...META, id: 'eks-test-verdict', kind: 'eks.cluster', evaluate: () => verdict });
    const report = runChecks(inventoryOf([cluster]), [check], { now: NOW });
    expect(report.findings).toEqual([
      {
        checkId: 'eks-test-verdict',
        title: META.title,
        status,
        severity: 'high',
        service: 'eks',
        message: verdict.message,
        resource: { id: cluster.id, kind: 'eks.cluster', region: REGION, accountId: ACCOUNT, origin: cluster.origin },
        frameworks: { securityHub: ['EKS.1'], cisAws: {}, cisEks: {}, wellArchitected: [] },
        remediation: META.remediation,
      },
    ]);
  });

  it('judges each resource on its own data and carries evidence', () => {
    const open = fakeEksCluster({ name: 'open', endpoint: { publicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] } });
    const closed = fakeEksCluster({ name: 'closed' });
    const report = runChecks(inventoryOf([open, closed]), [publicAccessCheck()], { now: NOW });
    expect(report.findings.map((f) => [f.resource.id, f.status, f.message, f.evidence])).toEqual([
      [open.id, 'FAIL', 'The endpoint is public.', { publicAccess: true }],
      [closed.id, 'PASS', 'The endpoint is private.', undefined],
    ]);
    expect('evidence' in report.findings[1]!).toBe(false);
  });

  it('gives UNKNOWN when the check reads an Unresolved value through must()', () => {
    const cluster = fakeEksCluster({ endpoint: { publicAccess: unresolved('<PublicParam>') } });
    const report = runChecks(inventoryOf([cluster]), [publicAccessCheck()], { now: NOW });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ status: 'UNKNOWN', resource: { id: cluster.id } });
    expect(report.findings[0]!.message).toContain('<PublicParam>');
    expect(report.findings[0]!.message).toMatch(/^Could not be judged: depends on <PublicParam>, which could not be resolved\.$/);
  });

  describe('lookups of other kinds through ctx.inventory', () => {
    const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0e5b1c7e-1111-4a5b-9c6d-abcdefabcdef`;
    const keyCheck = defineResourceCheck({
      ...META,
      id: 'eks-test-key-exists',
      kind: 'eks.cluster',
      evaluate(cluster, ctx) {
        const key = ctx.inventory.find('kms.key', must(cluster.secretsKeyArn!), ctx.region);
        return key ? pass('The key exists.') : fail('The key does not exist.');
      },
    });
    const sgCheck = defineResourceCheck({
      ...META,
      id: 'eks-test-sg-count',
      kind: 'eks.cluster',
      evaluate: (_cluster, ctx) => pass(`${ctx.inventory.inRegion('ec2.security-group', ctx.region).length} groups`),
    });

    it.each<[string, Coverage[], Finding['status'], RegExp]>([
      ['find: the kind was collected and the key is absent → FAIL', [okCoverage('eks.cluster'), okCoverage('kms.key')], 'FAIL', /does not exist/],
      [
        'find: the kind failed to collect → UNKNOWN, never FAIL',
        [okCoverage('eks.cluster'), deniedCoverage('kms.key', REGION, 'ListKeys')],
        'UNKNOWN',
        /^Could not be judged: kms\.key could not be collected in eu-west-1: ACCESS_DENIED \(ListKeys\): not authorized to perform ListKeys\.$/,
      ],
      ['find: the kind was not collected at all → UNKNOWN', [okCoverage('eks.cluster')], 'UNKNOWN', /kms\.key was not collected in eu-west-1/],
      [
        'find: the kind was skipped → UNKNOWN (skipped)',
        [okCoverage('eks.cluster'), { kind: 'kms.key', region: REGION, status: 'skipped' }],
        'UNKNOWN',
        /kms\.key was not collected in eu-west-1 \(skipped\)/,
      ],
      [
        'find: ok in another region only → UNKNOWN',
        [okCoverage('eks.cluster'), okCoverage('kms.key', US)],
        'UNKNOWN',
        /kms\.key was not collected in eu-west-1/,
      ],
    ])('%s', (_name, coverage, status, message) => {
      const report = runChecks(inventoryOf([fakeEksCluster()], { coverage }), [keyCheck], { now: NOW });
      expect(report.findings.map((f) => f.status)).toEqual([status]);
      expect(report.findings[0]!.message).toMatch(message);
    });

    it('find: a key that is present is found even when the kind failed elsewhere', () => {
      const key = {
        kind: 'kms.key' as const,
        id: keyArn,
        origin: { kind: 'aws' as const, arn: keyArn, accountId: ACCOUNT, region: REGION },
        keyId: 'k',
        arn: keyArn,
        keyManager: 'CUSTOMER' as const,
        keyState: 'Enabled',
        keySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
        policy: { Statement: [] },
        aliases: [],
      };
      const inventory = inventoryOf([fakeEksCluster(), key], { coverage: [okCoverage('eks.cluster'), deniedCoverage('kms.key', US)] });
      expect(runChecks(inventory, [keyCheck], { now: NOW }).findings.map((f) => [f.status, f.message])).toEqual([['PASS', 'The key exists.']]);
    });

    it.each<[string, Coverage[], Finding['status']]>([
      ['inRegion: collected → evaluated', [okCoverage('eks.cluster'), okCoverage('ec2.security-group')], 'PASS'],
      ['inRegion: failed → UNKNOWN', [okCoverage('eks.cluster'), deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')], 'UNKNOWN'],
      ['inRegion: missing → UNKNOWN', [okCoverage('eks.cluster')], 'UNKNOWN'],
    ])('%s', (_name, coverage, status) => {
      const report = runChecks(inventoryOf([fakeEksCluster()], { coverage }), [sgCheck], { now: NOW });
      expect(report.findings.map((f) => f.status)).toEqual([status]);
      if (status === 'PASS') expect(report.findings[0]!.message).toBe('0 groups');
      else expect(report.findings[0]!.message).toMatch(/ec2\.security-group/);
    });
  });

  it('gives ERROR when the check throws, and goes on with the next resource and the next check', () => {
    const a = fakeEksCluster({ name: 'a' });
    const b = fakeEksCluster({ name: 'b' });
    const c = fakeEksCluster({ name: 'c' });
    const seen: string[] = [];
    const flaky = defineResourceCheck({
      ...META,
      id: 'eks-test-flaky',
      kind: 'eks.cluster',
      evaluate(cluster) {
        seen.push(cluster.id);
        if (cluster.name === 'a') throw new TypeError("Cannot read properties of undefined (reading 'x')");
        if (cluster.name === 'b') throw 'a thrown string'; // eslint-disable-line no-throw-literal
        return pass('ok');
      },
    });
    const next = defineResourceCheck({ ...META, id: 'eks-test-next', kind: 'eks.cluster', evaluate: () => fail('judged') });
    const report = runChecks(inventoryOf([a, b, c]), [flaky, next], { now: NOW });
    expect(seen).toEqual([a.id, b.id, c.id]);
    expect(report.findings.map((f) => [f.checkId, f.resource.id, f.status, f.message])).toEqual([
      ['eks-test-flaky', a.id, 'ERROR', "The check failed: Cannot read properties of undefined (reading 'x')"],
      ['eks-test-flaky', b.id, 'ERROR', 'The check failed: a thrown string'],
      ['eks-test-flaky', c.id, 'PASS', 'ok'],
      ['eks-test-next', a.id, 'FAIL', 'judged'],
      ['eks-test-next', b.id, 'FAIL', 'judged'],
      ['eks-test-next', c.id, 'FAIL', 'judged'],
    ]);
    expect(report.summary.byStatus.ERROR).toBe(2);
  });

  it('gives one ERROR for a check that returns no verdict at all', () => {
    const check = defineResourceCheck({ ...META, id: 'eks-test-empty', kind: 'eks.cluster', evaluate: () => [] });
    const report = runChecks(inventoryOf([fakeEksCluster()]), [check], { now: NOW });
    expect(report.findings.map((f) => [f.status, f.message])).toEqual([['ERROR', 'The check failed: the check returned no verdict']]);
  });

  it.each<[string, unknown]>([
    ['undefined (a missing return)', undefined],
    ['null', null],
    ['a bare status string', 'PASS'],
    ['a made-up status', { status: 'WARN', message: 'x' }],
    ['ERROR, which only the engine gives', { status: 'ERROR', message: 'x' }],
    ['a verdict without a message', { status: 'PASS' }],
    ['a list with a hole', [pass('ok'), undefined]],
    ['a Promise (an async evaluate)', Promise.resolve(pass('later'))],
  ])('gives ERROR, and goes on, when a check returns %s', (_name, returned) => {
    const broken = defineResourceCheck({ ...META, id: 'eks-test-broken', kind: 'eks.cluster', evaluate: () => returned as Verdict });
    const next = defineResourceCheck({ ...META, id: 'eks-test-next', kind: 'eks.cluster', evaluate: () => pass('judged') });
    const report = runChecks(inventoryOf([fakeEksCluster()]), [broken, next], { now: NOW });
    expect(report.findings.map((f) => [f.checkId, f.status, f.message])).toEqual([
      ['eks-test-broken', 'ERROR', 'The check failed: the check returned something that is not a verdict'],
      ['eks-test-next', 'PASS', 'judged'],
    ]);
    expect(report.summary.byStatus).toEqual({ FAIL: 0, ERROR: 1, UNKNOWN: 0, PASS: 1, NOT_APPLICABLE: 0 });
  });

  it('emits one finding per key for granular verdicts, with key and evidence', () => {
    const cluster = fakeEksCluster({ enabledLogTypes: ['api', 'audit'] });
    const check = defineResourceCheck({
      ...META,
      id: 'eks-test-logs',
      kind: 'eks.cluster',
      evaluate: (c) =>
        ['api', 'audit', 'scheduler'].map((t) =>
          c.enabledLogTypes.includes(t) ? pass(`${t} on`, { key: `LogType::${t}` }) : fail(`${t} off`, { key: `LogType::${t}`, evidence: { t } }),
        ),
    });
    const report = runChecks(inventoryOf([cluster]), [check], { now: NOW });
    expect(report.findings.map((f) => [f.key, f.status, f.resource.id, f.evidence])).toEqual([
      ['LogType::api', 'PASS', cluster.id, undefined],
      ['LogType::audit', 'PASS', cluster.id, undefined],
      ['LogType::scheduler', 'FAIL', cluster.id, { t: 'scheduler' }],
    ]);
    expect(report.summary.total).toBe(3);
  });

  it('gives UNKNOWN for a resource marked incomplete, without calling the check', () => {
    const broken: EksCluster = {
      ...fakeEksCluster({ name: 'broken' }),
      incomplete: { code: 'THROTTLED', service: 'eks', operation: 'DescribeCluster', message: 'Rate exceeded' },
    };
    const fine = fakeEksCluster({ name: 'fine' });
    const evaluate = jest.fn(() => pass('ok'));
    const check = defineResourceCheck({ ...META, id: 'eks-test-incomplete', kind: 'eks.cluster', evaluate });
    const report = runChecks(inventoryOf([broken, fine]), [check], { now: NOW });
    expect(evaluate).toHaveBeenCalledTimes(1);
    expect(evaluate.mock.calls[0]).toEqual([fine, expect.anything()]);
    expect(report.findings.map((f) => [f.resource.id, f.status])).toEqual([
      [broken.id, 'UNKNOWN'],
      [fine.id, 'PASS'],
    ]);
    expect(report.findings[0]!.message).toBe(`${broken.id} could not be fully collected: THROTTLED (DescribeCluster): Rate exceeded.`);
  });
});

describe('runChecks: coverage gates resource checks', () => {
  const euCluster = fakeEksCluster({ name: 'eu', region: REGION });
  const usCluster = fakeEksCluster({ name: 'us', region: US });

  it('a failed region: UNKNOWN for its resources without calling evaluate, one account-level UNKNOWN, the other region judged', () => {
    const inventory = inventoryOf([euCluster, usCluster], {
      source: { regions: [REGION, US] },
      coverage: [okCoverage('eks.cluster', REGION), deniedCoverage('eks.cluster', US, 'DescribeCluster')],
    });
    const evaluate = jest.fn((c: EksCluster) => pass(`judged ${c.name as string}`));
    const check = defineResourceCheck({ ...META, id: 'eks-test-gated', kind: 'eks.cluster', evaluate });
    const report = runChecks(inventory, [check], { now: NOW });

    expect(evaluate).toHaveBeenCalledTimes(1);
    expect(evaluate.mock.calls[0]![0]).toBe(euCluster);
    const gap = 'eks.cluster could not be collected in us-east-1: ACCESS_DENIED (DescribeCluster): not authorized to perform DescribeCluster';
    expect(report.findings).toEqual([
      expect.objectContaining({
        status: 'UNKNOWN',
        message: `Not judged: ${gap}.`,
        resource: { id: `AWS::::Account:${ACCOUNT}`, kind: 'account', region: US, accountId: ACCOUNT },
      }),
      expect.objectContaining({ status: 'PASS', message: 'judged eu', resource: expect.objectContaining({ id: euCluster.id, region: REGION }) }),
      expect.objectContaining({ status: 'UNKNOWN', message: `Not judged: ${gap}.`, resource: expect.objectContaining({ id: usCluster.id, region: US }) }),
    ]);
    expect(report.findings.filter((f) => f.resource.kind === 'account')).toHaveLength(1);
  });

  it('a failed region with no resources still gets its account-level UNKNOWN: absence is not evidence', () => {
    const inventory = inventoryOf([euCluster], {
      source: { regions: [REGION, US] },
      coverage: [okCoverage('eks.cluster', REGION), deniedCoverage('eks.cluster', US)],
    });
    const report = runChecks(inventory, [publicAccessCheck()], { now: NOW });
    expect(report.findings.map((f) => [f.resource.id, f.resource.region, f.status])).toEqual([
      [`AWS::::Account:${ACCOUNT}`, US, 'UNKNOWN'],
      [euCluster.id, REGION, 'PASS'],
    ]);
  });

  it.each<[string, Coverage[], RegExp]>([
    ['missing', [okCoverage('eks.cluster', REGION)], /^Not judged: eks\.cluster was not collected in us-east-1\.$/],
    [
      'skipped',
      [okCoverage('eks.cluster', REGION), { kind: 'eks.cluster', region: US, status: 'skipped' }],
      /^Not judged: eks\.cluster was not collected in us-east-1 \(skipped\)\.$/,
    ],
  ])('a declared region whose coverage is %s gets an account-level UNKNOWN', (_name, coverage, message) => {
    const inventory = inventoryOf([euCluster], { source: { regions: [REGION, US] }, coverage });
    const report = runChecks(inventory, [publicAccessCheck()], { now: NOW });
    expect(report.findings.map((f) => [f.resource.kind, f.resource.region, f.status])).toEqual([
      ['account', US, 'UNKNOWN'],
      ['eks.cluster', REGION, 'PASS'],
    ]);
    expect(report.findings[0]!.message).toMatch(message);
  });

  it('an error entry wins over an ok entry for the same (kind, region)', () => {
    const inventory = inventoryOf([euCluster], { coverage: [okCoverage('eks.cluster'), deniedCoverage('eks.cluster')] });
    const evaluate = jest.fn(() => pass('ok'));
    const report = runChecks(inventory, [defineResourceCheck({ ...META, id: 'eks-test-both', kind: 'eks.cluster', evaluate })], { now: NOW });
    expect(evaluate).not.toHaveBeenCalled();
    expect(report.findings.map((f) => [f.resource.kind, f.status])).toEqual([
      ['account', 'UNKNOWN'],
      ['eks.cluster', 'UNKNOWN'],
    ]);
  });

  describe('parts of iam.account', () => {
    const inventory = inventoryOf([iamAccount()], {
      coverage: [
        okCoverage('iam.account'),
        {
          kind: 'iam.account',
          region: 'global',
          status: 'error',
          part: 'credentialReport',
          issue: { code: 'ACCESS_DENIED', operation: 'GetCredentialReport', message: 'denied' },
        },
      ],
    });

    it.each<[string, string[] | undefined, Finding['status'][], number]>([
      ['a check reading the failed part is UNKNOWN', ['credentialReport'], ['UNKNOWN', 'UNKNOWN'], 0],
      ['a check reading another part is evaluated', ['passwordPolicy'], ['PASS'], 1],
      ['a check reading both parts is UNKNOWN', ['passwordPolicy', 'credentialReport'], ['UNKNOWN', 'UNKNOWN'], 0],
      ['a check declaring no parts reads them all: UNKNOWN', undefined, ['UNKNOWN', 'UNKNOWN'], 0],
    ])('%s', (_name, parts, statuses, calls) => {
      const evaluate = jest.fn(() => pass('judged'));
      const check = defineResourceCheck({ ...META, id: 'iam-test-parts', kind: 'iam.account', ...(parts ? { parts } : {}), evaluate });
      const report = runChecks(inventory, [check], { now: NOW });
      expect(evaluate).toHaveBeenCalledTimes(calls);
      expect(report.findings.map((f) => f.status)).toEqual(statuses);
      if (calls === 0) {
        // One account-level finding for the account (global), one for the iam.account resource.
        expect(report.findings.map((f) => [f.resource.kind, f.resource.region])).toEqual([
          ['account', 'global'],
          ['iam.account', 'global'],
        ]);
        expect(report.findings[1]!.message).toBe(
          'Not judged: credentialReport of iam.account could not be collected for the account: ACCESS_DENIED (GetCredentialReport): denied.',
        );
      }
    });
  });

  it('passes the resource region, account, now and the inventory to the check', () => {
    const contexts: CheckContext[] = [];
    const check = defineResourceCheck({
      ...META,
      id: 'eks-test-ctx',
      kind: 'eks.cluster',
      evaluate: (_c, ctx) => {
        contexts.push(ctx);
        return pass('ok');
      },
    });
    const inventory = inventoryOf([usCluster], { source: { regions: [US] } });
    runChecks(inventory, [check], { now: NOW });
    expect(contexts).toHaveLength(1);
    expect(contexts[0]).toMatchObject({ region: US, accountId: ACCOUNT, now: NOW, options: {} });
    expect(contexts[0]!.inventory.inventory).toBe(inventory);
  });
});

describe('runChecks: options', () => {
  const check = defineResourceCheck({
    ...META,
    id: 'eks-test-options',
    kind: 'eks.cluster',
    defaultOptions: { minVersion: '1.30', strict: false },
    evaluate: (c, ctx) => {
      const min = ctx.options.minVersion as string;
      return Number(must(c.version)) >= Number(min) ? pass(`>= ${min}`, { evidence: { ...ctx.options } }) : fail(`< ${min}`, { evidence: { ...ctx.options } });
    },
  });
  const other = defineResourceCheck({ ...META, id: 'eks-test-other', kind: 'eks.cluster', evaluate: (_c, ctx) => pass(JSON.stringify(ctx.options)) });
  const inventory = inventoryOf([fakeEksCluster({ version: '1.33' })]);

  it.each<[string, Record<string, Record<string, unknown>> | undefined, Finding['status'], Record<string, unknown>]>([
    ['defaults apply without checkOptions', undefined, 'PASS', { minVersion: '1.30', strict: false }],
    ['checkOptions override a default and keep the others', { 'eks-test-options': { minVersion: '1.34' } }, 'FAIL', { minVersion: '1.34', strict: false }],
    ['checkOptions may add options', { 'eks-test-options': { extra: 1 } }, 'PASS', { minVersion: '1.30', strict: false, extra: 1 }],
    ['options for another check do not leak', { 'eks-test-other': { minVersion: '9.99' } }, 'PASS', { minVersion: '1.30', strict: false }],
  ])('%s', (_name, checkOptions, status, options) => {
    const report = runChecks(inventory, [check, other], { now: NOW, ...(checkOptions ? { checkOptions } : {}) });
    expect(report.findings[0]).toMatchObject({ checkId: 'eks-test-options', status, evidence: options });
    expect(report.findings[1]!.message).toBe(JSON.stringify(checkOptions?.['eks-test-other'] ?? {}));
  });
});

describe('runChecks: region-scope checks', () => {
  const regions = [REGION, US, AP, 'eu-central-1'];
  const guardDutyOn = (evaluate = jest.fn((ds: readonly Detector[], ctx: CheckContext) => (ds.some((d) => d.status === 'ENABLED') ? pass(`on in ${ctx.region}`) : fail(`off in ${ctx.region}`)))) => ({
    evaluate,
    check: defineRegionCheck({ ...META, id: 'guardduty-test-enabled', kind: 'guardduty.detector', severity: 'medium', evaluate }),
  });

  it('emits one finding per declared region, with the account as resource, even where no detector exists', () => {
    const inventory = inventoryOf([detector(REGION), detector(US, 'DISABLED')], {
      source: { regions },
      coverage: [
        okCoverage('guardduty.detector', REGION),
        okCoverage('guardduty.detector', US),
        okCoverage('guardduty.detector', AP),
        deniedCoverage('guardduty.detector', 'eu-central-1', 'ListDetectors'),
      ],
    });
    const { check, evaluate } = guardDutyOn();
    const report = runChecks(inventory, [check], { now: NOW });
    expect(report.findings.map((f) => [f.resource, f.status, f.message])).toEqual([
      [{ id: `AWS::::Account:${ACCOUNT}`, kind: 'account', region: REGION, accountId: ACCOUNT }, 'PASS', `on in ${REGION}`],
      [{ id: `AWS::::Account:${ACCOUNT}`, kind: 'account', region: US, accountId: ACCOUNT }, 'FAIL', `off in ${US}`],
      [{ id: `AWS::::Account:${ACCOUNT}`, kind: 'account', region: AP, accountId: ACCOUNT }, 'FAIL', `off in ${AP}`],
      [
        { id: `AWS::::Account:${ACCOUNT}`, kind: 'account', region: 'eu-central-1', accountId: ACCOUNT },
        'UNKNOWN',
        'Not judged: guardduty.detector could not be collected in eu-central-1: ACCESS_DENIED (ListDetectors): not authorized to perform ListDetectors.',
      ],
    ]);
    // Each region sees only its own detectors; the failed region is not evaluated.
    expect(evaluate.mock.calls.map(([ds, ctx]) => [ctx.region, ds.map((d) => d.id)])).toEqual([
      [REGION, [detector(REGION).id]],
      [US, [detector(US).id]],
      [AP, []],
    ]);
  });

  it('is UNKNOWN for a declared region with no coverage entry at all', () => {
    const inventory = inventoryOf([], { source: { regions: [REGION, US] }, coverage: [okCoverage('guardduty.detector', REGION)] });
    const { check, evaluate } = guardDutyOn();
    const report = runChecks(inventory, [check], { now: NOW });
    expect(report.findings.map((f) => [f.resource.region, f.status])).toEqual([
      [REGION, 'FAIL'],
      [US, 'UNKNOWN'],
    ]);
    expect(report.findings[1]!.message).toBe('Not judged: guardduty.detector was not collected in us-east-1.');
    expect(evaluate).toHaveBeenCalledTimes(1);
  });

  it('uses the regions named by coverage when the source declares none', () => {
    const inventory: Inventory = {
      schemaVersion: SCHEMA_VERSION,
      source: { type: 'live', accountId: ACCOUNT },
      resources: { 'guardduty.detector': [detector(US)] },
      coverage: [okCoverage('guardduty.detector', US), okCoverage('eks.cluster', AP), okCoverage('iam.role')],
    };
    const report = runChecks(inventory, [guardDutyOn().check], { now: NOW });
    expect(report.findings.map((f) => [f.resource.region, f.status])).toEqual([
      [US, 'PASS'],
      [AP, 'UNKNOWN'],
    ]);
  });

  it('is NOT_APPLICABLE for a template that declares none of the kind, without calling evaluate', () => {
    const inventory = inventoryOf([templateCluster('Cluster')], {
      source: { type: 'template', stack: 'Stack', regions: undefined },
      coverage: [
        { kind: 'eks.cluster', region: '*', status: 'ok' },
        { kind: 'guardduty.detector', region: '*', status: 'ok' },
      ],
    });
    const { check, evaluate } = guardDutyOn();
    const report = runChecks(inventory, [check], { now: NOW });
    expect(evaluate).not.toHaveBeenCalled();
    expect(report.findings.map((f) => [f.status, f.message, f.resource.kind])).toEqual([
      ['NOT_APPLICABLE', 'The template declares no guardduty.detector.', 'account'],
    ]);
  });

  it('judges a template that declares the kind', () => {
    const { origin: _o, id: _i, ...rest } = detector(REGION);
    void _o;
    void _i;
    const declared: Detector = { ...rest, id: 'cfn:Stack/Detector', origin: { kind: 'cfn', stack: 'Stack', logicalId: 'Detector' } };
    const inventory: Inventory = {
      schemaVersion: SCHEMA_VERSION,
      source: { type: 'template', stack: 'Stack' },
      resources: { 'guardduty.detector': [declared] },
      coverage: [{ kind: 'guardduty.detector', region: '*', status: 'ok' }],
    };
    const { check, evaluate } = guardDutyOn();
    const report = runChecks(inventory, [check], { now: NOW });
    expect(evaluate).toHaveBeenCalledTimes(1);
    expect(evaluate.mock.calls[0]![0]).toEqual([declared]);
    expect(report.findings.map((f) => [f.status, f.resource.region, f.resource.accountId])).toEqual([['PASS', '*', 'unknown']]);
  });

  it('gives ERROR when a region check throws, and still judges the other regions', () => {
    const evaluate = jest.fn((_ds: readonly Detector[], ctx: CheckContext) => {
      if (ctx.region === US) throw new Error('boom');
      return pass('ok');
    });
    const inventory = inventoryOf([], { source: { regions: [REGION, US, AP] }, alsoCollected: ['guardduty.detector'] });
    const report = runChecks(inventory, [guardDutyOn(evaluate).check], { now: NOW });
    expect(report.findings.map((f) => [f.resource.region, f.status, f.message])).toEqual([
      [REGION, 'PASS', 'ok'],
      [US, 'ERROR', 'The check failed: boom'],
      [AP, 'PASS', 'ok'],
    ]);
  });

  it('emits one finding per key for granular region verdicts', () => {
    const check = defineRegionCheck({
      ...META,
      id: 'guardduty-test-features',
      kind: 'guardduty.detector',
      evaluate: () => [pass('a', { key: 'Feature::EKS_AUDIT_LOGS' }), fail('b', { key: 'Feature::RUNTIME_MONITORING' })],
    });
    const inventory = inventoryOf([], { source: { regions: [REGION, US] }, alsoCollected: ['guardduty.detector'] });
    expect(byResource(runChecks(inventory, [check], { now: NOW }).findings)).toEqual({
      [`AWS::::Account:${ACCOUNT}#Feature::EKS_AUDIT_LOGS`]: 'PASS',
      [`AWS::::Account:${ACCOUNT}#Feature::RUNTIME_MONITORING`]: 'FAIL',
    });
    expect(runChecks(inventory, [check], { now: NOW }).findings.map((f) => [f.resource.region, f.key])).toEqual([
      [REGION, 'Feature::EKS_AUDIT_LOGS'],
      [REGION, 'Feature::RUNTIME_MONITORING'],
      [US, 'Feature::EKS_AUDIT_LOGS'],
      [US, 'Feature::RUNTIME_MONITORING'],
    ]);
  });

  it('gives UNKNOWN when a region check reads an Unresolved value', () => {
    const d: Detector = { ...detector(REGION), status: unresolved('<DetectorStatus>') };
    const check = defineRegionCheck({
      ...META,
      id: 'guardduty-test-status',
      kind: 'guardduty.detector',
      evaluate: (ds) => (ds.every((x) => must(x.status) === 'ENABLED') ? pass('on') : fail('off')),
    });
    const report = runChecks(inventoryOf([d]), [check], { now: NOW });
    expect(report.findings.map((f) => f.status)).toEqual(['UNKNOWN']);
    expect(report.findings[0]!.message).toContain('<DetectorStatus>');
  });
});

describe('runChecks: account-scope checks', () => {
  type Evaluate = (ds: readonly Detector[], ctx: CheckContext) => Verdict | readonly Verdict[];
  const countCheck = (evaluate = jest.fn<ReturnType<Evaluate>, Parameters<Evaluate>>((ds) => pass(`${ds.length} detectors`))) => ({
    evaluate,
    check: defineAccountCheck({ ...META, id: 'guardduty-test-count', kind: 'guardduty.detector', evaluate }),
  });

  it('emits one finding for the account, from every region’s resources', () => {
    const inventory = inventoryOf([detector(REGION), detector(US)], { source: { regions: [REGION, US] } });
    const { check, evaluate } = countCheck();
    const report = runChecks(inventory, [check], { now: NOW });
    expect(report.findings).toEqual([
      expect.objectContaining({
        status: 'PASS',
        message: '2 detectors',
        resource: { id: `AWS::::Account:${ACCOUNT}`, kind: 'account', region: 'global', accountId: ACCOUNT },
      }),
    ]);
    expect(evaluate.mock.calls[0]![1]).toMatchObject({ region: 'global', accountId: ACCOUNT, now: NOW });
  });

  it('reports even when no resource exists', () => {
    const inventory = inventoryOf([], { source: { regions: [REGION, US] }, alsoCollected: ['guardduty.detector'] });
    expect(runChecks(inventory, [countCheck().check], { now: NOW }).findings.map((f) => [f.status, f.message])).toEqual([['PASS', '0 detectors']]);
  });

  it('is UNKNOWN, without calling evaluate, when any region of a regional kind was not collected', () => {
    const inventory = inventoryOf([detector(REGION)], {
      source: { regions: [REGION, US] },
      coverage: [okCoverage('guardduty.detector', REGION), deniedCoverage('guardduty.detector', US, 'ListDetectors')],
    });
    const { check, evaluate } = countCheck();
    const report = runChecks(inventory, [check], { now: NOW });
    expect(evaluate).not.toHaveBeenCalled();
    expect(report.findings.map((f) => [f.status, f.resource.region, f.message])).toEqual([
      ['UNKNOWN', 'global', expect.stringMatching(/^Not judged: guardduty\.detector could not be collected in us-east-1: ACCESS_DENIED/)],
    ]);
  });

  it('is NOT_APPLICABLE for a template without the kind', () => {
    const inventory = inventoryOf([templateCluster('Cluster')], {
      source: { type: 'template', regions: undefined },
      coverage: [{ kind: 'guardduty.detector', region: '*', status: 'ok' }],
    });
    expect(runChecks(inventory, [countCheck().check], { now: NOW }).findings.map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });

  it('works over a global kind, honouring parts', () => {
    const failedPart: Coverage = { kind: 'iam.account', region: 'global', status: 'error', part: 'summary', issue: { code: 'THROTTLED', message: 'slow down' } };
    const inventory = inventoryOf([iamAccount()], { coverage: [okCoverage('iam.account'), failedPart] });
    const mfa = (parts: string[]) =>
      defineAccountCheck({
        ...META,
        id: `iam-test-mfa-${parts.join('-')}`,
        kind: 'iam.account',
        parts,
        evaluate: (accounts) => (accounts[0]?.summary.AccountMFAEnabled === 1 ? pass('root MFA on') : fail('root MFA off')),
      });
    const report = runChecks(inventory, [mfa(['summary']), mfa(['virtualMfaDevices'])], { now: NOW });
    expect(report.findings.map((f) => [f.checkId, f.status, f.resource.region])).toEqual([
      ['iam-test-mfa-summary', 'UNKNOWN', 'global'],
      ['iam-test-mfa-virtualMfaDevices', 'PASS', 'global'],
    ]);
    expect(report.findings[0]!.message).toBe('Not judged: summary of iam.account could not be collected for the account: THROTTLED: slow down.');
  });

  it('gives ERROR for an account check that returns []', () => {
    const inventory = inventoryOf([detector(REGION)]);
    expect(runChecks(inventory, [countCheck(jest.fn<ReturnType<Evaluate>, Parameters<Evaluate>>(() => [])).check], { now: NOW }).findings.map((f) => f.status)).toEqual(['ERROR']);
  });
});

describe('runChecks: the report', () => {
  const open = fakeEksCluster({ name: 'open', endpoint: { publicAccess: true } });
  const closed = fakeEksCluster({ name: 'closed' });
  const pending = fakeEksCluster({ name: 'pending', endpoint: { publicAccess: unresolved('<P>') } });
  const resourceCheck = publicAccessCheck();
  const crashing = defineResourceCheck({
    ...META,
    id: 'kms-test-crash',
    kind: 'eks.cluster',
    severity: 'low',
    frameworks: { cisAws: { '3.0': ['3.8'] } },
    evaluate: () => {
      throw new Error('x');
    },
  });
  const regionCheck = defineRegionCheck({
    ...META,
    id: 'guardduty-test-on',
    kind: 'guardduty.detector',
    severity: 'critical',
    frameworks: { securityHub: ['GuardDuty.1'], cisAws: { '3.0': ['4.15'], '4.0': ['4.16'] }, cisEks: { '1.7': ['2.1.1'] } },
    evaluate: (ds) => (ds.length > 0 ? pass('on') : fail('off')),
  });
  const inventory = inventoryOf([open, closed, pending, detector(REGION)], {
    source: { regions: [REGION, US] },
    alsoCollected: ['guardduty.detector', 'eks.cluster'],
  });

  function run(extra: Parameters<typeof runChecks>[2] = {}) {
    return runChecks(inventory, [resourceCheck, crashing, regionCheck], { now: NOW, ...extra });
  }

  it('counts findings by status, severity and service', () => {
    const report = run();
    // eks-test-endpoint: FAIL, PASS, UNKNOWN; kms-test-crash: 3 × ERROR; guardduty-test-on: eu PASS, us FAIL.
    expect(report.findings.map((f) => `${f.checkId}:${f.status}`)).toEqual([
      'eks-test-endpoint:FAIL',
      'eks-test-endpoint:PASS',
      'eks-test-endpoint:UNKNOWN',
      'kms-test-crash:ERROR',
      'kms-test-crash:ERROR',
      'kms-test-crash:ERROR',
      'guardduty-test-on:PASS',
      'guardduty-test-on:FAIL',
    ]);
    const zero = { FAIL: 0, ERROR: 0, UNKNOWN: 0, PASS: 0, NOT_APPLICABLE: 0 };
    expect(report.summary).toEqual({
      total: 8,
      byStatus: { FAIL: 2, ERROR: 3, UNKNOWN: 1, PASS: 2, NOT_APPLICABLE: 0 },
      bySeverity: {
        critical: { ...zero, PASS: 1, FAIL: 1 },
        high: { ...zero, FAIL: 1, PASS: 1, UNKNOWN: 1 },
        medium: zero,
        low: { ...zero, ERROR: 3 },
        info: zero,
      },
      byService: {
        eks: { ...zero, FAIL: 1, PASS: 1, UNKNOWN: 1 },
        kms: { ...zero, ERROR: 3 },
        guardduty: { ...zero, PASS: 1, FAIL: 1 },
      },
      suppressed: 0,
    });
  });

  it('counts suppressed findings without changing status counts', () => {
    const report = run({ suppressions: [{ checkId: 'kms-*', reason: 'known crash, tracked in JIRA-1', source: 'api' }] });
    expect(report.summary.suppressed).toBe(3);
    expect(report.summary.byStatus.ERROR).toBe(3);
    expect(report.findings.filter((f) => f.suppressed).map((f) => f.status)).toEqual(['ERROR', 'ERROR', 'ERROR']);
  });

  it('stamps metadata: tool, time, checks and source', () => {
    const report = run({ sourceInfo: { file: 'snap.json' } });
    expect(report.metadata).toEqual({
      tool: { name: 'hardeks', version: TOOL_VERSION },
      generatedAt: '2025-06-15T09:30:00.000Z',
      source: { type: 'synthetic', accountId: ACCOUNT, regions: [REGION, US], file: 'snap.json' },
      checks: ['eks-test-endpoint', 'kms-test-crash', 'guardduty-test-on'],
      suppressions: { applied: 0, expired: [], unused: [] },
    });
    expect(TOOL_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('defaults generatedAt to the current time', () => {
    const before = Date.now();
    const report = runChecks(inventory, [resourceCheck]);
    const at = Date.parse(report.metadata.generatedAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('gives every finding the four framework keys and the remediation of its check', () => {
    const report = run();
    for (const f of report.findings) {
      expect(Object.keys(f.frameworks).sort()).toEqual(['cisAws', 'cisEks', 'securityHub', 'wellArchitected']);
      expect(f.remediation).toBe(META.remediation);
    }
    const fw = Object.fromEntries(report.findings.map((f) => [f.checkId, f.frameworks]));
    expect(fw).toEqual({
      'eks-test-endpoint': { securityHub: ['EKS.1'], cisAws: {}, cisEks: {}, wellArchitected: [] },
      'kms-test-crash': { securityHub: [], cisAws: { '3.0': ['3.8'] }, cisEks: {}, wellArchitected: [] },
      'guardduty-test-on': { securityHub: ['GuardDuty.1'], cisAws: { '3.0': ['4.15'], '4.0': ['4.16'] }, cisEks: { '1.7': ['2.1.1'] }, wellArchitected: [] },
    });
  });

  it('runs no check: an empty report', () => {
    const report = runChecks(inventory, [], { now: NOW });
    expect(report.findings).toEqual([]);
    expect(report.summary.total).toBe(0);
    expect(report.metadata.checks).toEqual([]);
  });

  it('does not modify the inventory', () => {
    const before = JSON.stringify(inventory);
    run({ suppressions: [{ checkId: '*', reason: 'suppress everything for this test', source: 'api' }] });
    expect(JSON.stringify(inventory)).toBe(before);
  });
});

describe('defineResourceCheck', () => {
  it('freezes the check, derives the service and fills the frameworks', () => {
    const check = defineResourceCheck({ ...META, id: 'ec2-test-thing', kind: 'ec2.vpc', frameworks: {}, evaluate: () => pass('x') });
    expect(check.scope).toBe('resource');
    expect(check.service).toBe('ec2');
    expect(check.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: [] });
    expect(Object.isFrozen(check)).toBe(true);
    expect(Object.isFrozen(check.frameworks)).toBe(true);
    expect(defineRegionCheck({ ...META, id: 'a-b', kind: 'ec2.vpc', evaluate: () => pass('x') }).scope).toBe('region');
    expect(defineAccountCheck({ ...META, id: 'a-b', kind: 'ec2.vpc', evaluate: () => pass('x') }).scope).toBe('account');
  });
});

// Keep the helper type-checked against the Resource union.
void ((r: Resource) => r.id);

describe('resources that could not be fully collected', () => {
  const partial = (d: Detector): Detector => ({ ...d, incomplete: { code: 'ACCESS_DENIED', operation: 'GetDetector', message: 'denied' } });

  test('a lookup of one through ctx.inventory makes the evaluation UNKNOWN', () => {
    const cluster = fakeEksCluster();
    const check = defineResourceCheck({
      ...META,
      id: 'eks-detector-lookup',
      kind: 'eks.cluster',
      evaluate: (_c, ctx) => (ctx.inventory.find('guardduty.detector', detector(REGION).id, REGION) ? pass('found') : fail('absent')),
    });
    const viaFind = runChecks(inventoryOf([cluster, partial(detector(REGION))]), [check], { now: NOW });
    expect(viaFind.findings.map((f) => f.status)).toEqual(['UNKNOWN']);
    expect(viaFind.findings[0]!.message).toContain('could not be fully collected');

    const listing = defineResourceCheck({
      ...META,
      id: 'eks-detector-listing',
      kind: 'eks.cluster',
      evaluate: (_c, ctx) => (ctx.inventory.inRegion('guardduty.detector', REGION).length > 0 ? pass('some') : fail('none')),
    });
    expect(runChecks(inventoryOf([cluster, partial(detector(REGION))]), [listing], { now: NOW }).findings.map((f) => f.status)).toEqual(['UNKNOWN']);
    expect(runChecks(inventoryOf([cluster, detector(REGION)]), [listing], { now: NOW }).findings.map((f) => f.status)).toEqual(['PASS']);
  });

  test('a region-scope check is UNKNOWN when one of its resources is partial, unless it handles that itself', () => {
    const evaluate = jest.fn((detectors: readonly Detector[]) => (detectors.length > 0 ? pass('a detector exists') : fail('none')));
    const naive = defineRegionCheck({ ...META, id: 'guardduty-naive', kind: 'guardduty.detector', evaluate });
    const inventory = inventoryOf([partial(detector(REGION))]);
    expect(runChecks(inventory, [naive], { now: NOW }).findings.map((f) => f.status)).toEqual(['UNKNOWN']);
    expect(evaluate).not.toHaveBeenCalled();

    const careful = defineRegionCheck({
      ...META,
      id: 'guardduty-careful',
      kind: 'guardduty.detector',
      handlesIncomplete: true,
      evaluate: (detectors) => (detectors.some((d) => d.incomplete) ? unknown('partly read') : pass('fine')),
    });
    expect(runChecks(inventory, [careful], { now: NOW }).findings.map((f) => [f.status, f.message])).toEqual([['UNKNOWN', 'partly read']]);
  });
});

describe('template inventories', () => {
  const templateInventory = (resources: Resource[], kinds: Coverage['kind'][]): Inventory => ({
    schemaVersion: SCHEMA_VERSION,
    source: { type: 'template', stack: 'Platform', file: 'platform.template.json' },
    resources: Object.fromEntries([...new Set(resources.map((r) => r.kind))].map((k) => [k, resources.filter((r) => r.kind === k)])),
    coverage: kinds.map((kind) => ({ kind, region: '*', status: 'ok' as const })),
  });

  test('a kind no template can declare (account facts) is NOT_APPLICABLE, not UNKNOWN', () => {
    const check = defineResourceCheck({ ...META, id: 'iam-account-fact', kind: 'iam.account', evaluate: () => fail('never called') });
    const { findings } = runChecks(templateInventory([templateCluster('Cluster')], ['eks.cluster']), [check], { now: NOW });
    expect(findings.map((f) => [f.status, f.resource.kind])).toEqual([['NOT_APPLICABLE', 'account']]);
  });

  test('a resource the template refers to but does not declare is UNKNOWN, never "absent"', () => {
    const check = defineResourceCheck({
      ...META,
      id: 'eks-key-exists',
      kind: 'eks.cluster',
      evaluate: (c, ctx) => (ctx.inventory.find('kms.key', must(c.secretsKeyArn!), ctx.region) ? pass('key declared') : fail('no such key')),
    });
    const cluster = templateCluster('Cluster', { secretsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/imported' });
    const { findings } = runChecks(templateInventory([cluster], ['eks.cluster', 'kms.key']), [check], { now: NOW });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN']);
    expect(findings[0]!.message).toContain('not declared in this template');
  });
});

describe('account-wide requirements on a template', () => {
  test('a FAIL of an account-scope check becomes NOT_APPLICABLE (a stack is part of an account); a PASS stays', () => {
    const inventory: Inventory = {
      schemaVersion: SCHEMA_VERSION,
      source: { type: 'template', stack: 'Cluster' },
      resources: { 'eks.cluster': [templateCluster('Cluster')] },
      coverage: [{ kind: 'eks.cluster', region: '*', status: 'ok' }],
    };
    const exists = (wanted: string) =>
      defineAccountCheck({ ...META, id: `eks-${wanted}-exists`, kind: 'eks.cluster', evaluate: (cs) => (cs.some((c) => c.id.endsWith(wanted)) ? pass('there') : fail('missing')) });
    const { findings } = runChecks(inventory, [exists('Cluster'), exists('Other')], { now: NOW });
    expect(findings.map((f) => [f.checkId, f.status])).toEqual([
      ['eks-Cluster-exists', 'PASS'],
      ['eks-Other-exists', 'NOT_APPLICABLE'],
    ]);
  });
});
