import { eksNodegroupRoleLeastPrivilege } from '../../../lib/checks/eks/nodegroup-role-least-privilege';
import { unresolved } from '../../fixtures/model';
import { ADMINISTRATOR_ACCESS, administratorAccessPolicy, inline } from '../../fixtures/iam';
import { WORKER_NODE_POLICY, coverageDenying, judge, nodeRole, nodegroup, statements, statusByKey, statusesOf, workerNodePolicy } from '../../fixtures/eks';

const CHECK = eksNodegroupRoleLeastPrivilege;
const withInline = (...statement: unknown[]) => nodeRole({ inlinePolicies: [inline('extras', statements(...statement))] });

describe('eks-nodegroup-role-least-privilege', () => {
  test('the AWS managed worker node policy only → PASS', () => {
    const ng = nodegroup();
    expect(judge(CHECK, [ng, nodeRole(), workerNodePolicy()])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: ng.id }]);
  });

  test('AdministratorAccess on the node role → FAIL under Path::full-admin', () => {
    expect(statusByKey(judge(CHECK, [nodegroup(), nodeRole({ attachedPolicies: [WORKER_NODE_POLICY, ADMINISTRATOR_ACCESS] }), workerNodePolicy(), administratorAccessPolicy()]))).toEqual({ 'Path::full-admin': 'FAIL' });
  });

  test('a whole service granted (ec2:*) → FAIL under Wildcard::ec2:*', () => {
    expect(statusByKey(judge(CHECK, [nodegroup(), withInline({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }), workerNodePolicy()]))).toEqual({ 'Wildcard::ec2:*': 'FAIL' });
  });

  test('an escalation path (iam:AttachRolePolicy on every role) → FAIL keyed by path', () => {
    expect(statusByKey(judge(CHECK, [nodegroup(), withInline({ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' }), workerNodePolicy()]))).toEqual({ 'Path::attach-role-policy': 'FAIL' });
  });

  test('trap: a wildcard taken away again by an unconditional Deny of the whole service → PASS', () => {
    const denied = withInline({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' });
    expect(statusesOf(judge(CHECK, [nodegroup(), denied, workerNodePolicy()]))).toEqual(['PASS']);
  });

  test('a managed policy that was not collected → UNKNOWN (paths and wildcards alike), never PASS', () => {
    expect(new Set(statusesOf(judge(CHECK, [nodegroup(), nodeRole()])))).toEqual(new Set(['UNKNOWN']));
  });

  test('an action a template could not resolve → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [nodegroup(), withInline({ Effect: 'Allow', Action: unresolved('<Action>'), Resource: '*' }), workerNodePolicy()])))).toEqual(new Set(['UNKNOWN']));
  });

  test('managed policies could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), nodeRole()], { coverage: coverageDenying('iam.policy') }))).toEqual(['UNKNOWN']);
  });
});
