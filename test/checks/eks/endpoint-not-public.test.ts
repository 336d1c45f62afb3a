import { eksEndpointNotPublic } from '../../../lib/checks/eks/endpoint-not-public';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory } from '../../../lib/model';
import { deniedCoverage, fakeEksCluster, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';

const statuses = (inventory: Inventory) => runChecks(inventory, [eksEndpointNotPublic]).findings.map((f) => f.status);

describe('eks-endpoint-not-public', () => {
  test.each([
    { name: 'private only', endpoint: { publicAccess: false, publicAccessCidrs: [] }, expected: 'PASS' },
    { name: 'private flag wins over stale CIDRs', endpoint: { publicAccess: false, publicAccessCidrs: ['0.0.0.0/0'] }, expected: 'PASS' },
    { name: 'public to one network', endpoint: { publicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] }, expected: 'PASS' },
    { name: 'public to the IPv4 world', endpoint: { publicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }, expected: 'FAIL' },
    { name: 'public to the IPv6 world among others', endpoint: { publicAccess: true, publicAccessCidrs: ['10.0.0.0/8', '::/0'] }, expected: 'FAIL' },
    { name: 'world written in long IPv6 form', endpoint: { publicAccess: true, publicAccessCidrs: ['0::/0'] }, expected: 'FAIL' },
    { name: 'public flag is a template parameter', endpoint: { publicAccess: unresolved('<EndpointPublicParam>') }, expected: 'UNKNOWN' },
    { name: 'a CIDR is a template parameter', endpoint: { publicAccess: true, publicAccessCidrs: [unresolved('<AllowedCidr>')] }, expected: 'UNKNOWN' },
  ])('$name → $expected', ({ endpoint, expected }) => {
    expect(statuses(inventoryOf([fakeEksCluster({ endpoint })]))).toEqual([expected]);
  });

  test('a failing finding carries the evidence and the EKS.1 mapping', () => {
    const [finding] = runChecks(inventoryOf([fakeEksCluster({ endpoint: { publicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] } })]), [eksEndpointNotPublic]).findings;
    expect(finding).toMatchObject({
      checkId: 'eks-endpoint-not-public',
      status: 'FAIL',
      severity: 'high',
      service: 'eks',
      evidence: { publicAccessCidrs: ['0.0.0.0/0'] },
      frameworks: { securityHub: ['EKS.1'], cisEks: { '1.7': ['5.4.1', '5.4.2'] } },
    });
  });

  test('clusters could not be listed in a region → UNKNOWN there, never PASS', () => {
    const inventory = inventoryOf([fakeEksCluster({ name: 'ok', region: 'eu-west-1' })], {
      source: { regions: ['eu-west-1', 'us-east-1'] },
      coverage: [okCoverage('eks.cluster', 'eu-west-1'), deniedCoverage('eks.cluster', 'us-east-1')],
    });
    const findings = runChecks(inventory, [eksEndpointNotPublic]).findings;
    expect(findings.map((f) => [f.resource.region, f.resource.kind, f.status])).toEqual([
      ['us-east-1', 'account', 'UNKNOWN'],
      ['eu-west-1', 'eks.cluster', 'PASS'],
    ]);
    expect(findings.some((f) => f.status === 'PASS' && f.resource.region === 'us-east-1')).toBe(false);
  });
});
