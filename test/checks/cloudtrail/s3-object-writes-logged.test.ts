import { cloudtrailS3ObjectWritesLogged } from '../../../lib/checks/cloudtrail/s3-object-writes-logged';
import { runChecks } from '../../../lib/engine/run';
import type { EventSelector, Inventory, Resolvable, Trail } from '../../../lib/model';
import { ACCOUNT, REGION, deniedCoverage, inventoryOf, unresolved } from '../../fixtures/model';
import { NOW, US_EAST_1, advancedSelector, fakeOrganizationTrail, fakeTrail, managementSelector, templateInventory } from '../../fixtures/trail';

const CHECK = 'cloudtrail-s3-object-writes-logged';

function byRegion(inventory: Inventory) {
  const { findings } = runChecks(inventory, [cloudtrailS3ObjectWritesLogged], { now: NOW });
  for (const f of findings) expect(f).toMatchObject({ checkId: CHECK, resource: { id: `AWS::::Account:${ACCOUNT}`, kind: 'account' } });
  return Object.fromEntries(findings.map((f) => [f.resource.region, f.status]));
}

const s3Selector = (readWriteType: EventSelector['readWriteType'], ...values: Resolvable<string>[]): EventSelector =>
  managementSelector(readWriteType, { dataResources: [{ type: 'AWS::S3::Object', values }] });
const withBasic = (...selectors: EventSelector[]): Trail => fakeTrail({ eventSelectors: [managementSelector(), ...selectors] });
const withAdvanced = (...conditions: Parameters<typeof advancedSelector>[1][]): Trail =>
  fakeTrail({
    eventSelectors: [],
    advancedEventSelectors: [
      advancedSelector('Management', ['eventCategory', 'equals', ['Management']]),
      advancedSelector('S3', ['eventCategory', 'equals', ['Data']], ['resources.type', 'equals', ['AWS::S3::Object']], ...conditions),
    ],
  });
const judgeOne = (trail: Trail) => byRegion(inventoryOf([trail]))[REGION];

describe(CHECK, () => {
  describe('basic event selectors', () => {
    test.each([
      ['every bucket, All', s3Selector('All', 'arn:aws:s3'), 'PASS'],
      ['every bucket, WriteOnly', s3Selector('WriteOnly', 'arn:aws:s3'), 'PASS'],
      ['every bucket written as arn:aws:s3:::', s3Selector('All', 'arn:aws:s3:::'), 'PASS'],
      ['every bucket, ReadOnly', s3Selector('ReadOnly', 'arn:aws:s3'), 'FAIL'],
      ['one named bucket', s3Selector('All', 'arn:aws:s3:::payments-data/'), 'FAIL'],
    ] as const)('%s → %s', (_name, selector, expected) => {
      expect(judgeOne(withBasic(selector))).toBe(expected);
    });

    test('a Lambda data selector is not S3 → FAIL', () => {
      const lambda = managementSelector('All', { dataResources: [{ type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] }] });
      expect(judgeOne(withBasic(lambda))).toBe('FAIL');
    });

    test('management events only → FAIL', () => {
      expect(judgeOne(fakeTrail())).toBe('FAIL');
    });
  });

  describe('advanced event selectors', () => {
    test('Data + AWS::S3::Object, nothing else → PASS', () => {
      expect(judgeOne(withAdvanced())).toBe('PASS');
    });

    test('readOnly = false (writes only) → PASS; readOnly = true → FAIL', () => {
      expect(judgeOne(withAdvanced(['readOnly', 'equals', ['false']]))).toBe('PASS');
      expect(judgeOne(withAdvanced(['readOnly', 'equals', ['true']]))).toBe('FAIL');
    });

    test('narrowed to a bucket prefix or to some event names → FAIL (part of S3 only)', () => {
      expect(judgeOne(withAdvanced(['resources.ARN', 'startsWith', ['arn:aws:s3:::payments-data/']]))).toBe('FAIL');
      expect(judgeOne(withAdvanced(['eventName', 'equals', ['PutObject']]))).toBe('FAIL');
    });

    test('a resources.ARN prefix that is the whole of S3 does not narrow → PASS', () => {
      expect(judgeOne(withAdvanced(['resources.ARN', 'startsWith', ['arn:aws:s3:::']]))).toBe('PASS');
    });
  });

  test('a stopped trail does not count even with the right selectors', () => {
    expect(judgeOne(fakeTrail({ eventSelectors: [s3Selector('All', 'arn:aws:s3')], status: { isLogging: false } }))).toBe('FAIL');
  });

  test('an organization trail homed in us-east-1 with S3 data events counts in every region', () => {
    const org = fakeOrganizationTrail({ eventSelectors: [managementSelector(), s3Selector('All', 'arn:aws:s3')] });
    expect(byRegion(inventoryOf([org], { source: { regions: [REGION, US_EAST_1] }, alsoCollected: ['cloudtrail.trail'] }))).toEqual({
      [REGION]: 'PASS',
      [US_EAST_1]: 'PASS',
    });
  });

  test('unresolved data resource values → UNKNOWN', () => {
    expect(judgeOne(withBasic(s3Selector('All', unresolved('<BucketArn>'))))).toBe('UNKNOWN');
  });

  test('trail listing denied → UNKNOWN', () => {
    expect(byRegion(inventoryOf([withAdvanced()], { coverage: [deniedCoverage('cloudtrail.trail', REGION, 'GetEventSelectors')] }))).toEqual({
      [REGION]: 'UNKNOWN',
    });
  });

  test('a template without a trail → NOT_APPLICABLE', () => {
    expect(runChecks(templateInventory([], ['cloudtrail.trail']), [cloudtrailS3ObjectWritesLogged]).findings.map((f) => f.status)).toEqual([
      'NOT_APPLICABLE',
    ]);
  });
});

test('maps to S3.22 and CIS 3.8', () => {
  expect(cloudtrailS3ObjectWritesLogged.frameworks).toEqual({
    securityHub: ['S3.22'],
    cisAws: { '3.0': ['3.8'], '4.0': ['3.8'] },
    cisEks: {},
    wellArchitected: [],
  });
});
