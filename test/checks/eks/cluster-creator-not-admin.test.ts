import { eksClusterCreatorNotAdmin } from '../../../lib/checks/eks/cluster-creator-not-admin';
import { unresolved } from '../../fixtures/model';
import { CLUSTER_ADMIN, EDIT, accessEntry, cluster, coverageDenying, judge, roleArn, statusesOf } from '../../fixtures/eks';

const CHECK = eksClusterCreatorNotAdmin;
const bootstrapped = cluster({ access: { bootstrapClusterCreatorAdminPermissions: true } });

describe('eks-cluster-creator-not-admin', () => {
  test('created without creator admin → PASS', () => {
    const prod = cluster();
    expect(judge(CHECK, [prod])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('the creator’s cluster-admin entry, created with the cluster, is still there → FAIL', () => {
    const creator = accessEntry(bootstrapped, roleArn('ci-deployer'), [[CLUSTER_ADMIN, 'cluster']], { createdAt: '2025-01-10T10:08:00Z' });
    expect(statusesOf(judge(CHECK, [bootstrapped, creator]))).toEqual(['FAIL']);
  });

  test('the bootstrap entry was removed and no entry holds cluster-admin → PASS', () => {
    const viewer = accessEntry(bootstrapped, roleArn('viewer'), [[EDIT, 'namespace']], { createdAt: '2025-01-10T10:08:00Z' });
    expect(statusesOf(judge(CHECK, [bootstrapped, viewer]))).toEqual(['PASS']);
  });

  test('trap: a cluster-admin granted later may be the creator (migrated from aws-auth) → UNKNOWN, never PASS', () => {
    const admin = accessEntry(bootstrapped, roleArn('platform-admins'), [[CLUSTER_ADMIN, 'cluster']], { createdAt: '2025-06-01T00:00:00Z' });
    expect(statusesOf(judge(CHECK, [bootstrapped, admin]))).toEqual(['UNKNOWN']);
  });

  test('CONFIG_MAP: the creator holds invisible system:masters → FAIL', () => {
    expect(statusesOf(judge(CHECK, [cluster({ access: { authenticationMode: 'CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true } })]))).toEqual(['FAIL']);
  });

  test('the flag is a template parameter → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [cluster({ access: { bootstrapClusterCreatorAdminPermissions: unresolved('<Bootstrap>') } })]))).toEqual(['UNKNOWN']);
  });

  test('access entries could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [bootstrapped], { coverage: coverageDenying('eks.access-entry') }))).toEqual(['UNKNOWN']);
  });
});
