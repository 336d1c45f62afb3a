import { eksClusterAdminsLimited } from '../../../lib/checks/eks/cluster-admins-limited';
import { unresolved } from '../../fixtures/model';
import { ADMIN, CLUSTER_ADMIN, EDIT, accessEntry, cluster, coverageDenying, judge, roleArn, statusesOf } from '../../fixtures/eks';

const CHECK = eksClusterAdminsLimited;
const prod = cluster();
const admins = (n: number) => Array.from({ length: n }, (_, i) => accessEntry(prod, roleArn(`admin-${i}`), [[i % 2 === 0 ? CLUSTER_ADMIN : ADMIN, 'cluster']]));

describe('eks-cluster-admins-limited', () => {
  test('three cluster admins (the default limit) → PASS', () => {
    expect(judge(CHECK, [prod, ...admins(3)])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('four → FAIL', () => expect(statusesOf(judge(CHECK, [prod, ...admins(4)]))).toEqual(['FAIL']));

  test('namespace-scoped and edit entries do not count', () => {
    const others = [accessEntry(prod, roleArn('team-a'), [[ADMIN, 'namespace']]), accessEntry(prod, roleArn('team-b'), [[EDIT, 'cluster']])];
    expect(statusesOf(judge(CHECK, [prod, ...admins(3), ...others]))).toEqual(['PASS']);
  });

  test('entries of another cluster do not count', () => {
    const other = cluster({ name: 'staging' });
    const theirs = Array.from({ length: 4 }, (_, i) => accessEntry(other, roleArn(`s-${i}`), [[CLUSTER_ADMIN, 'cluster']]));
    expect(judge(CHECK, [prod, other, ...theirs]).map((f) => [f.resource, f.status])).toEqual([
      [prod.id, 'PASS'],
      [other.id, 'FAIL'],
    ]);
  });

  test('option maxClusterAdmins', () => expect(statusesOf(judge(CHECK, [prod, ...admins(2)], { checkOptions: { maxClusterAdmins: 1 } }))).toEqual(['FAIL']));

  test('CONFIG_MAP clusters list no admins through the API → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [cluster({ access: { authenticationMode: 'CONFIG_MAP' } })]))).toEqual(['NOT_APPLICABLE']);
  });

  test('an entry whose policy is a template value → UNKNOWN', () => {
    const entry = accessEntry(prod, roleArn('x'), [], { accessPolicies: [{ policyArn: unresolved('<Policy>'), scope: { type: 'cluster', namespaces: [] } }] });
    expect(statusesOf(judge(CHECK, [prod, entry]))).toEqual(['UNKNOWN']);
  });

  test('access entries could not be listed → UNKNOWN, never PASS', () => {
    expect(statusesOf(judge(CHECK, [prod], { coverage: coverageDenying('eks.access-entry') }))).toEqual(['UNKNOWN']);
  });
});
