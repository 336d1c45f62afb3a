import { cloudtrailInsightsEnabled } from '../../../lib/checks/cloudtrail/insights-enabled';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory } from '../../../lib/model';
import { ACCOUNT, REGION, deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import { NOW, US_EAST_1, asTemplateResource, fakeOrganizationTrail, fakeTrail, templateInventory } from '../../fixtures/trail';

const CHECK = 'cloudtrail-insights-enabled';
const BOTH_REGIONS = { source: { regions: [REGION, US_EAST_1] }, alsoCollected: ['cloudtrail.trail' as const] };

function byRegion(inventory: Inventory) {
  const { findings } = runChecks(inventory, [cloudtrailInsightsEnabled], { now: NOW });
  for (const f of findings) expect(f).toMatchObject({ checkId: CHECK, resource: { id: `AWS::::Account:${ACCOUNT}`, kind: 'account' } });
  return Object.fromEntries(findings.map((f) => [f.resource.region, f.status]));
}

describe(CHECK, () => {
  test('a logging multi-region trail with Insights → PASS in every region it records', () => {
    expect(byRegion(inventoryOf([fakeTrail({ hasInsightSelectors: true })], BOTH_REGIONS))).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'PASS' });
  });

  test('trails without Insights selectors → FAIL', () => {
    expect(byRegion(inventoryOf([fakeTrail({ hasInsightSelectors: false })], BOTH_REGIONS))).toEqual({ [REGION]: 'FAIL', [US_EAST_1]: 'FAIL' });
  });

  test('Insights on a stopped trail does not count', () => {
    expect(byRegion(inventoryOf([fakeTrail({ hasInsightSelectors: true, status: { isLogging: false } })]))).toEqual({ [REGION]: 'FAIL' });
  });

  test('Insights on a single-region trail covers its own region only', () => {
    const trail = fakeTrail({ region: US_EAST_1, isMultiRegion: false, hasInsightSelectors: true });
    expect(byRegion(inventoryOf([trail], BOTH_REGIONS))).toEqual({ [REGION]: 'FAIL', [US_EAST_1]: 'PASS' });
  });

  test('an organization trail with Insights counts for the member account', () => {
    expect(byRegion(inventoryOf([fakeOrganizationTrail({ hasInsightSelectors: true })], BOTH_REGIONS))).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'PASS' });
  });

  test('the trail listing was denied → UNKNOWN', () => {
    const inventory = inventoryOf([fakeTrail({ hasInsightSelectors: true })], { coverage: [deniedCoverage('cloudtrail.trail', REGION, 'DescribeTrails')] });
    expect(byRegion(inventory)).toEqual({ [REGION]: 'UNKNOWN' });
  });

  test('listing denied in us-east-1, where a multi-region trail with Insights may be homed → eu-west-1 UNKNOWN, not FAIL', () => {
    const inventory = inventoryOf([fakeTrail({ hasInsightSelectors: false })], {
      source: { regions: [REGION, US_EAST_1] },
      coverage: [okCoverage('cloudtrail.trail', REGION), deniedCoverage('cloudtrail.trail', US_EAST_1, 'DescribeTrails')],
    });
    expect(byRegion(inventory)).toEqual({ [REGION]: 'UNKNOWN', [US_EAST_1]: 'UNKNOWN' });
  });

  test('the Insights setting was not recorded (older snapshot) → UNKNOWN unless another trail qualifies', () => {
    const unrecorded = fakeTrail({ name: 'old' });
    expect(byRegion(inventoryOf([unrecorded]))).toEqual({ [REGION]: 'UNKNOWN' });
    expect(byRegion(inventoryOf([unrecorded, fakeTrail({ name: 'new', hasInsightSelectors: true })]))).toEqual({ [REGION]: 'PASS' });
  });

  test('InsightSelectors left to a template parameter → UNKNOWN', () => {
    const declared = asTemplateResource(fakeTrail({ hasInsightSelectors: unresolved('<InsightsParam>') }), 'Trail');
    const { findings } = runChecks(templateInventory([declared], ['cloudtrail.trail']), [cloudtrailInsightsEnabled]);
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('a template without a trail → NOT_APPLICABLE', () => {
    expect(runChecks(templateInventory([], ['cloudtrail.trail']), [cloudtrailInsightsEnabled]).findings.map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });

  test('maps to Well-Architected SEC04-BP01, as no Security Hub or CIS control covers Insights', () => {
    expect(cloudtrailInsightsEnabled.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC04-BP01'] });
  });
});
