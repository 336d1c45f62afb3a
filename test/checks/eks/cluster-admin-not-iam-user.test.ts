import { eksClusterAdminNotIamUser } from '../../../lib/checks/eks/cluster-admin-not-iam-user';
import { unresolved } from '../../fixtures/model';
import { ADMIN, CLUSTER_ADMIN, EDIT, accessEntry, cluster, coverageDenying, judge, roleArn, statusesOf, userArn } from '../../fixtures/eks';

const CHECK = eksClusterAdminNotIamUser;
const prod = cluster();

describe('eks-cluster-admin-not-iam-user', () => {
  test('a role holds cluster-admin → PASS', () => {
    const entry = accessEntry(prod, roleArn('platform-admins'), [[CLUSTER_ADMIN, 'cluster']]);
    expect(judge(CHECK, [entry])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: entry.id }]);
  });

  test.each([CLUSTER_ADMIN, ADMIN])('an IAM user holds %s at cluster scope → FAIL', (policy) => {
    expect(statusesOf(judge(CHECK, [accessEntry(prod, userArn('bob'), [[policy, 'cluster']])]))).toEqual(['FAIL']);
  });

  test('trap: admin scoped to a namespace is not cluster-admin → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [accessEntry(prod, userArn('bob'), [[ADMIN, 'namespace']])]))).toEqual(['NOT_APPLICABLE']);
  });

  test('a user with edit rights only → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [accessEntry(prod, userArn('bob'), [[EDIT, 'cluster']])]))).toEqual(['NOT_APPLICABLE']);
  });

  test('the principal is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [accessEntry(prod, roleArn('x'), [[CLUSTER_ADMIN, 'cluster']], { principalArn: unresolved('<AdminArn>') })]))).toEqual(['UNKNOWN']);
  });

  test('the scope is a template value → UNKNOWN', () => {
    const entry = accessEntry(prod, userArn('bob'), [], { accessPolicies: [{ policyArn: CLUSTER_ADMIN, scope: { type: unresolved('<Scope>'), namespaces: [] } }] });
    expect(statusesOf(judge(CHECK, [entry]))).toEqual(['UNKNOWN']);
  });

  test('access entries could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [accessEntry(prod, userArn('bob'), [[CLUSTER_ADMIN, 'cluster']])], { coverage: coverageDenying('eks.access-entry') })))).toEqual(new Set(['UNKNOWN']));
  });
});
