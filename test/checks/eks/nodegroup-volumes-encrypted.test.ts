import { eksNodegroupVolumesEncrypted } from '../../../lib/checks/eks/nodegroup-volumes-encrypted';
import { unresolved } from '../../fixtures/model';
import { fakeLaunchTemplate, fakeRegionSettings, ltVersion } from '../../fixtures/ec2';
import { coverageDenying, judge, nodegroup, statusesOf } from '../../fixtures/eks';

const CHECK = eksNodegroupVolumesEncrypted;
const plain = fakeLaunchTemplate({ versions: [ltVersion(1, { blockDevices: [{ deviceName: '/dev/xvda', encrypted: false, volumeSize: 80 }] })] });
const noDevices = fakeLaunchTemplate({ versions: [ltVersion(1, { blockDevices: [] })] });
const defaultOff = fakeRegionSettings({ ebsEncryptionByDefault: false });
const { launchTemplate: _lt, ...withoutTemplate } = nodegroup();
void _lt;

describe('eks-nodegroup-volumes-encrypted', () => {
  test('the version encrypts its root volume → PASS', () => {
    const ng = nodegroup();
    expect(judge(CHECK, [ng, fakeLaunchTemplate(), defaultOff])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: ng.id }]);
  });

  test('an unencrypted root volume and no region default → FAIL', () => expect(statusesOf(judge(CHECK, [nodegroup(), plain, defaultOff]))).toEqual(['FAIL']));

  test('trap: EBS encryption by default overrides Encrypted=false → PASS', () => expect(statusesOf(judge(CHECK, [nodegroup(), plain, fakeRegionSettings()]))).toEqual(['PASS']));

  test('no declared volume: the AMI’s root volume follows the region default', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), noDevices, defaultOff]))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [nodegroup(), noDevices, fakeRegionSettings()]))).toEqual(['PASS']);
  });

  test('generated template not collected: only the region default can pass it, else UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [withoutTemplate, fakeRegionSettings()]))).toEqual(['PASS']);
    expect(statusesOf(judge(CHECK, [withoutTemplate, defaultOff]))).toEqual(['UNKNOWN']);
  });

  test('Encrypted is a template value and the region default is off → UNKNOWN', () => {
    const templated = fakeLaunchTemplate({ versions: [ltVersion(1, { blockDevices: [{ deviceName: '/dev/xvda', encrypted: unresolved('<Encrypt>') }] })] });
    expect(statusesOf(judge(CHECK, [nodegroup(), templated, defaultOff]))).toEqual(['UNKNOWN']);
  });

  test('region settings could not be read → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), plain], { coverage: coverageDenying('ec2.region-settings') }))).toEqual(['UNKNOWN']);
  });
});
