import { cloudtrailMultiRegionTrailLogging } from '../../../lib/checks/cloudtrail/multi-region-trail-logging';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory } from '../../../lib/model';
import { ACCOUNT, REGION, deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import {
  NOW,
  US_EAST_1,
  advancedSelector,
  asTemplateResource,
  fakeOrganizationTrail,
  fakeTrail,
  managementSelector,
  templateInventory,
} from '../../fixtures/trail';

const CHECK = 'cloudtrail-multi-region-trail-logging';
const ACCOUNT_RESOURCE = `AWS::::Account:${ACCOUNT}`;
const BOTH_REGIONS = { source: { regions: [REGION, US_EAST_1] }, alsoCollected: ['cloudtrail.trail' as const] };

function byRegion(inventory: Inventory, checkOptions: Record<string, unknown> = {}) {
  const { findings } = runChecks(inventory, [cloudtrailMultiRegionTrailLogging], { now: NOW, checkOptions: { [CHECK]: checkOptions } });
  for (const f of findings) {
    expect(f.checkId).toBe(CHECK);
    expect(f.resource).toMatchObject({ id: ACCOUNT_RESOURCE, kind: 'account', accountId: ACCOUNT });
  }
  return Object.fromEntries(findings.map((f) => [f.resource.region, f.status]));
}

const oneRegion = (...trails: Parameters<typeof inventoryOf>[0]) => byRegion(inventoryOf(trails, { alsoCollected: ['cloudtrail.trail'] }));

describe(CHECK, () => {
  test('a logging multi-region trail with all management events → PASS, reported on the account', () => {
    expect(oneRegion(fakeTrail())).toEqual({ [REGION]: 'PASS' });
  });

  test('no trail at all, listing succeeded → FAIL (absence is evidence)', () => {
    expect(oneRegion()).toEqual({ [REGION]: 'FAIL' });
  });

  test('the trail listing was denied → UNKNOWN, never PASS or FAIL', () => {
    const inventory = inventoryOf([fakeTrail()], { coverage: [deniedCoverage('cloudtrail.trail', REGION, 'DescribeTrails')] });
    const { findings } = runChecks(inventory, [cloudtrailMultiRegionTrailLogging], { now: NOW });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test.each([
    ['a single-region trail', fakeTrail({ isMultiRegion: false })],
    ['a stopped trail', fakeTrail({ status: { isLogging: false } })],
    ['write-only management events', fakeTrail({ eventSelectors: [managementSelector('WriteOnly')] })],
    ['read-only management events', fakeTrail({ eventSelectors: [managementSelector('ReadOnly')] })],
    ['management events switched off', fakeTrail({ eventSelectors: [managementSelector('All', { includeManagementEvents: false })] })],
    ['KMS events excluded', fakeTrail({ eventSelectors: [managementSelector('All', { excludeManagementEventSources: ['kms.amazonaws.com'] })] })],
  ])('%s → FAIL', (_name, trail) => {
    expect(oneRegion(trail)).toEqual({ [REGION]: 'FAIL' });
  });

  test('reads and writes from two basic selectors add up → PASS', () => {
    expect(oneRegion(fakeTrail({ eventSelectors: [managementSelector('ReadOnly'), managementSelector('WriteOnly')] }))).toEqual({ [REGION]: 'PASS' });
  });

  test('an excluded source listed in allowedExcludedEventSources is accepted', () => {
    const trail = fakeTrail({ eventSelectors: [managementSelector('All', { excludeManagementEventSources: ['kms.amazonaws.com'] })] });
    const inventory = inventoryOf([trail]);
    expect(byRegion(inventory, { allowedExcludedEventSources: ['kms.amazonaws.com'] })).toEqual({ [REGION]: 'PASS' });
    expect(byRegion(inventory, { allowedExcludedEventSources: ['rdsdata.amazonaws.com'] })).toEqual({ [REGION]: 'FAIL' });
  });

  describe('advanced event selectors', () => {
    const management = advancedSelector('Management', ['eventCategory', 'equals', ['Management']]);
    const advanced = (...selectors: ReturnType<typeof advancedSelector>[]) => oneRegion(fakeTrail({ eventSelectors: [], advancedEventSelectors: selectors }));

    test('eventCategory = Management alone records reads and writes → PASS', () => {
      expect(advanced(management)).toEqual({ [REGION]: 'PASS' });
    });

    test('readOnly = true keeps reads only → FAIL', () => {
      expect(advanced(advancedSelector('Reads', ['eventCategory', 'equals', ['Management']], ['readOnly', 'equals', ['true']]))).toEqual({ [REGION]: 'FAIL' });
    });

    test('a read selector and a write selector together → PASS', () => {
      const reads = advancedSelector('Reads', ['eventCategory', 'equals', ['Management']], ['readOnly', 'equals', ['true']]);
      const writes = advancedSelector('Writes', ['eventCategory', 'equals', ['Management']], ['readOnly', 'equals', ['false']]);
      expect(advanced(reads, writes)).toEqual({ [REGION]: 'PASS' });
    });

    test('eventSource NotEquals kms.amazonaws.com is an exclusion → FAIL', () => {
      expect(advanced(advancedSelector('No KMS', ['eventCategory', 'equals', ['Management']], ['eventSource', 'notEquals', ['kms.amazonaws.com']]))).toEqual({
        [REGION]: 'FAIL',
      });
    });

    test('data-event selectors alone record no management events → FAIL', () => {
      expect(advanced(advancedSelector('S3', ['eventCategory', 'equals', ['Data']], ['resources.type', 'equals', ['AWS::S3::Object']]))).toEqual({
        [REGION]: 'FAIL',
      });
    });

    test('when advanced selectors are present they are in force, not the basic ones', () => {
      const trail = fakeTrail({
        eventSelectors: [managementSelector('All')],
        advancedEventSelectors: [advancedSelector('S3', ['eventCategory', 'equals', ['Data']], ['resources.type', 'equals', ['AWS::S3::Object']])],
      });
      expect(oneRegion(trail)).toEqual({ [REGION]: 'FAIL' });
    });
  });

  describe('trails homed in other regions', () => {
    test('an organization trail of the management account, homed in us-east-1, counts for the member in every region', () => {
      const inventory = inventoryOf([fakeOrganizationTrail()], BOTH_REGIONS);
      expect(byRegion(inventory)).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'PASS' });
    });

    test('a multi-region trail homed in us-east-1 counts in eu-west-1', () => {
      expect(byRegion(inventoryOf([fakeTrail({ region: US_EAST_1 })], BOTH_REGIONS))).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'PASS' });
    });

    test('a single-region trail elsewhere does not count here', () => {
      const inventory = inventoryOf([fakeTrail({ region: US_EAST_1, isMultiRegion: false })], BOTH_REGIONS);
      expect(byRegion(inventory)).toEqual({ [REGION]: 'FAIL', [US_EAST_1]: 'FAIL' });
    });

    test('a multi-region trail whose home region could not be collected → UNKNOWN here, not PASS', () => {
      const inventory = inventoryOf([fakeTrail({ region: US_EAST_1 })], {
        source: { regions: [REGION, US_EAST_1] },
        coverage: [okCoverage('cloudtrail.trail', REGION), deniedCoverage('cloudtrail.trail', US_EAST_1, 'GetEventSelectors')],
      });
      expect(byRegion(inventory)).toEqual({ [REGION]: 'UNKNOWN', [US_EAST_1]: 'UNKNOWN' });
    });

    test('trail listing denied in us-east-1, where the only multi-region trail is homed → eu-west-1 is UNKNOWN, not FAIL', () => {
      // The trail is recorded only in its home region, so a failed listing there hides it from every region.
      const inventory = inventoryOf([fakeTrail({ isMultiRegion: false, status: { isLogging: false } })], {
        source: { regions: [REGION, US_EAST_1] },
        coverage: [okCoverage('cloudtrail.trail', REGION), deniedCoverage('cloudtrail.trail', US_EAST_1, 'DescribeTrails')],
      });
      expect(byRegion(inventory)).toEqual({ [REGION]: 'UNKNOWN', [US_EAST_1]: 'UNKNOWN' });
    });

    test('a region not collected at all also leaves the others UNKNOWN rather than FAIL', () => {
      const inventory = inventoryOf([], { source: { regions: [REGION, US_EAST_1] }, coverage: [okCoverage('cloudtrail.trail', REGION)] });
      expect(byRegion(inventory)).toEqual({ [REGION]: 'UNKNOWN', [US_EAST_1]: 'UNKNOWN' });
    });

    test('a trail whose own describe call failed is UNKNOWN unless another trail qualifies', () => {
      const broken = fakeOrganizationTrail({
        incomplete: { code: 'ACCESS_DENIED', operation: 'GetTrailStatus', message: 'not authorized to perform GetTrailStatus' },
      });
      expect(byRegion(inventoryOf([broken], BOTH_REGIONS))).toEqual({ [REGION]: 'UNKNOWN', [US_EAST_1]: 'UNKNOWN' });
      expect(byRegion(inventoryOf([broken, fakeTrail()], BOTH_REGIONS))).toEqual({ [REGION]: 'PASS', [US_EAST_1]: 'PASS' });
    });
  });

  describe('unresolved template values', () => {
    test('an unresolved IsMultiRegionTrail → UNKNOWN', () => {
      expect(oneRegion(fakeTrail({ isMultiRegion: unresolved('<MultiRegionParam>') }))).toEqual({ [REGION]: 'UNKNOWN' });
    });

    test('an unresolved selector value → UNKNOWN', () => {
      expect(oneRegion(fakeTrail({ eventSelectors: [managementSelector(unresolved('<RwParam>'))] }))).toEqual({ [REGION]: 'UNKNOWN' });
    });

    test('an unresolved value on one trail does not hide another trail that qualifies', () => {
      expect(oneRegion(fakeTrail({ name: 'other', isMultiRegion: unresolved('<P>') }), fakeTrail())).toEqual({ [REGION]: 'PASS' });
    });
  });

  describe('templates', () => {
    test('a template that declares no trail → NOT_APPLICABLE (a stack is not an account)', () => {
      const { findings } = runChecks(templateInventory([], ['cloudtrail.trail']), [cloudtrailMultiRegionTrailLogging], { now: NOW });
      expect(findings.map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
    });

    test('a template that declares a hardened trail → PASS', () => {
      const trail = asTemplateResource(fakeTrail(), 'Trail');
      const { findings } = runChecks(templateInventory([trail], ['cloudtrail.trail']), [cloudtrailMultiRegionTrailLogging], { now: NOW });
      expect(findings.map((f) => f.status)).toEqual(['PASS']);
    });
  });
});
