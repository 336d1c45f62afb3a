import { eksPodIdentityRoleTrustsEks } from '../../../lib/checks/eks/pod-identity-role-trusts-eks';
import { unresolved } from '../../fixtures/model';
import { association, cluster, coverageDenying, judge, podIdentityTrust, role, roleArn, statements, statusesOf } from '../../fixtures/eks';

const CHECK = eksPodIdentityRoleTrustsEks;
const prod = cluster();
const bound = (name = 'orders-api') => association(prod, 'orders', 'orders-api', roleArn(name));

describe('eks-pod-identity-role-trusts-eks', () => {
  test('the role trusts pods.eks.amazonaws.com with AssumeRole and TagSession → PASS', () => {
    const a = bound();
    expect(judge(CHECK, [a, role('orders-api', podIdentityTrust())])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: a.id }]);
  });

  test('trap: sts:AssumeRole alone (TagSession missing) → FAIL', () => {
    const trust = statements({ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(statusesOf(judge(CHECK, [bound(), role('orders-api', trust)]))).toEqual(['FAIL']);
  });

  test('a role trusted by EC2 instead → FAIL', () => {
    const trust = statements({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] });
    expect(statusesOf(judge(CHECK, [bound(), role('orders-api', trust)]))).toEqual(['FAIL']);
  });

  test('sts:* covers both actions → PASS', () => {
    const trust = statements({ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:*' });
    expect(statusesOf(judge(CHECK, [bound(), role('orders-api', trust)]))).toEqual(['PASS']);
  });

  test('the role no longer exists → FAIL; a role of another account → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [bound('gone')]))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [association(prod, 'orders', 'api', 'arn:aws:iam::444455556666:role/x')]))).toEqual(['NOT_APPLICABLE']);
  });

  test('the trust’s actions are template values → UNKNOWN', () => {
    const trust = { Statement: [{ Effect: 'Allow' as const, Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: [unresolved('<Actions>')] }] };
    expect(statusesOf(judge(CHECK, [bound(), role('orders-api', trust)]))).toEqual(['UNKNOWN']);
  });

  test('the role is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [association(prod, 'orders', 'api', roleArn('x'), { roleArn: unresolved('<RoleArn>') })]))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [bound('gone')], { coverage: coverageDenying('iam.role') }))).toEqual(['UNKNOWN']);
  });

  test('associations could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [bound(), role('orders-api', podIdentityTrust())], { coverage: coverageDenying('eks.pod-identity-association') })))).toEqual(new Set(['UNKNOWN']));
  });
});
