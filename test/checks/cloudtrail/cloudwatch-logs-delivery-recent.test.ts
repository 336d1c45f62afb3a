import { cloudtrailCloudwatchLogsDeliveryRecent } from '../../../lib/checks/cloudtrail/cloudwatch-logs-delivery-recent';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory, Trail } from '../../../lib/model';
import { REGION, deniedCoverage, inventoryOf, unresolved } from '../../fixtures/model';
import { NOW, asTemplateResource, fakeTrail, templateInventory } from '../../fixtures/trail';

const CHECK = 'cloudtrail-cloudwatch-logs-delivery-recent';
const hoursBefore = (date: Date, hours: number) => new Date(date.getTime() - hours * 3_600_000).toISOString();

function judge(inventory: Inventory, options: { now?: Date; maxDeliveryAgeHours?: number } = {}) {
  const checkOptions: Record<string, Record<string, unknown>> =
    options.maxDeliveryAgeHours === undefined ? {} : { [CHECK]: { maxDeliveryAgeHours: options.maxDeliveryAgeHours } };
  return runChecks(inventory, [cloudtrailCloudwatchLogsDeliveryRecent], { now: options.now ?? NOW, checkOptions }).findings.map((f) => ({
    checkId: f.checkId,
    status: f.status,
    resource: f.resource.id,
  }));
}

const statusOf = (trail: Trail, options: Parameters<typeof judge>[1] = {}) => judge(inventoryOf([trail]), options).map((f) => f.status);
const deliveredHoursAgo = (hours: number) => fakeTrail({ status: { latestCloudWatchLogsDeliveryTime: hoursBefore(NOW, hours) } });

describe(CHECK, () => {
  test('delivered 10 minutes ago → PASS on the trail', () => {
    const trail = fakeTrail();
    expect(judge(inventoryOf([trail]))).toEqual([{ checkId: CHECK, status: 'PASS', resource: trail.id }]);
  });

  test('no log group → FAIL', () => {
    expect(statusOf(fakeTrail({ cloudWatchLogsLogGroupArn: undefined }))).toEqual(['FAIL']);
  });

  test('a log group that never received anything → FAIL', () => {
    expect(statusOf(fakeTrail({ status: { latestCloudWatchLogsDeliveryTime: undefined, latestCloudWatchLogsDeliveryError: 'AccessDenied' } }))).toEqual([
      'FAIL',
    ]);
  });

  test('the last delivery is older than maxDeliveryAgeHours (default 24) → FAIL', () => {
    expect(statusOf(deliveredHoursAgo(23))).toEqual(['PASS']);
    expect(statusOf(deliveredHoursAgo(25))).toEqual(['FAIL']);
    expect(statusOf(deliveredHoursAgo(25), { maxDeliveryAgeHours: 48 })).toEqual(['PASS']);
  });

  test('age is measured when the inventory was collected, so an old snapshot is judged as it was', () => {
    const collectedAt = '2026-11-20T12:00:00.000Z';
    const inventory = inventoryOf([deliveredHoursAgo(1)], { source: { collectedAt } });
    expect(judge(inventory, { now: new Date('2027-02-01T00:00:00Z') }).map((f) => f.status)).toEqual(['PASS']);
    // Without a collection time the audit time is all there is.
    expect(judge(inventoryOf([deliveredHoursAgo(1)]), { now: new Date('2027-02-01T00:00:00Z') }).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('the log group is a template parameter → UNKNOWN', () => {
    expect(statusOf(fakeTrail({ cloudWatchLogsLogGroupArn: unresolved('<LogGroupParam>') }))).toEqual(['UNKNOWN']);
  });

  test('a template trail that declares a log group passes on the declaration (no delivery times in a template)', () => {
    const trail = asTemplateResource(fakeTrail({ status: { latestCloudWatchLogsDeliveryTime: undefined } }), 'Trail');
    expect(judge(templateInventory([trail], ['cloudtrail.trail'])).map((f) => f.status)).toEqual(['PASS']);
  });

  test('trail listing denied → UNKNOWN', () => {
    expect(judge(inventoryOf([fakeTrail()], { coverage: [deniedCoverage('cloudtrail.trail', REGION, 'GetTrailStatus')] })).map((f) => f.status)).toEqual([
      'UNKNOWN',
      'UNKNOWN',
    ]);
  });
});
