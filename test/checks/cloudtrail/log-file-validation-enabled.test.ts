import { cloudtrailLogFileValidationEnabled } from '../../../lib/checks/cloudtrail/log-file-validation-enabled';
import { runChecks } from '../../../lib/engine/run';
import type { Trail } from '../../../lib/model';
import { REGION, deniedCoverage, inventoryOf, unresolved } from '../../fixtures/model';
import { NOW, fakeOrganizationTrail, fakeTrail } from '../../fixtures/trail';

const judge = (trails: Trail[], options: Parameters<typeof inventoryOf>[1] = {}) =>
  runChecks(inventoryOf(trails, options), [cloudtrailLogFileValidationEnabled], { now: NOW }).findings.map((f) => ({
    checkId: f.checkId,
    status: f.status,
    resource: f.resource.id,
  }));

describe('cloudtrail-log-file-validation-enabled', () => {
  test('validation on → PASS, off → FAIL, one finding per trail', () => {
    const good = fakeTrail();
    const bad = fakeTrail({ name: 'legacy', logFileValidationEnabled: false });
    expect(judge([good, bad])).toEqual([
      { checkId: 'cloudtrail-log-file-validation-enabled', status: 'PASS', resource: good.id },
      { checkId: 'cloudtrail-log-file-validation-enabled', status: 'FAIL', resource: bad.id },
    ]);
  });

  test('an organization trail seen from a member is judged on its own ARN', () => {
    const org = fakeOrganizationTrail({ logFileValidationEnabled: false });
    expect(judge([org], { alsoCollected: ['cloudtrail.trail'] })).toEqual([{ checkId: 'cloudtrail-log-file-validation-enabled', status: 'FAIL', resource: org.id }]);
  });

  test('unresolved EnableLogFileValidation → UNKNOWN', () => {
    expect(judge([fakeTrail({ logFileValidationEnabled: unresolved('<ValidationParam>') })]).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('trail listing denied → UNKNOWN for the region and the trail', () => {
    expect(judge([fakeTrail()], { coverage: [deniedCoverage('cloudtrail.trail', REGION, 'DescribeTrails')] }).map((f) => f.status)).toEqual([
      'UNKNOWN',
      'UNKNOWN',
    ]);
  });
});
