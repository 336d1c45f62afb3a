import { ec2LaunchTemplateNoPublicIp } from '../../../lib/checks/ec2/launch-template-no-public-ip';
import { EC2_KINDS, fakeInstance, fakeLaunchTemplate, judge, ltVersion, statusByKey } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2LaunchTemplateNoPublicIp;
const verdicts = (...resources: Parameters<typeof judge>[1]) => statusByKey(judge(check, resources, { alsoCollected: EC2_KINDS }));

describe('ec2-launch-template-no-public-ip', () => {
  test('a default version that assigns public IPs → FAIL keyed Version::1', () => {
    const template = fakeLaunchTemplate({ versions: [ltVersion(1, { associatePublicIp: true })] });
    expect(judge(check, [template], { alsoCollected: EC2_KINDS })).toEqual([
      expect.objectContaining({ checkId: 'ec2-launch-template-no-public-ip', status: 'FAIL', key: 'Version::1', resource: template.id }),
    ]);
  });
  test('set to false → PASS', () => expect(verdicts(fakeLaunchTemplate({ versions: [ltVersion(1, { associatePublicIp: false })] }))).toEqual({ 'Version::1': 'PASS' }));
  test('not set (the subnet decides) → PASS', () => expect(verdicts(fakeLaunchTemplate())).toEqual({ 'Version::1': 'PASS' }));
  test('an instance launched from an old public version makes it count', () => {
    const template = fakeLaunchTemplate({ defaultVersion: 2, latestVersion: 2, versions: [ltVersion(1, { associatePublicIp: true }), ltVersion(2)] });
    const instance = fakeInstance({ launchTemplate: { launchTemplateId: 'lt-0nodes', version: '1' } });
    expect(verdicts(template, instance)).toEqual({ 'Version::1': 'FAIL', 'Version::2': 'PASS' });
  });
  test('an instance with $Latest points at the latest version', () => {
    const template = fakeLaunchTemplate({ defaultVersion: 1, latestVersion: 2, versions: [ltVersion(1), ltVersion(2, { associatePublicIp: true })] });
    const instance = fakeInstance({ launchTemplate: { launchTemplateId: 'lt-0nodes', version: '$Latest' } });
    expect(verdicts(template, instance)).toEqual({ 'Version::1': 'PASS', 'Version::2': 'FAIL' });
  });
  test('an unresolved setting → UNKNOWN', () => expect(verdicts(fakeLaunchTemplate({ versions: [ltVersion(1, { associatePublicIp: unresolved('<Public>') })] }))).toEqual({ 'Version::1': 'UNKNOWN' }));
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeLaunchTemplate()], { coverage: [deniedCoverage('ec2.launch-template', REGION, 'DescribeLaunchTemplates')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
