import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { ALL_CHECKS } from '../../../lib/checks';
import { runChecks } from '../../../lib/engine/run';
import { inventorySchema } from '../../../lib/model';
import { collectInventory } from '../../../lib/sources/live/collect';
import { eksCollector } from '../../../lib/sources/live/collectors/eks';
import { parseSnapshot, serializeSnapshot } from '../../../lib/sources/snapshot/snapshot';
import { SIM_ACCOUNT, sdkCluster, simWorld, simulate } from '../../fixtures/sim-world';

const manyClusters = (region: string, n: number) => Array.from({ length: n }, (_, i) => sdkCluster(`c${i}`, region));

function world() {
  return simWorld({
    'eu-west-1': {
      clusters: [
        ...manyClusters('eu-west-1', 5),
        sdkCluster('open', 'eu-west-1', {
          resourcesVpcConfig: { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ['0.0.0.0/0'], subnetIds: [], securityGroupIds: [] },
        }),
      ],
      nodegroups: { c0: [{ nodegroupName: 'ng', nodegroupArn: `arn:aws:eks:eu-west-1:${SIM_ACCOUNT}:nodegroup/c0/ng/1`, clusterName: 'c0', nodeRole: 'arn:aws:iam::1:role/n' }] },
    },
    'us-east-1': { clusters: [sdkCluster('east', 'us-east-1')] },
  });
}

const collect = (sim: ReturnType<typeof simulate>, extra: Parameters<typeof collectInventory>[0] = {}) =>
  collectInventory({ ...sim.clientOptions(), collectors: [eksCollector], homeRegion: 'us-east-1', now: () => new Date('2026-11-26T00:00:00Z'), ...extra });

