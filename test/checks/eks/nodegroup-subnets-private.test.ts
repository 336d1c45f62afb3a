import { eksNodegroupSubnetsPrivate } from '../../../lib/checks/eks/nodegroup-subnets-private';
import { unresolved } from '../../fixtures/model';
import { fakeLaunchTemplate, fakeSubnet, ltVersion } from '../../fixtures/ec2';
import { coverageDenying, judge, nodegroup, statusByKey, statusesOf } from '../../fixtures/eks';

const CHECK = eksNodegroupSubnetsPrivate;
const publicSubnet = fakeSubnet({ subnetId: 'subnet-0b', mapPublicIpOnLaunch: true });
const twoSubnets = nodegroup({ subnetIds: ['subnet-0a', 'subnet-0b'] });

describe('eks-nodegroup-subnets-private', () => {
  test('private subnets → PASS per subnet', () => {
    const ng = nodegroup();
    expect(judge(CHECK, [ng, fakeSubnet(), fakeLaunchTemplate()])).toEqual([{ checkId: CHECK.id, status: 'PASS', key: 'Subnet::subnet-0a', resource: ng.id }]);
  });

  test('a subnet that auto-assigns public addresses → FAIL for that subnet', () => {
    expect(statusByKey(judge(CHECK, [twoSubnets, fakeSubnet(), publicSubnet, fakeLaunchTemplate()]))).toEqual({ 'Subnet::subnet-0a': 'PASS', 'Subnet::subnet-0b': 'FAIL' });
  });

  test('trap: a template that turns public addresses off wins over the subnets → PASS', () => {
    const off = fakeLaunchTemplate({ versions: [ltVersion(1, { associatePublicIp: false })] });
    expect(statusByKey(judge(CHECK, [twoSubnets, fakeSubnet(), publicSubnet, off]))).toEqual({ 'Setting::associatePublicIp': 'PASS' });
  });

  test('a template that asks for public addresses → FAIL', () => {
    const on = fakeLaunchTemplate({ versions: [ltVersion(1, { associatePublicIp: true })] });
    expect(statusByKey(judge(CHECK, [nodegroup(), fakeSubnet(), on]))).toEqual({ 'Setting::associatePublicIp': 'FAIL' });
  });

  test('a subnet missing from a collected region → UNKNOWN for that subnet', () => {
    expect(statusByKey(judge(CHECK, [twoSubnets, fakeSubnet(), fakeLaunchTemplate()]))).toEqual({ 'Subnet::subnet-0a': 'PASS', 'Subnet::subnet-0b': 'UNKNOWN' });
  });

  test('MapPublicIpOnLaunch is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), fakeSubnet({ mapPublicIpOnLaunch: unresolved('<MapPublicIp>') }), fakeLaunchTemplate()]))).toEqual(['UNKNOWN']);
  });

  test('subnets could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), fakeLaunchTemplate()], { coverage: coverageDenying('ec2.subnet') }))).toEqual(['UNKNOWN']);
  });
});
