import { eksPodIdentityRoleTrustScoped } from '../../../lib/checks/eks/pod-identity-role-trust-scoped';
import { ACCOUNT, unresolved } from '../../fixtures/model';
import { association, cluster, coverageDenying, judge, podIdentityTrust, role, roleArn, statements, statusesOf } from '../../fixtures/eks';

const CHECK = eksPodIdentityRoleTrustScoped;
const prod = cluster();
const bound = association(prod, 'orders', 'orders-api', roleArn('orders-api'));
const withTrust = (trust: Parameters<typeof role>[1]) => [bound, role('orders-api', trust)];

describe('eks-pod-identity-role-trust-scoped', () => {
  test('aws:SourceAccount narrows the trust → PASS', () => {
    expect(judge(CHECK, withTrust(podIdentityTrust({ Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } })))).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: bound.id }]);
  });

  test('session tags pin the namespace and service account (the EKS docs example) → PASS', () => {
    const trust = podIdentityTrust({ Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'orders', 'aws:RequestTag/kubernetes-service-account': 'orders-api' } } });
    expect(statusesOf(judge(CHECK, withTrust(trust)))).toEqual(['PASS']);
  });

  test('no condition at all → FAIL', () => expect(statusesOf(judge(CHECK, withTrust(podIdentityTrust())))).toEqual(['FAIL']));

  test('trap: …IfExists does not narrow → FAIL', () => {
    expect(statusesOf(judge(CHECK, withTrust(podIdentityTrust({ Condition: { StringEqualsIfExists: { 'aws:SourceAccount': ACCOUNT } } }))))).toEqual(['FAIL']);
  });

  test('a Deny guard on the organization narrows it → PASS', () => {
    const trust = statements(
      { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:SourceOrgID': 'o-abc123' } } },
    );
    expect(statusesOf(judge(CHECK, withTrust(trust)))).toEqual(['PASS']);
  });

  test('a role that does not trust Pod Identity → NOT_APPLICABLE (eks-pod-identity-role-trusts-eks fails it)', () => {
    expect(statusesOf(judge(CHECK, withTrust(statements({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }))))).toEqual(['NOT_APPLICABLE']);
  });

  test('a condition block computed by a template → UNKNOWN', () => {
    const trust = { Statement: [{ Effect: 'Allow' as const, Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: unresolved('<Conditions>') }] };
    expect(statusesOf(judge(CHECK, withTrust(trust)))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [bound], { coverage: coverageDenying('iam.role') }))).toEqual(['UNKNOWN']);
  });
});
