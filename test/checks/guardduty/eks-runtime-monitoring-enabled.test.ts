import { guarddutyEksRuntimeMonitoringEnabled } from '../../../lib/checks/guardduty/eks-runtime-monitoring-enabled';
import { runChecks } from '../../../lib/engine/run';
import type { Detector, DetectorFeature, Inventory } from '../../../lib/model';
import { REGION, deniedCoverage, inventoryOf, unresolved } from '../../fixtures/model';
import { GUARDDUTY_ADMIN, fakeDetector, feature, withFeatures, withoutFeatures } from '../../fixtures/guardduty';
import { asTemplateResource, templateInventory } from '../../fixtures/trail';

const CHECK = 'guardduty-eks-runtime-monitoring-enabled';
const MANAGED = { EKS_ADDON_MANAGEMENT: 'ENABLED' } as const;
const MANUAL = { EKS_ADDON_MANAGEMENT: 'DISABLED' } as const;

function judge(inventory: Inventory, checkOptions: Record<string, unknown> = {}) {
  return runChecks(inventory, [guarddutyEksRuntimeMonitoringEnabled], { checkOptions: { [CHECK]: checkOptions } }).findings.map((f) => ({
    checkId: f.checkId,
    status: f.status,
    resource: f.resource.id,
    evidence: f.evidence,
  }));
}
const statusWith = (features: DetectorFeature[], checkOptions: Record<string, unknown> = {}) =>
  judge(inventoryOf([fakeDetector({ features })]), checkOptions).map((f) => f.status);
const runtimeOnly = (...runtime: DetectorFeature[]) => [...withoutFeatures('RUNTIME_MONITORING'), ...runtime];

describe(CHECK, () => {
  test('unified RUNTIME_MONITORING with EKS_ADDON_MANAGEMENT → PASS on the detector', () => {
    const detector = fakeDetector();
    expect(judge(inventoryOf([detector]))).toEqual([
      expect.objectContaining({ checkId: CHECK, status: 'PASS', resource: detector.id, evidence: expect.objectContaining({ enabledBy: 'RUNTIME_MONITORING' }) }),
    ]);
  });

  test('legacy EKS_RUNTIME_MONITORING with EKS_ADDON_MANAGEMENT alone → PASS', () => {
    expect(statusWith(runtimeOnly(feature('EKS_RUNTIME_MONITORING', 'ENABLED', MANAGED)))).toEqual(['PASS']);
  });

  test('migrated account: unified on, legacy reported DISABLED → PASS (never both demanded)', () => {
    expect(statusWith(runtimeOnly(feature('RUNTIME_MONITORING', 'ENABLED', MANAGED), feature('EKS_RUNTIME_MONITORING', 'DISABLED', MANUAL)))).toEqual(['PASS']);
  });

  test('legacy on, unified listed DISABLED → PASS', () => {
    expect(statusWith(runtimeOnly(feature('RUNTIME_MONITORING', 'DISABLED', MANUAL), feature('EKS_RUNTIME_MONITORING', 'ENABLED', MANAGED)))).toEqual(['PASS']);
  });

  test('both listed and both DISABLED → FAIL', () => {
    expect(statusWith(runtimeOnly(feature('RUNTIME_MONITORING', 'DISABLED'), feature('EKS_RUNTIME_MONITORING', 'DISABLED')))).toEqual(['FAIL']);
  });

  test('runtime monitoring on but the agent not managed by GuardDuty → FAIL, unless allowManualAgent', () => {
    const manual = runtimeOnly(feature('RUNTIME_MONITORING', 'ENABLED', MANUAL));
    expect(statusWith(manual)).toEqual(['FAIL']);
    expect(statusWith(manual, { allowManualAgent: true })).toEqual(['PASS']);
    // No additional configuration listed at all reads as "not managed".
    expect(statusWith(runtimeOnly(feature('RUNTIME_MONITORING', 'ENABLED')))).toEqual(['FAIL']);
  });

  test('a suspended detector → FAIL', () => {
    expect(judge(inventoryOf([fakeDetector({ status: 'DISABLED' })])).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('a delegated-admin member whose plan is off: the FAIL names the administrator', () => {
    const member: Detector = fakeDetector({
      features: runtimeOnly(feature('RUNTIME_MONITORING', 'DISABLED')),
      administrator: { accountId: GUARDDUTY_ADMIN, relationshipStatus: 'Enabled' },
    });
    expect(judge(inventoryOf([member]))).toEqual([
      expect.objectContaining({ status: 'FAIL', evidence: expect.objectContaining({ administratorAccountId: GUARDDUTY_ADMIN }) }),
    ]);
  });

  test('neither feature listed: live → NOT_APPLICABLE (not offered here); template → FAIL', () => {
    expect(statusWith(runtimeOnly())).toEqual(['NOT_APPLICABLE']);
    const declared = asTemplateResource(fakeDetector({ features: runtimeOnly() }), 'Detector');
    expect(judge(templateInventory([declared], ['guardduty.detector'])).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('agent management left to a template parameter → UNKNOWN', () => {
    const features = withFeatures({
      name: 'RUNTIME_MONITORING',
      status: 'ENABLED',
      additionalConfiguration: [{ name: 'EKS_ADDON_MANAGEMENT', status: unresolved('<AddonParam>') }],
    });
    expect(statusWith(features)).toEqual(['UNKNOWN']);
  });

  test('detectors could not be read → UNKNOWN', () => {
    const inventory = inventoryOf([fakeDetector()], { coverage: [deniedCoverage('guardduty.detector', REGION, 'GetDetector')] });
    expect(judge(inventory).map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
