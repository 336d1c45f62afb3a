import { iamAccessAnalyzerEnabled } from '../../../lib/checks/iam/access-analyzer-enabled';
import { runChecks } from '../../../lib/engine/run';
import { deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import { NOW, fakeAnalyzer } from '../../fixtures/iam';

const REGIONS = ['eu-west-1', 'us-east-1'];
const byRegion = (analyzers: ReturnType<typeof fakeAnalyzer>[], coverage = REGIONS.map((r) => okCoverage('accessanalyzer.analyzer', r))) =>
  Object.fromEntries(runChecks(inventoryOf(analyzers, { source: { regions: REGIONS }, coverage }), [iamAccessAnalyzerEnabled], { now: NOW }).findings.map((f) => [f.resource.region, f.status]));

describe('iam-access-analyzer-enabled', () => {
  test('an active ACCOUNT analyzer in every region → PASS each', () =>
    expect(byRegion([fakeAnalyzer('a'), fakeAnalyzer('b', { region: 'us-east-1', type: 'ORGANIZATION' })])).toEqual({ 'eu-west-1': 'PASS', 'us-east-1': 'PASS' }));
  test('a region with none → FAIL there, even with no resource', () => expect(byRegion([fakeAnalyzer('a')])).toEqual({ 'eu-west-1': 'PASS', 'us-east-1': 'FAIL' }));
  test('trap: an unused-access analyzer alone does not count', () => expect(byRegion([fakeAnalyzer('a'), fakeAnalyzer('u', { region: 'us-east-1', type: 'ACCOUNT_UNUSED_ACCESS' })])['us-east-1']).toBe('FAIL'));
  test('a disabled analyzer does not count', () => expect(byRegion([fakeAnalyzer('a', { status: 'DISABLED' })])['eu-west-1']).toBe('FAIL'));
  test('an unresolved status → UNKNOWN', () => expect(byRegion([fakeAnalyzer('a', { status: unresolved('<S>') })])['eu-west-1']).toBe('UNKNOWN'));
  test('listing denied in a region → UNKNOWN there', () =>
    expect(byRegion([fakeAnalyzer('a')], [okCoverage('accessanalyzer.analyzer', 'eu-west-1'), deniedCoverage('accessanalyzer.analyzer', 'us-east-1', 'ListAnalyzers')])).toEqual({ 'eu-west-1': 'PASS', 'us-east-1': 'UNKNOWN' }));
});
