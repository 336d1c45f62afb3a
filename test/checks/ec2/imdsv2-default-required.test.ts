import { ec2Imdsv2DefaultRequired } from '../../../lib/checks/ec2/imdsv2-default-required';
import { fakeRegionSettings, judge } from '../../fixtures/ec2';
import { ACCOUNT, okCoverage, unresolved } from '../../fixtures/model';

const check = ec2Imdsv2DefaultRequired;
const ACCOUNT_ID = `AWS::::Account:${ACCOUNT}`;

describe('ec2-imdsv2-default-required', () => {
  test('one finding per region, on the account: required passes, optional fails', () => {
    const findings = judge(check, [fakeRegionSettings({ region: 'eu-west-1' }), fakeRegionSettings({ region: 'us-east-1', imdsDefaults: { httpTokens: 'optional' } })], {
      source: { regions: ['eu-west-1', 'us-east-1'] },
    });
    expect(findings.map((f) => [f.status, f.resource])).toEqual([
      ['PASS', ACCOUNT_ID],
      ['FAIL', ACCOUNT_ID],
    ]);
  });

  test('no-preference leaves it to each AMI → FAIL', () => {
    expect(judge(check, [fakeRegionSettings({ imdsDefaults: { httpTokens: 'no-preference' } })]).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('a default that turns the endpoint off → PASS', () => {
    expect(judge(check, [fakeRegionSettings({ imdsDefaults: { httpTokens: 'no-preference', httpEndpoint: 'disabled' } })]).map((f) => f.status)).toEqual(['PASS']);
  });

  test('an unresolved endpoint default → UNKNOWN', () => {
    expect(judge(check, [fakeRegionSettings({ imdsDefaults: { httpTokens: 'required', httpEndpoint: unresolved('<Endpoint>') } })]).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('the IMDS defaults part could not be read → UNKNOWN, never PASS', () => {
    const coverage = [
      okCoverage('ec2.region-settings'),
      { kind: 'ec2.region-settings' as const, region: 'eu-west-1', status: 'error' as const, part: 'imdsDefaults', issue: { code: 'ACCESS_DENIED' as const, message: 'denied' } },
    ];
    expect(judge(check, [fakeRegionSettings()], { coverage }).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('a failed EBS part does not block this check', () => {
    const coverage = [
      okCoverage('ec2.region-settings'),
      { kind: 'ec2.region-settings' as const, region: 'eu-west-1', status: 'error' as const, part: 'ebsDefaultKmsKeyId', issue: { code: 'ACCESS_DENIED' as const, message: 'denied' } },
    ];
    expect(judge(check, [fakeRegionSettings()], { coverage }).map((f) => f.status)).toEqual(['PASS']);
  });

  test('a region collected without a settings record → UNKNOWN', () => {
    expect(judge(check, [], { alsoCollected: ['ec2.region-settings'] }).map((f) => f.status)).toEqual(['UNKNOWN']);
  });
});

test('maps to Well-Architected SEC06-BP02; EC2.8 and CIS 5.6/5.7 judge running instances', () => {
  expect(ec2Imdsv2DefaultRequired.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC06-BP02'] });
});
