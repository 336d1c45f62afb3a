import type { ResourceCheck } from '../../../lib/engine/check';
import { runChecks } from '../../../lib/engine/run';
import type { Detector, Inventory } from '../../../lib/model';
import { REGION, deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import { GUARDDUTY_ADMIN, fakeDetector, feature, withFeatures, withoutFeatures } from '../../fixtures/guardduty';
import { asTemplateResource, templateInventory } from '../../fixtures/trail';

/** The cases every protection-plan check shares: on, off, not offered, suspended, member of an administrator, unresolved, not collected. */
export function protectionPlanCases(check: ResourceCheck<'guardduty.detector'>, featureName: string): void {
  const judge = (inventory: Inventory) =>
    runChecks(inventory, [check]).findings.map((f) => ({ checkId: f.checkId, status: f.status, resource: f.resource.id, evidence: f.evidence }));
  const statusOf = (detector: Detector) => judge(inventoryOf([detector])).map((f) => f.status);

  test(`${featureName} enabled → PASS on the detector`, () => {
    const detector = fakeDetector();
    expect(judge(inventoryOf([detector]))).toEqual([expect.objectContaining({ checkId: check.id, status: 'PASS', resource: detector.id })]);
  });

  test(`${featureName} disabled → FAIL`, () => {
    expect(statusOf(fakeDetector({ features: withFeatures(feature(featureName, 'DISABLED')) }))).toEqual(['FAIL']);
  });

  test('a suspended detector runs no plan → FAIL, whatever the feature says', () => {
    expect(statusOf(fakeDetector({ status: 'DISABLED' }))).toEqual(['FAIL']);
  });

  test('a member account: the FAIL names the administrator account that controls the plan', () => {
    const member = fakeDetector({
      features: withFeatures(feature(featureName, 'DISABLED')),
      administrator: { accountId: GUARDDUTY_ADMIN, relationshipStatus: 'Enabled' },
    });
    expect(judge(inventoryOf([member]))).toEqual([
      expect.objectContaining({ status: 'FAIL', evidence: expect.objectContaining({ administratorAccountId: GUARDDUTY_ADMIN }) }),
    ]);
  });

  test('a live detector that does not list the feature: not offered in the region → NOT_APPLICABLE', () => {
    expect(statusOf(fakeDetector({ features: withoutFeatures(featureName) }))).toEqual(['NOT_APPLICABLE']);
  });

  test('a template detector that does not declare the feature → FAIL', () => {
    const detector = asTemplateResource(fakeDetector({ features: withoutFeatures(featureName) }), 'Detector');
    expect(judge(templateInventory([detector], ['guardduty.detector'])).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('the feature status is a template parameter → UNKNOWN', () => {
    expect(statusOf(fakeDetector({ features: withFeatures({ ...feature(featureName), status: unresolved('<PlanParam>') }) }))).toEqual(['UNKNOWN']);
  });

  test('a failed GetAdministratorAccount (a coverage part) does not block the verdict', () => {
    const adminPart = { ...deniedCoverage('guardduty.detector', REGION, 'GetAdministratorAccount'), part: 'administrator' };
    const inventory = inventoryOf([fakeDetector()], { coverage: [okCoverage('guardduty.detector', REGION), adminPart] });
    expect(judge(inventory).map((f) => f.status)).toEqual(['PASS']);
  });

  test('detectors could not be listed → UNKNOWN, never PASS', () => {
    const inventory = inventoryOf([fakeDetector()], { coverage: [deniedCoverage('guardduty.detector', REGION, 'GetDetector')] });
    expect(judge(inventory).map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
}
