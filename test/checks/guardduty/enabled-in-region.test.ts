import { guarddutyEnabledInRegion } from '../../../lib/checks/guardduty/enabled-in-region';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory } from '../../../lib/model';
import { REGION, deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import { GUARDDUTY_ADMIN, fakeDetector } from '../../fixtures/guardduty';
import { US_EAST_1, asTemplateResource, templateInventory } from '../../fixtures/trail';

const CHECK = 'guardduty-enabled-in-region';
const BOTH_REGIONS = { source: { regions: [REGION, US_EAST_1] }, alsoCollected: ['guardduty.detector' as const] };

function findings(inventory: Inventory) {
  const report = runChecks(inventory, [guarddutyEnabledInRegion]);
  const account = inventory.source.accountId ?? 'unknown';
  for (const f of report.findings) expect(f).toMatchObject({ checkId: CHECK, resource: { id: `AWS::::Account:${account}`, kind: 'account' } });
  return report.findings;
}
const byRegion = (inventory: Inventory) => Object.fromEntries(findings(inventory).map((f) => [f.resource.region, f.status]));

describe(CHECK, () => {
  test('an enabled detector in each region → PASS per region', () => {
    expect(byRegion(inventoryOf([fakeDetector(), fakeDetector({ region: US_EAST_1 })], BOTH_REGIONS))).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'PASS' });
  });

  test('a region whose listing succeeded and holds no detector → FAIL, not UNKNOWN', () => {
    expect(byRegion(inventoryOf([fakeDetector()], BOTH_REGIONS))).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'FAIL' });
  });

  test('a region whose listing was denied → UNKNOWN', () => {
    const inventory = inventoryOf([fakeDetector()], {
      source: { regions: [REGION, US_EAST_1] },
      coverage: [okCoverage('guardduty.detector', REGION), deniedCoverage('guardduty.detector', US_EAST_1, 'ListDetectors')],
    });
    expect(byRegion(inventory)).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'UNKNOWN' });
  });

  test('a failed administrator or finding-count call does not block the verdict; a failed listing does', () => {
    const part = (name: string) => ({ ...deniedCoverage('guardduty.detector', REGION, 'GetAdministratorAccount'), part: name });
    const withPartFailures = inventoryOf([fakeDetector()], {
      coverage: [okCoverage('guardduty.detector', REGION), part('administrator'), part('activeFindings')],
    });
    expect(byRegion(withPartFailures)).toEqual({ [REGION]: 'PASS' });
  });

  test('a suspended detector → FAIL', () => {
    expect(byRegion(inventoryOf([fakeDetector({ status: 'DISABLED' })]))).toEqual({ [REGION]: 'FAIL' });
  });

  test('a member managed by a delegated administrator passes on its own detector, naming the administrator', () => {
    const member = fakeDetector({ administrator: { accountId: GUARDDUTY_ADMIN, relationshipStatus: 'Enabled' } });
    const [finding] = findings(inventoryOf([member]));
    expect(finding).toMatchObject({ status: 'PASS', evidence: { detector: member.id, administratorAccountId: GUARDDUTY_ADMIN } });
  });

  test('a suspended member detector still FAILs: being managed does not make it run', () => {
    const member = fakeDetector({ status: 'DISABLED', administrator: { accountId: GUARDDUTY_ADMIN, relationshipStatus: 'Enabled' } });
    expect(byRegion(inventoryOf([member]))).toEqual({ [REGION]: 'FAIL' });
  });

  test('a detector whose GetDetector failed → UNKNOWN', () => {
    const broken = fakeDetector({ incomplete: { code: 'ACCESS_DENIED', operation: 'GetDetector', message: 'not authorized' } });
    expect(byRegion(inventoryOf([broken]))).toEqual({ [REGION]: 'UNKNOWN' });
  });

  test('an unresolved detector status → UNKNOWN', () => {
    expect(byRegion(inventoryOf([fakeDetector({ status: unresolved('<EnableParam>') })]))).toEqual({ [REGION]: 'UNKNOWN' });
  });

  test('templates: none declared → NOT_APPLICABLE; an enabled one declared → PASS', () => {
    expect(findings(templateInventory([], ['guardduty.detector'])).map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
    const declared = asTemplateResource(fakeDetector(), 'Detector');
    expect(findings(templateInventory([declared], ['guardduty.detector'])).map((f) => f.status)).toEqual(['PASS']);
  });
});
