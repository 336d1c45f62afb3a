import { eksPodIdentityRoleSingleNamespace } from '../../../lib/checks/eks/pod-identity-role-single-namespace';
import { ACCOUNT, unresolved } from '../../fixtures/model';
import { association, cluster, coverageDenying, judge, roleArn, statusByKey, statusesOf } from '../../fixtures/eks';

const CHECK = eksPodIdentityRoleSingleNamespace;
const prod = cluster();
const staging = cluster({ name: 'staging' });
const ACCOUNT_ID = `AWS::::Account:${ACCOUNT}`;

describe('eks-pod-identity-role-single-namespace', () => {
  test('one role per workload → PASS per role, on the account', () => {
    expect(judge(CHECK, [association(prod, 'orders', 'orders-api', roleArn('orders')), association(prod, 'billing', 'billing', roleArn('billing'))])).toEqual([
      { checkId: CHECK.id, status: 'PASS', key: `Role::${roleArn('orders')}`, resource: ACCOUNT_ID },
      { checkId: CHECK.id, status: 'PASS', key: `Role::${roleArn('billing')}`, resource: ACCOUNT_ID },
    ]);
  });

  test('one role for service accounts of two namespaces → FAIL for that role', () => {
    const findings = judge(CHECK, [association(prod, 'spark', 'driver', roleArn('shared')), association(staging, 'batch', 'reports', roleArn('shared')), association(prod, 'orders', 'api', roleArn('orders'))]);
    expect(statusByKey(findings)).toEqual({ [`Role::${roleArn('shared')}`]: 'FAIL', [`Role::${roleArn('orders')}`]: 'PASS' });
  });

  test('trap: the same namespace on a blue/green pair of clusters counts once → PASS', () => {
    expect(statusesOf(judge(CHECK, [association(prod, 'orders', 'api', roleArn('orders')), association(staging, 'orders', 'api', roleArn('orders'))]))).toEqual(['PASS']);
  });

  test('option maxNamespacesPerRole', () => {
    const two = [association(prod, 'a', 'x', roleArn('shared')), association(prod, 'b', 'y', roleArn('shared'))];
    expect(statusesOf(judge(CHECK, two, { checkOptions: { maxNamespacesPerRole: 2 } }))).toEqual(['PASS']);
  });

  test('no association in the account → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, []))).toEqual(['NOT_APPLICABLE']);
  });

  test('an association whose namespace is a template value → UNKNOWN, the others still judged', () => {
    const findings = judge(CHECK, [association(prod, 'x', 'api', roleArn('shared'), { namespace: unresolved('<Namespace>') }), association(prod, 'orders', 'api', roleArn('orders'))]);
    expect(statusByKey(findings)).toEqual({ 'Role::<unresolved>': 'UNKNOWN', [`Role::${roleArn('orders')}`]: 'PASS' });
  });

  test('associations could not be listed in a region → UNKNOWN, never PASS', () => {
    expect(statusesOf(judge(CHECK, [association(prod, 'orders', 'api', roleArn('orders'))], { coverage: coverageDenying('eks.pod-identity-association') }))).toEqual(['UNKNOWN']);
  });
});