describe('live collection of EKS through the simulated AWS', () => {
  test('collects every cluster of every enabled region across pages, and skips regions not opted in to', async () => {
    const sim = simulate(world());
    const inventory = await collect(sim);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    expect(inventory.source).toMatchObject({ type: 'live', accountId: SIM_ACCOUNT, partition: 'aws', regions: ['eu-west-1', 'us-east-1'] });
    expect(inventory.resources['eks.cluster']?.map((c) => c.name).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'east', 'open']);
    expect(inventory.resources['eks.nodegroup']?.map((n) => n.clusterId)).toEqual([`arn:aws:eks:eu-west-1:${SIM_ACCOUNT}:cluster/c0`]);
    // Page size 2: six clusters in eu-west-1 take three ListClusters pages, us-east-1 one.
    expect(sim.calls['eks:ListClusters']).toBe(4);
    expect(sim.calls['eks:DescribeCluster']).toBe(7);
    // Without --regions, a region the account has not opted in to is not audited at all.
    expect(inventory.coverage.filter((c) => c.region === 'af-south-1')).toEqual([]);
    expect(inventory.source.collection?.calls['eks:DescribeCluster']).toBe(7);
  });

  test('collect → snapshot → audit equals auditing the live inventory', async () => {
    const inventory = await collect(simulate(world()));
    const reread = parseSnapshot(JSON.parse(serializeSnapshot(inventory)));
    const now = new Date('2026-11-26T00:00:00Z');
    expect(runChecks(reread, ALL_CHECKS, { now })).toEqual(runChecks(inventory, ALL_CHECKS, { now }));
    const open = runChecks(inventory, ALL_CHECKS, { now }).findings.find((f) => f.checkId === 'eks-endpoint-not-public' && f.resource.id.endsWith('/open'));
    expect(open?.status).toBe('FAIL');
  });

  test('AccessDenied on eks:ListClusters makes every EKS finding in that region UNKNOWN, never PASS', async () => {
    const sim = simulate(world()).inject({ operation: 'eks:ListClusters', region: 'eu-west-1', type: 'access-denied' });
    const inventory = await collect(sim);
    const cov = inventory.coverage.find((c) => c.kind === 'eks.cluster' && c.region === 'eu-west-1');
    expect(cov).toMatchObject({ status: 'error', issue: { code: 'ACCESS_DENIED', service: 'eks', operation: 'ListClusters' } });
    const findings = runChecks(inventory, ALL_CHECKS).findings.filter((f) => f.service === 'eks' && f.resource.region === 'eu-west-1');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.status === 'UNKNOWN')).toBe(true);
    // The other region is judged normally.
    expect(runChecks(inventory, ALL_CHECKS).findings.some((f) => f.resource.region === 'us-east-1' && f.status === 'PASS')).toBe(true);
  });

  test('one failing DescribeCluster marks only that cluster', async () => {
    const sim = simulate(world()).inject({ operation: 'eks:DescribeCluster', region: 'eu-west-1', type: 'access-denied', times: 1 });
    const inventory = await collect(sim);
    const clusters = inventory.resources['eks.cluster']!.filter((c) => c.origin.kind === 'aws' && c.origin.region === 'eu-west-1');
    expect(clusters).toHaveLength(6);
    expect(clusters.filter((c) => c.incomplete)).toHaveLength(1);
    expect(inventory.coverage.find((c) => c.kind === 'eks.cluster' && c.region === 'eu-west-1')?.status).toBe('ok');
    const statuses = runChecks(inventory, ALL_CHECKS).findings.filter((f) => f.resource.id === clusters.find((c) => c.incomplete)!.id).map((f) => f.status);
    expect(new Set(statuses)).toEqual(new Set(['UNKNOWN']));
  });

  test('throttling on 30 % of calls is retried and the report equals the clean one', async () => {
    const clean = await collect(simulate(world()));
    const sim = simulate(world()).inject({ operation: 'eks:*', type: 'throttle', rate: 0.3 });
    const throttled = await collect(sim, { retryStrategy: new ConfiguredRetryStrategy(10, () => 2) });
    expect(throttled.source.collection!.throttles).toBeGreaterThan(0);
    expect(throttled.source.collection!.retries).toBeGreaterThanOrEqual(throttled.source.collection!.throttles);
    const now = new Date('2026-11-26T00:00:00Z');
    expect(runChecks(throttled, ALL_CHECKS, { now }).findings).toEqual(runChecks(clean, ALL_CHECKS, { now }).findings);
  });

  test('a region asked for explicitly but not enabled costs no call and is REGION_DISABLED', async () => {
    const sim = simulate(world());
    const inventory = await collect(sim, { regions: ['eu-west-1', 'af-south-1'] });
    expect(inventory.source.regions).toEqual(['af-south-1', 'eu-west-1']);
    const disabled = inventory.coverage.filter((c) => c.region === 'af-south-1');
    expect(disabled.map((c) => c.kind)).toContain('eks.cluster');
    expect(disabled.every((c) => c.status === 'error' && c.issue?.code === 'REGION_DISABLED')).toBe(true);
    // Its findings are UNKNOWN, so the region the user asked for does not silently vanish.
    const there = runChecks(inventory, ALL_CHECKS).findings.filter((f) => f.resource.region === 'af-south-1');
    expect(there.length).toBeGreaterThan(0);
    expect(there.every((f) => f.status === 'UNKNOWN')).toBe(true);
  });

  test('a malformed (HTML) body is an UNEXPECTED issue with the operation named', async () => {
    const sim = simulate(world()).inject({ operation: 'eks:DescribeClusterVersions', type: 'malformed' });
    const inventory = await collect(sim);
    const cov = inventory.coverage.find((c) => c.kind === 'eks.cluster-version' && c.region === 'us-east-1');
    expect(cov).toMatchObject({ status: 'error', issue: { code: 'UNEXPECTED', operation: 'DescribeClusterVersions' } });
  });

  test('an unknown region name is a usage error', async () => {
    await expect(collect(simulate(world()), { regions: ['eu-west-9'] })).rejects.toMatchObject({ code: 'UNKNOWN_REGION' });
  });

  test('a region that hangs is bounded by the task timeout and recorded TIMED_OUT; the other region is unaffected', async () => {
    const sim = simulate(world()).inject({ operation: 'eks:*', region: 'eu-west-1', type: 'hang' });
    const started = Date.now();
    const inventory = await collect(sim, { taskTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(inventory.coverage.find((c) => c.kind === 'eks.cluster' && c.region === 'eu-west-1')).toMatchObject({ status: 'error', issue: { code: 'TIMED_OUT' } });
    expect(inventory.coverage.find((c) => c.kind === 'eks.cluster' && c.region === 'us-east-1')?.status).toBe('ok');
    const there = runChecks(inventory, ALL_CHECKS).findings.filter((f) => f.service === 'eks' && f.resource.region === 'eu-west-1');
    expect(there.length).toBeGreaterThan(0);
    expect(there.every((f) => f.status === 'UNKNOWN')).toBe(true);
  });

  test('calls after the deadline do not start: what is left is TIMED_OUT, never dropped', async () => {
    const late = await collect(simulate(world()).inject({ operation: 'eks:ListClusters', region: 'us-east-1', type: 'hang' }), { deadline: Date.now() + 300 });
    // Tasks that depend on the hung listing in us-east-1 run out of time; eu-west-1 finished in time.
    expect(late.coverage.find((c) => c.kind === 'eks.cluster' && c.region === 'us-east-1')).toMatchObject({ status: 'error', issue: { code: 'TIMED_OUT' } });
    expect(late.coverage.find((c) => c.kind === 'eks.cluster' && c.region === 'eu-west-1')?.status).toBe('ok');
  });
});
