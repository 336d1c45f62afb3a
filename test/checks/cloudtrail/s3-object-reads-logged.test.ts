import { cloudtrailS3ObjectReadsLogged } from '../../../lib/checks/cloudtrail/s3-object-reads-logged';
import { runChecks } from '../../../lib/engine/run';
import type { EventSelector, Inventory, Resolvable, Trail } from '../../../lib/model';
import { ACCOUNT, REGION, deniedCoverage, inventoryOf, unresolved } from '../../fixtures/model';
import { NOW, advancedSelector, fakeTrail, managementSelector } from '../../fixtures/trail';

const CHECK = 'cloudtrail-s3-object-reads-logged';

function byRegion(inventory: Inventory) {
  const { findings } = runChecks(inventory, [cloudtrailS3ObjectReadsLogged], { now: NOW });
  for (const f of findings) expect(f).toMatchObject({ checkId: CHECK, resource: { id: `AWS::::Account:${ACCOUNT}`, kind: 'account' } });
  return Object.fromEntries(findings.map((f) => [f.resource.region, f.status]));
}

const s3Selector = (readWriteType: EventSelector['readWriteType'], ...values: Resolvable<string>[]): EventSelector =>
  managementSelector(readWriteType, { dataResources: [{ type: 'AWS::S3::Object', values }] });
const judgeOne = (trail: Trail) => byRegion(inventoryOf([trail]))[REGION];
const s3Advanced = (...conditions: Parameters<typeof advancedSelector>[1][]) =>
  fakeTrail({
    eventSelectors: [],
    advancedEventSelectors: [
      advancedSelector('Management', ['eventCategory', 'equals', ['Management']]),
      advancedSelector('S3', ['eventCategory', 'equals', ['Data']], ['resources.type', 'equals', ['AWS::S3::Object']], ...conditions),
    ],
  });

describe(CHECK, () => {
  test('basic selector for every bucket: All or ReadOnly → PASS, WriteOnly → FAIL', () => {
    expect(judgeOne(fakeTrail({ eventSelectors: [managementSelector(), s3Selector('All', 'arn:aws:s3')] }))).toBe('PASS');
    expect(judgeOne(fakeTrail({ eventSelectors: [managementSelector(), s3Selector('ReadOnly', 'arn:aws:s3')] }))).toBe('PASS');
    expect(judgeOne(fakeTrail({ eventSelectors: [managementSelector(), s3Selector('WriteOnly', 'arn:aws:s3')] }))).toBe('FAIL');
  });

  test('advanced selector: readOnly = true → PASS, readOnly = false → FAIL, a writes-only bucket selector (the demo\'s) → FAIL', () => {
    expect(judgeOne(s3Advanced(['readOnly', 'equals', ['true']]))).toBe('PASS');
    expect(judgeOne(s3Advanced(['readOnly', 'equals', ['false']]))).toBe('FAIL');
    expect(judgeOne(s3Advanced(['readOnly', 'equals', ['false']], ['resources.ARN', 'startsWith', ['arn:aws:s3:::audit-logs/']]))).toBe('FAIL');
  });

  test('no trail records data events → FAIL', () => {
    expect(judgeOne(fakeTrail())).toBe('FAIL');
  });

  test('an unresolved readOnly value → UNKNOWN', () => {
    expect(judgeOne(s3Advanced(['readOnly', 'equals', [unresolved('<ReadOnlyParam>')]]))).toBe('UNKNOWN');
  });

  test('trail listing denied → UNKNOWN', () => {
    expect(byRegion(inventoryOf([s3Advanced()], { coverage: [deniedCoverage('cloudtrail.trail', REGION, 'GetEventSelectors')] }))).toEqual({
      [REGION]: 'UNKNOWN',
    });
  });
});

test('maps to S3.23 and CIS 3.9', () => {
  expect(cloudtrailS3ObjectReadsLogged.frameworks).toEqual({
    securityHub: ['S3.23'],
    cisAws: { '3.0': ['3.9'], '4.0': ['3.9'] },
    cisEks: {},
    wellArchitected: [],
  });
});
