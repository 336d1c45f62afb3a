import { ALL_CHECKS } from '../../lib/checks';
import { defineResourceCheck, fail, pass } from '../../lib/engine/check';
import { runChecks } from '../../lib/engine/run';
import { InputError } from '../../lib/errors';
import { PACKS, PACK_IDS, checksOfPack, complianceView, controlIdsIn, packById, type Pack } from '../../lib/packs';
import { ACCOUNT, REGION, fakeEksCluster, inventoryOf } from '../fixtures/model';

describe('compliance packs against the check registry', () => {
  test('the frameworks --framework accepts', () => {
    expect(PACK_IDS).toEqual(['cis-aws-3.0', 'cis-aws-4.0', 'cis-eks-1.7', 'fsbp']);
  });

  test.each(PACKS.map((p) => [p.id, p] as const))('%s: control ids are unique and well formed', (_id, pack) => {
    const ids = pack.controls.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shape = pack.source.field === 'securityHub' ? /^[A-Za-z0-9]+\.\d+$/ : /^\d+(\.\d+){1,2}$/;
    for (const control of pack.controls) {
      expect(control.id).toMatch(shape);
      expect(control.title.trim().length).toBeGreaterThan(5);
      expect(control.title).not.toMatch(/^ensure\b/i);
    }
  });

  const named = (pack: Pack) => {
    const { source } = pack;
    return ALL_CHECKS.flatMap((c) => (source.field === 'securityHub' ? c.frameworks.securityHub : (c.frameworks[source.field][source.version] ?? [])).map((id) => [c.id, id] as const));
  };

  test.each(PACKS.map((p) => [p.id, p] as const))('%s: every control a check names exists in the pack', (_id, pack) => {
    const known = new Set(pack.controls.map((c) => c.id));
    const elsewhere = new Set(pack.source.field === 'securityHub' ? pack.source.elsewhere : []);
    // A Security Hub id outside FSBP must be declared as belonging to another standard.
    expect(named(pack).filter(([, id]) => !known.has(id) && !elsewhere.has(id))).toEqual([]);
  });

  test('FSBP and its "elsewhere" list do not overlap', () => {
    const fsbp = packById('fsbp');
    const members = new Set(fsbp.controls.map((c) => c.id));
    expect(fsbp.source.field === 'securityHub' && fsbp.source.elsewhere.filter((id) => members.has(id))).toEqual([]);
  });

  test.each(PACKS.map((p) => [p.id, p] as const))('%s: a control marked manual or out of scope has no check (or its mark is stale)', (_id, pack) => {
    const covered = new Set(named(pack).map(([, id]) => id));
    expect(pack.controls.filter((c) => c.gap && covered.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  test.each(PACKS.map((p) => [p.id, p] as const))('%s: the checks it runs are exactly the checks that name its controls', (_id, pack) => {
    const expected = [...new Set(named(pack).filter(([, id]) => pack.controls.some((c) => c.id === id)).map(([check]) => check))];
    expect(checksOfPack(pack, ALL_CHECKS).map((c) => c.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  test('known mappings hold (derived from the checks, not written twice)', () => {
    const ids = (packId: string, checkId: string) => controlIdsIn(packById(packId), ALL_CHECKS.find((c) => c.id === checkId)!.frameworks);
    expect(ids('cis-aws-3.0', 'iam-root-no-access-keys')).toEqual(['1.4']);
    expect(ids('cis-aws-4.0', 'ec2-ebs-encryption-by-default')).toEqual(['5.1.1']);
    expect(ids('cis-aws-3.0', 'ec2-ebs-encryption-by-default')).toEqual(['2.2.1']);
    expect(ids('cis-eks-1.7', 'eks-endpoint-not-public')).toEqual(['5.4.1', '5.4.2']);
    expect(ids('fsbp', 'eks-endpoint-not-public')).toEqual(['EKS.1']);
    // IAM.9 (root MFA) is a CIS control in Security Hub, not an FSBP one.
    expect(ids('fsbp', 'iam-root-mfa-enabled')).toEqual([]);
  });

  test('an unknown framework is an input error with a stable code', () => {
    expect(() => packById('cis-aws-9')).toThrow(InputError);
    try {
      packById('pci');
    } catch (error) {
      expect((error as InputError).code).toBe('UNKNOWN_FRAMEWORK');
    }
  });
});

describe('compliance view', () => {
  const META = { severity: 'high' as const, description: 'A check made up for a compliance test.', risk: 'None at all.', remediation: 'Nothing to do.', references: ['https://example.com'] };
  const pack: Pack = {
    id: 'test-pack',
    name: 'Test benchmark',
    shortName: 'Test',
    version: '1.0',
    source: { field: 'cisEks', version: '1.7' },
    scope: 'test',
    controls: [
      { id: '1.1', title: 'Failing control' },
      { id: '1.2', title: 'Passing control' },
      { id: '1.3', title: 'Accepted control' },
      { id: '1.4', title: 'Control whose check did not run' },
      { id: '1.5', title: 'Manual control', gap: 'manual' },
      { id: '1.6', title: 'Control with an unknown' },
    ],
  };
  const check = (id: string, control: string, verdict: 'pass' | 'fail') =>
    defineResourceCheck({ ...META, id, title: `Test ${id}`, kind: 'eks.cluster', frameworks: { cisEks: { '1.7': [control] } }, evaluate: () => (verdict === 'pass' ? pass('ok') : fail('bad')) });
  const failing = check('eks-test-fails', '1.1', 'fail');
  const passing = check('eks-test-passes', '1.2', 'pass');
  const accepted = check('eks-test-accepted', '1.3', 'fail');
  const notRun = check('eks-test-not-run', '1.4', 'pass');
  const unknown = defineResourceCheck({ ...META, id: 'eks-test-unknown', title: 'Unknown', kind: 'eks.cluster', frameworks: { cisEks: { '1.7': ['1.6'] } }, evaluate: () => ({ status: 'UNKNOWN', message: '?' }) });
  const catalog = [failing, passing, accepted, notRun, unknown];
  const report = runChecks(inventoryOf([fakeEksCluster()]), [failing, passing, accepted, unknown], {
    suppressions: [{ checkId: 'eks-test-accepted', reason: 'accepted by the risk board', source: 'test' }],
  });

  test('each control takes the worst status of its findings; suppressed problems make it ACCEPTED', () => {
    const view = complianceView(pack, report, catalog);
    expect(view.controls.map((c) => [c.control.id, c.status])).toEqual([
      ['1.1', 'FAIL'],
      ['1.2', 'PASS'],
      ['1.3', 'ACCEPTED'],
      ['1.4', 'NOT_RUN'],
      ['1.5', 'NOT_COVERED'],
      ['1.6', 'UNKNOWN'],
    ]);
    expect(view.controls[2]!.counts).toEqual({ fail: 1, pass: 0, other: 0, suppressed: 1 });
    // PASS and ACCEPTED out of PASS, ACCEPTED and FAIL.
    expect(view.passRate).toBeCloseTo(2 / 3);
  });

  test('a denied listing makes the control UNKNOWN, never PASS', () => {
    const denied = runChecks(inventoryOf([], { coverage: [{ kind: 'eks.cluster', region: REGION, status: 'error', issue: { code: 'ACCESS_DENIED', message: 'no' } }], source: { accountId: ACCOUNT } }), [passing]);
    expect(complianceView(pack, denied, catalog).controls.find((c) => c.control.id === '1.2')!.status).toBe('UNKNOWN');
  });
});
