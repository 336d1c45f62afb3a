import { cloudtrailEncryptedWithKms } from '../../../lib/checks/cloudtrail/encrypted-with-kms';
import { runChecks } from '../../../lib/engine/run';
import type { Trail } from '../../../lib/model';
import { REGION, deniedCoverage, inventoryOf, unresolved } from '../../fixtures/model';
import { NOW, fakeTrail } from '../../fixtures/trail';

const judge = (trails: Trail[], options: Parameters<typeof inventoryOf>[1] = {}) =>
  runChecks(inventoryOf(trails, options), [cloudtrailEncryptedWithKms], { now: NOW }).findings.map((f) => ({
    checkId: f.checkId,
    status: f.status,
    resource: f.resource.id,
  }));

describe('cloudtrail-encrypted-with-kms', () => {
  test('a KMS key → PASS; none (SSE-S3 only) → FAIL', () => {
    const good = fakeTrail();
    const bad = fakeTrail({ name: 'plain', kmsKeyId: undefined });
    expect(judge([good, bad])).toEqual([
      { checkId: 'cloudtrail-encrypted-with-kms', status: 'PASS', resource: good.id },
      { checkId: 'cloudtrail-encrypted-with-kms', status: 'FAIL', resource: bad.id },
    ]);
  });

  test('the key is a template parameter → UNKNOWN', () => {
    expect(judge([fakeTrail({ kmsKeyId: unresolved('<TrailKeyParam>') })]).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('trail listing denied → UNKNOWN, never PASS', () => {
    expect(judge([fakeTrail()], { coverage: [deniedCoverage('cloudtrail.trail', REGION, 'DescribeTrails')] }).map((f) => f.status)).toEqual([
      'UNKNOWN',
      'UNKNOWN',
    ]);
  });
});
