import { eksPodIdentityAgentInstalled } from '../../../lib/checks/eks/pod-identity-agent-installed';
import { unresolved } from '../../fixtures/model';
import { addon, association, cluster, coverageDenying, judge, roleArn, statusesOf } from '../../fixtures/eks';

const CHECK = eksPodIdentityAgentInstalled;
const prod = cluster();
const bound = association(prod, 'orders', 'orders-api', roleArn('orders-api'));

describe('eks-pod-identity-agent-installed', () => {
  test('associations and an ACTIVE agent add-on → PASS', () => {
    expect(judge(CHECK, [prod, bound, addon(prod, 'eks-pod-identity-agent')])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('associations without the agent → FAIL', () => expect(statusesOf(judge(CHECK, [prod, bound, addon(prod, 'vpc-cni')]))).toEqual(['FAIL']));

  test('an agent that failed to install → FAIL', () => {
    expect(statusesOf(judge(CHECK, [prod, bound, addon(prod, 'eks-pod-identity-agent', { status: 'CREATE_FAILED' })]))).toEqual(['FAIL']);
  });

  test('trap: the agent of another cluster does not serve this one → FAIL', () => {
    const other = cluster({ name: 'staging' });
    expect(judge(CHECK, [prod, other, bound, addon(other, 'eks-pod-identity-agent')]).map((f) => [f.resource, f.status])).toEqual([
      [prod.id, 'FAIL'],
      [other.id, 'NOT_APPLICABLE'],
    ]);
  });

  test('EKS Auto Mode has the agent built in → PASS', () => expect(statusesOf(judge(CHECK, [cluster({ autoMode: true }), bound]))).toEqual(['PASS']));

  test('no association → NOT_APPLICABLE', () => expect(statusesOf(judge(CHECK, [prod]))).toEqual(['NOT_APPLICABLE']));

  test('an add-on whose name is a template value may be the agent → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod, bound, addon(prod, 'x', { name: unresolved('<AddonName>') })]))).toEqual(['UNKNOWN']);
  });

  test('add-ons could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod, bound], { coverage: coverageDenying('eks.addon') }))).toEqual(['UNKNOWN']);
  });
});
