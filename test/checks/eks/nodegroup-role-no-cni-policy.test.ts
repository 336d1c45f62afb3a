import { eksNodegroupRoleNoCniPolicy } from '../../../lib/checks/eks/nodegroup-role-no-cni-policy';
import { ACCOUNT, unresolved } from '../../fixtures/model';
import { CNI_POLICY, WORKER_NODE_POLICY, coverageDenying, judge, nodeRole, nodegroup, roleArn, statusesOf } from '../../fixtures/eks';

const CHECK = eksNodegroupRoleNoCniPolicy;

describe('eks-nodegroup-role-no-cni-policy', () => {
  test('the node role has the worker node policy only → PASS', () => {
    const ng = nodegroup();
    expect(judge(CHECK, [ng, nodeRole()])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: ng.id }]);
  });

  test('AmazonEKS_CNI_Policy on the node role → FAIL', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), nodeRole({ attachedPolicies: [WORKER_NODE_POLICY, CNI_POLICY] })]))).toEqual(['FAIL']);
  });

  test('the customer-created IPv6 CNI policy → FAIL', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), nodeRole({ attachedPolicies: [`arn:aws:iam::${ACCOUNT}:policy/AmazonEKS_CNI_IPv6_Policy`] })]))).toEqual(['FAIL']);
  });

  test('an unresolved attachment next to a known CNI policy still fails; alone it is UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup(), nodeRole({ attachedPolicies: [unresolved('<Extra>'), CNI_POLICY] })]))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [nodegroup(), nodeRole({ attachedPolicies: [WORKER_NODE_POLICY, unresolved('<Extra>')] })]))).toEqual(['UNKNOWN']);
  });

  test('the node role was deleted → FAIL; a role of another account → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [nodegroup({ nodeRoleArn: roleArn('gone') })]))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [nodegroup({ nodeRoleArn: 'arn:aws:iam::444455556666:role/nodes' })]))).toEqual(['NOT_APPLICABLE']);
  });

  test('the node role is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup({ nodeRoleArn: unresolved('<NodeRole>') })]))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [nodegroup()], { coverage: coverageDenying('iam.role') }))).toEqual(['UNKNOWN']);
  });
});
