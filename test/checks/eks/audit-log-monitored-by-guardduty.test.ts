import { eksAuditLogMonitoredByGuardduty } from '../../../lib/checks/eks/audit-log-monitored-by-guardduty';
import { unresolved } from '../../fixtures/model';
import { fakeDetector, feature, withFeatures, withoutFeatures } from '../../fixtures/guardduty';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksAuditLogMonitoredByGuardduty;
const prod = cluster();

describe('eks-audit-log-monitored-by-guardduty', () => {
  test('the region’s detector has EKS Audit Log Monitoring on → PASS on the cluster', () => {
    expect(judge(CHECK, [prod, fakeDetector()])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('the plan is off → FAIL', () => expect(statusesOf(judge(CHECK, [prod, fakeDetector({ features: withFeatures(feature('EKS_AUDIT_LOGS', 'DISABLED')) })]))).toEqual(['FAIL']));

  test('no detector in the region → FAIL; a suspended one → FAIL', () => {
    expect(statusesOf(judge(CHECK, [prod]))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [prod, fakeDetector({ status: 'DISABLED' })]))).toEqual(['FAIL']);
  });

  test('trap: a detector in another region does not watch this cluster', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeDetector({ region: 'us-east-1' })]))).toEqual(['FAIL']);
  });

  test('GuardDuty does not offer the plan in the region → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeDetector({ features: withoutFeatures('EKS_AUDIT_LOGS') })]))).toEqual(['NOT_APPLICABLE']);
  });

  test('the feature status is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeDetector({ features: withFeatures({ name: 'EKS_AUDIT_LOGS', status: unresolved('<Status>'), additionalConfiguration: [] }) })]))).toEqual(['UNKNOWN']);
  });

  test('GuardDuty could not be read in the region (an SCP) → UNKNOWN, never FAIL', () => {
    expect(statusesOf(judge(CHECK, [prod], { coverage: coverageDenying('guardduty.detector') }))).toEqual(['UNKNOWN']);
  });
});
