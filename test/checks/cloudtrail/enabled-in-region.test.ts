import { cloudtrailEnabledInRegion } from '../../../lib/checks/cloudtrail/enabled-in-region';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory } from '../../../lib/model';
import { ACCOUNT, REGION, deniedCoverage, inventoryOf, unresolved } from '../../fixtures/model';
import { NOW, US_EAST_1, fakeOrganizationTrail, fakeTrail, templateInventory } from '../../fixtures/trail';

const BOTH_REGIONS = { source: { regions: [REGION, US_EAST_1] }, alsoCollected: ['cloudtrail.trail' as const] };

function byRegion(inventory: Inventory) {
  const { findings } = runChecks(inventory, [cloudtrailEnabledInRegion], { now: NOW });
  for (const f of findings) expect(f).toMatchObject({ checkId: 'cloudtrail-enabled-in-region', resource: { id: `AWS::::Account:${ACCOUNT}`, kind: 'account' } });
  return Object.fromEntries(findings.map((f) => [f.resource.region, f.status]));
}

describe('cloudtrail-enabled-in-region', () => {
  test('a logging single-region trail covers its own region only', () => {
    expect(byRegion(inventoryOf([fakeTrail({ region: US_EAST_1, isMultiRegion: false })], BOTH_REGIONS))).toEqual({
      [REGION]: 'FAIL',
      [US_EAST_1]: 'PASS',
    });
  });

  test('an organization trail from the management account covers every region of the member', () => {
    expect(byRegion(inventoryOf([fakeOrganizationTrail()], BOTH_REGIONS))).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'PASS' });
  });

  test('a stopped trail does not count', () => {
    expect(byRegion(inventoryOf([fakeTrail({ status: { isLogging: false } })], BOTH_REGIONS))).toEqual({ [REGION]: 'FAIL', [US_EAST_1]: 'FAIL' });
  });

  test('no trail anywhere, every region listed → FAIL in each', () => {
    expect(byRegion(inventoryOf([], BOTH_REGIONS))).toEqual({ [REGION]: 'FAIL', [US_EAST_1]: 'FAIL' });
  });

  test('listing denied in us-east-1 → UNKNOWN there, and in eu-west-1 too: a multi-region trail homed in us-east-1 would be unseen', () => {
    const inventory = inventoryOf([], {
      source: { regions: [REGION, US_EAST_1] },
      coverage: [{ kind: 'cloudtrail.trail', region: REGION, status: 'ok' }, deniedCoverage('cloudtrail.trail', US_EAST_1, 'DescribeTrails')],
    });
    expect(byRegion(inventory)).toEqual({ [REGION]: 'UNKNOWN', [US_EAST_1]: 'UNKNOWN' });
  });

  test('listing denied elsewhere does not hide a trail that qualifies here', () => {
    const inventory = inventoryOf([fakeTrail({ isMultiRegion: false })], {
      source: { regions: [REGION, US_EAST_1] },
      coverage: [{ kind: 'cloudtrail.trail', region: REGION, status: 'ok' }, deniedCoverage('cloudtrail.trail', US_EAST_1, 'DescribeTrails')],
    });
    expect(byRegion(inventory)).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'UNKNOWN' });
  });

  test('IsLogging left to a template parameter → UNKNOWN', () => {
    expect(byRegion(inventoryOf([fakeTrail({ status: { isLogging: unresolved('<LoggingParam>') } })]))).toEqual({ [REGION]: 'UNKNOWN' });
  });

  test('a template without a trail → NOT_APPLICABLE', () => {
    expect(runChecks(templateInventory([], ['cloudtrail.trail']), [cloudtrailEnabledInRegion]).findings.map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });
});
