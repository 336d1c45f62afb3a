import { eksSecretsEncrypted } from '../../../lib/checks/eks/secrets-encrypted';
import { runChecks } from '../../../lib/engine/run';
import type { EksCluster } from '../../../lib/model';
import { deniedCoverage, fakeEksCluster, inventoryOf, unresolved } from '../../fixtures/model';

function withoutKey(): EksCluster {
  const { secretsKeyArn: _drop, ...cluster } = fakeEksCluster();
  void _drop;
  return cluster;
}

describe('eks-secrets-encrypted', () => {
  test('a cluster with a secrets key passes and names the key', () => {
    const [finding] = runChecks(inventoryOf([fakeEksCluster()]), [eksSecretsEncrypted]).findings;
    expect(finding?.status).toBe('PASS');
    expect(finding?.evidence).toEqual({ secretsKeyArn: expect.stringMatching(/^arn:aws:kms:/) });
  });

  test('a cluster without envelope encryption fails', () => {
    const [finding] = runChecks(inventoryOf([withoutKey()]), [eksSecretsEncrypted]).findings;
    expect(finding).toMatchObject({ status: 'FAIL', frameworks: { securityHub: ['EKS.3'], cisEks: { '1.7': ['5.3.1'] } } });
  });

  test('a key given as an unresolved template value → UNKNOWN (which key protects secrets is not established)', () => {
    const cluster = fakeEksCluster({ secretsKeyArn: unresolved('<SecretsKeyArnParam>') });
    expect(runChecks(inventoryOf([cluster]), [eksSecretsEncrypted]).findings.map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('a key referenced inside the same template (a cfn: id) passes', () => {
    const cluster = fakeEksCluster({ secretsKeyArn: 'cfn:Platform/SecretsKey' });
    expect(runChecks(inventoryOf([cluster]), [eksSecretsEncrypted]).findings.map((f) => f.status)).toEqual(['PASS']);
  });

  test('clusters that could not be described are UNKNOWN, not FAIL or PASS', () => {
    const incomplete = { ...withoutKey(), incomplete: { code: 'ACCESS_DENIED' as const, operation: 'DescribeCluster', message: 'denied' } };
    expect(runChecks(inventoryOf([incomplete]), [eksSecretsEncrypted]).findings.map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('coverage denied in the cluster region → UNKNOWN without judging', () => {
    const inventory = inventoryOf([withoutKey()], { coverage: [deniedCoverage('eks.cluster')] });
    const statuses = runChecks(inventory, [eksSecretsEncrypted]).findings.map((f) => f.status);
    expect(statuses).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
