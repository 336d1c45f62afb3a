import { eksVersionNotNearEndOfSupport } from '../../../lib/checks/eks/version-not-near-end-of-support';
import { unresolved } from '../../fixtures/model';
import { cluster, clusterVersion, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksVersionNotNearEndOfSupport;
const RECORDED = [clusterVersion('1.33', '2026-07-29', '2027-07-29'), clusterVersion('1.34', '2026-12-02', '2027-12-02'), clusterVersion('1.35', '2027-03-27', '2028-03-27')];
const running = (version: unknown) => cluster({ version: version as string });

describe('eks-version-not-near-end-of-support', () => {
  test('126 days of standard support left → PASS', () => {
    const prod = running('1.35');
    expect(judge(CHECK, [prod, ...RECORDED])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('11 days left (within the default 90) → FAIL', () => {
    expect(statusesOf(judge(CHECK, [running('1.34'), ...RECORDED]))).toEqual(['FAIL']);
  });

  test('option warnDaysBeforeEnd moves the threshold', () => {
    expect(statusesOf(judge(CHECK, [running('1.35'), ...RECORDED], { checkOptions: { warnDaysBeforeEnd: 180 } }))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [running('1.34'), ...RECORDED], { checkOptions: { warnDaysBeforeEnd: 7 } }))).toEqual(['PASS']);
  });

  test('already in extended support → NOT_APPLICABLE (eks-version-standard-support fails it)', () => {
    expect(statusesOf(judge(CHECK, [running('1.33'), ...RECORDED]))).toEqual(['NOT_APPLICABLE']);
  });

  test('a bad option value is an ERROR, not a verdict', () => {
    expect(statusesOf(judge(CHECK, [running('1.35'), ...RECORDED], { checkOptions: { warnDaysBeforeEnd: 'soon' } }))).toEqual(['ERROR']);
  });

  test('the version is a template parameter → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [running(unresolved('<KubernetesVersion>')), ...RECORDED]))).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [running('1.35'), ...RECORDED], { coverage: coverageDenying('eks.cluster') })))).toEqual(new Set(['UNKNOWN']));
  });
});
