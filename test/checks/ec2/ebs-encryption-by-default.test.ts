import { ec2EbsEncryptionByDefault } from '../../../lib/checks/ec2/ebs-encryption-by-default';
import { fakeRegionSettings, judge } from '../../fixtures/ec2';
import { ACCOUNT, deniedCoverage, okCoverage, unresolved } from '../../fixtures/model';

const check = ec2EbsEncryptionByDefault;

describe('ec2-ebs-encryption-by-default', () => {
  test('one finding per region on the account: on passes, off fails', () => {
    const findings = judge(check, [fakeRegionSettings({ region: 'eu-west-1' }), fakeRegionSettings({ region: 'us-east-1', ebsEncryptionByDefault: false })], {
      source: { regions: ['eu-west-1', 'us-east-1'] },
    });
    expect(findings.map((f) => [f.checkId, f.status, f.resource])).toEqual([
      ['ec2-ebs-encryption-by-default', 'PASS', `AWS::::Account:${ACCOUNT}`],
      ['ec2-ebs-encryption-by-default', 'FAIL', `AWS::::Account:${ACCOUNT}`],
    ]);
  });

  test('the default key is evidence', () => {
    const key = 'arn:aws:kms:eu-west-1:111122223333:key/ebs';
    expect(judge(check, [fakeRegionSettings({ ebsDefaultKmsKeyId: key })])[0]?.evidence).toEqual({ defaultKey: key });
  });

  test('an unresolved setting → UNKNOWN', () => expect(judge(check, [fakeRegionSettings({ ebsEncryptionByDefault: unresolved('<Ebs>') })]).map((f) => f.status)).toEqual(['UNKNOWN']));

  test('the EBS part could not be read → UNKNOWN, never PASS', () => {
    const coverage = [
      okCoverage('ec2.region-settings'),
      { kind: 'ec2.region-settings' as const, region: 'eu-west-1', status: 'error' as const, part: 'ebsEncryptionByDefault', issue: { code: 'ACCESS_DENIED' as const, message: 'denied' } },
    ];
    expect(judge(check, [fakeRegionSettings()], { coverage }).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('a failed IMDS part does not block this check', () => {
    const coverage = [
      okCoverage('ec2.region-settings'),
      { kind: 'ec2.region-settings' as const, region: 'eu-west-1', status: 'error' as const, part: 'imdsDefaults', issue: { code: 'ACCESS_DENIED' as const, message: 'denied' } },
    ];
    expect(judge(check, [fakeRegionSettings({ ebsEncryptionByDefault: false })], { coverage }).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('a region whose settings were denied → UNKNOWN', () => {
    expect(judge(check, [], { coverage: [deniedCoverage('ec2.region-settings', 'eu-west-1', 'GetEbsEncryptionByDefault')] }).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('a template that declares no region settings → NOT_APPLICABLE', () => {
    expect(judge(check, [], { source: { type: 'template' }, alsoCollected: ['ec2.region-settings'] }).map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });
});
