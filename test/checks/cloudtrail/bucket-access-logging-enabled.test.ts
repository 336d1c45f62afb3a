import { cloudtrailBucketAccessLoggingEnabled } from '../../../lib/checks/cloudtrail/bucket-access-logging-enabled';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory } from '../../../lib/model';
import { deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import { NOW, bucketOf, fakeOrganizationTrail, fakeTrail } from '../../fixtures/trail';

const CHECK = 'cloudtrail-bucket-access-logging-enabled';
const trail = fakeTrail();

function judge(inventory: Inventory) {
  return runChecks(inventory, [cloudtrailBucketAccessLoggingEnabled], { now: NOW }).findings.map((f) => ({
    checkId: f.checkId,
    status: f.status,
    resource: f.resource.id,
  }));
}

describe(CHECK, () => {
  test('access logging on → PASS, reported on the trail', () => {
    expect(judge(inventoryOf([trail, bucketOf(trail)]))).toEqual([{ checkId: CHECK, status: 'PASS', resource: trail.id }]);
  });

  test('access logging off → FAIL', () => {
    expect(judge(inventoryOf([trail, bucketOf(trail, { accessLogging: { enabled: false } })]))).toEqual([
      { checkId: CHECK, status: 'FAIL', resource: trail.id },
    ]);
  });

  test('the bucket of a member\'s organization trail is not in the inventory → UNKNOWN, never PASS', () => {
    const org = fakeOrganizationTrail();
    const findings = judge(inventoryOf([org], { alsoCollected: ['s3.bucket', 'cloudtrail.trail'] }));
    expect(findings.filter((f) => f.resource === org.id)).toEqual([{ checkId: CHECK, status: 'UNKNOWN', resource: org.id }]);
  });

  test('buckets were not collected → UNKNOWN', () => {
    const inventory = inventoryOf([trail, bucketOf(trail)], { coverage: [okCoverage('cloudtrail.trail'), deniedCoverage('s3.bucket', 'global', 'GetBucketLogging')] });
    expect(judge(inventory).filter((f) => f.resource === trail.id).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('logging left to a template parameter → UNKNOWN', () => {
    expect(judge(inventoryOf([trail, bucketOf(trail, { accessLogging: { enabled: unresolved('<LoggingParam>') } })])).map((f) => f.status)).toEqual([
      'UNKNOWN',
    ]);
  });
});
