import { ec2LaunchTemplateVolumesEncrypted } from '../../../lib/checks/ec2/launch-template-volumes-encrypted';
import { EC2_KINDS, fakeLaunchTemplate, fakeRegionSettings, judge, ltVersion, statusByKey } from '../../fixtures/ec2';
import { deniedCoverage, okCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2LaunchTemplateVolumesEncrypted;
const withDevice = (encrypted: boolean | undefined | { unresolved: string }) =>
  fakeLaunchTemplate({ versions: [ltVersion(1, { blockDevices: [{ deviceName: '/dev/xvda', ...(encrypted === undefined ? {} : { encrypted }) }] })] });
const verdicts = (...resources: Parameters<typeof judge>[1]) => statusByKey(judge(check, resources, { alsoCollected: EC2_KINDS }));

describe('ec2-launch-template-volumes-encrypted', () => {
  test('an unencrypted device with encryption by default off → FAIL keyed by version', () => {
    const template = withDevice(false);
    expect(judge(check, [template, fakeRegionSettings({ ebsEncryptionByDefault: false })], { alsoCollected: EC2_KINDS })).toEqual([
      expect.objectContaining({ checkId: 'ec2-launch-template-volumes-encrypted', status: 'FAIL', key: 'Version::1', resource: template.id }),
    ]);
  });
  test('encrypted devices → PASS', () => expect(verdicts(withDevice(true))).toEqual({ 'Version::1': 'PASS' }));
  test('Encrypted=false is overridden when the region encrypts by default → PASS', () => expect(verdicts(withDevice(false), fakeRegionSettings())).toEqual({ 'Version::1': 'PASS' }));
  test('a device that does not say, default off → FAIL', () => expect(verdicts(withDevice(undefined), fakeRegionSettings({ ebsEncryptionByDefault: false }))).toEqual({ 'Version::1': 'FAIL' }));
  test('no declared devices → PASS (the AMI volumes follow the region default check)', () => {
    expect(verdicts(fakeLaunchTemplate({ versions: [ltVersion(1, { blockDevices: [] })] }))).toEqual({ 'Version::1': 'PASS' });
  });
  test('region settings not collected and a device that does not ask → UNKNOWN', () => {
    const coverage = EC2_KINDS.map((kind) => (kind === 'ec2.region-settings' ? deniedCoverage(kind, REGION, 'GetEbsEncryptionByDefault') : okCoverage(kind)));
    expect(statusByKey(judge(check, [withDevice(undefined)], { coverage }))).toEqual({ 'Version::1': 'UNKNOWN' });
  });
  test('an unresolved encryption flag → UNKNOWN', () => expect(verdicts(withDevice(unresolved('<Encrypted>')))).toEqual({ 'Version::1': 'UNKNOWN' }));

  test('launch templates could not be listed → UNKNOWN', () => {
    const findings = judge(check, [withDevice(false)], { coverage: [deniedCoverage('ec2.launch-template', REGION, 'DescribeLaunchTemplateVersions')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
