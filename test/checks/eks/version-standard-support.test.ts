import { eksVersionStandardSupport } from '../../../lib/checks/eks/version-standard-support';
import { unresolved } from '../../fixtures/model';
import { cluster, clusterVersion, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksVersionStandardSupport;
/** What the collector recorded for eu-west-1 (dates as the EKS calendar publishes them). */
const RECORDED = [clusterVersion('1.32', '2026-03-23', '2027-03-23'), clusterVersion('1.33', '2026-07-29', '2027-07-29'), clusterVersion('1.34', '2026-12-02', '2027-12-02')];
const running = (version: unknown) => cluster({ version: version as string });

describe('eks-version-standard-support', () => {
  test('a version in standard support at the audit time → PASS', () => {
    const prod = running('1.34');
    expect(judge(CHECK, [prod, ...RECORDED])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('a version in extended support → FAIL (EKS.2)', () => {
    expect(statusesOf(judge(CHECK, [running('1.33'), ...RECORDED]))).toEqual(['FAIL']);
  });

  test('trap: dates are judged at the audit time, not the status recorded at collection', () => {
    const later = new Date('2026-12-05T00:00:00Z');
    expect(statusesOf(judge(CHECK, [running('1.34'), ...RECORDED], { now: later }))).toEqual(['FAIL']);
  });

  test('recorded data wins over the built-in calendar', () => {
    // A region where AWS extended 1.33 (hypothetically): the recorded dates decide.
    expect(statusesOf(judge(CHECK, [running('1.33'), clusterVersion('1.33', '2027-01-31', '2028-01-31')]))).toEqual(['PASS']);
  });

  test('without recorded versions the dated fallback calendar decides', () => {
    const findings = judge(CHECK, [running('1.31')], { coverage: coverageDenying('eks.cluster-version') });
    expect(statusesOf(findings)).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [running('1.35')], { coverage: coverageDenying('eks.cluster-version') }))).toEqual(['PASS']);
  });

  test('a version older than the fallback calendar knows is past standard support → FAIL', () => {
    expect(statusesOf(judge(CHECK, [running('1.24')], { coverage: coverageDenying('eks.cluster-version') }))).toEqual(['FAIL']);
  });

  test('a version neither recorded nor in the fallback calendar → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [running('1.39')], { coverage: coverageDenying('eks.cluster-version') }))).toEqual(['UNKNOWN']);
  });

  test('the version is a template parameter → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [running(unresolved('<KubernetesVersion>')), ...RECORDED]))).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [running('1.34'), ...RECORDED], { coverage: coverageDenying('eks.cluster') })))).toEqual(new Set(['UNKNOWN']));
  });
});
