import { eksNodegroupSshNotOpenToWorld } from '../../../lib/checks/eks/nodegroup-ssh-not-open-to-world';
import { unresolved } from '../../fixtures/model';
import { coverageDenying, judge, nodegroup, statusesOf } from '../../fixtures/eks';

const CHECK = eksNodegroupSshNotOpenToWorld;

describe('eks-nodegroup-ssh-not-open-to-world', () => {
  test('no remote access → PASS', () => {
    const ng = nodegroup();
    expect(judge(CHECK, [ng])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: ng.id }]);
  });

  test('an SSH key without source security groups opens port 22 to 0.0.0.0/0 → FAIL', () => {
    expect(statusesOf(judge(CHECK, [nodegroup({ remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: [] } })]))).toEqual(['FAIL']);
  });

  test('limited to source security groups → PASS here (eks-nodegroup-no-remote-access judges it)', () => {
    expect(statusesOf(judge(CHECK, [nodegroup({ remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: ['sg-0bastion'] } })]))).toEqual(['PASS']);
  });

  test('source groups given as a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup({ remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: [unresolved('<BastionSg>')] } })]))).toEqual(['UNKNOWN']);
  });

  test('node groups could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [nodegroup()], { coverage: coverageDenying('eks.nodegroup') })))).toEqual(new Set(['UNKNOWN']));
  });
});
