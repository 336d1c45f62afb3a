import { eksNodegroupNoRemoteAccess } from '../../../lib/checks/eks/nodegroup-no-remote-access';
import { unresolved } from '../../fixtures/model';
import { fakeLaunchTemplate, ltVersion } from '../../fixtures/ec2';
import { coverageDenying, judge, nodegroup, statusesOf } from '../../fixtures/eks';

const CHECK = eksNodegroupNoRemoteAccess;
const { launchTemplate: _lt, ...withoutTemplate } = nodegroup();
void _lt;

describe('eks-nodegroup-no-remote-access', () => {
  test('no remote access and a template without key → PASS', () => {
    const ng = nodegroup();
    expect(judge(CHECK, [ng, fakeLaunchTemplate()])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: ng.id }]);
  });

  test('remote access limited to a bastion group → FAIL', () => {
    expect(statusesOf(judge(CHECK, [{ ...withoutTemplate, remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: ['sg-0bastion'] } }]))).toEqual(['FAIL']);
  });

  test('trap: the launch template version in use installs a key pair → FAIL', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), fakeLaunchTemplate({ versions: [ltVersion(1, { keyName: 'data-team' })] })]))).toEqual(['FAIL']);
  });

  test('SSH open to the world is left to eks-nodegroup-ssh-not-open-to-world → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [{ ...withoutTemplate, remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: [] } }]))).toEqual(['NOT_APPLICABLE']);
  });

  test('no template and no remote access → PASS', () => expect(statusesOf(judge(CHECK, [withoutTemplate]))).toEqual(['PASS']));

  test('the key name is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), fakeLaunchTemplate({ versions: [ltVersion(1, { keyName: unresolved('<KeyName>') })] })]))).toEqual(['UNKNOWN']);
  });

  test('launch templates could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup()], { coverage: coverageDenying('ec2.launch-template') }))).toEqual(['UNKNOWN']);
  });
});
