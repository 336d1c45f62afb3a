import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { ALL_CHECKS } from '../../../lib/checks';
import { runChecks } from '../../../lib/engine/run';
import { inventorySchema, type Inventory } from '../../../lib/model';
import { collectInventory } from '../../../lib/sources/live/collect';
import { parseSnapshot, serializeSnapshot } from '../../../lib/sources/snapshot/snapshot';
import { ALL_SIM_SERVICES, SimulatedAws, exampleAccountWorld, type SimWorld } from '../../../lib/testing/simulated-aws';

const NOW = new Date('2026-11-26T00:00:00Z');
const REGIONS = ['eu-west-1', 'us-east-1'];

function collect(world: SimWorld, configure: (sim: SimulatedAws) => void = () => {}): Promise<Inventory> {
  const sim = new SimulatedAws(world, { services: ALL_SIM_SERVICES, pageSize: 3 });
  configure(sim);
  return collectInventory({
    ...sim.clientOptions(),
    homeRegion: 'us-east-1',
    regions: REGIONS,
    now: () => NOW,
    retryStrategy: new ConfiguredRetryStrategy(10, () => 1),
  });
}

const audit = (inventory: Inventory) => runChecks(inventory, ALL_CHECKS, { now: NOW });

describe('the whole catalog over a collected example account (every collector, the simulated AWS)', () => {
  let clean: Inventory;
  beforeAll(async () => {
    clean = await collect(exampleAccountWorld());
  });

  test('every kind is collected without a coverage error, and the inventory is valid', () => {
    expect(inventorySchema.safeParse(clean).success).toBe(true);
    expect(clean.coverage.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(Object.keys(clean.resources).length).toBeGreaterThanOrEqual(25);
  });

  test('collect → snapshot → audit gives the same report as auditing the live inventory, with no ERROR', () => {
    const live = audit(clean);
    expect(audit(parseSnapshot(JSON.parse(serializeSnapshot(clean))))).toEqual(live);
    expect(live.findings.filter((f) => f.status === 'ERROR')).toEqual([]);
    expect(live.summary.byStatus.PASS).toBeGreaterThan(0);
  });

  test('throttling on 30 % of all calls is retried and the report equals the clean one', async () => {
    const throttled = await collect(exampleAccountWorld(), (sim) => sim.inject({ operation: '*', type: 'throttle', rate: 0.3 }));
    expect(throttled.source.collection!.throttles).toBeGreaterThan(10);
    expect(audit(throttled).findings).toEqual(audit(clean).findings);
  });

  test('a region with no GuardDuty detector is a FAIL, not UNKNOWN', async () => {
    const world = exampleAccountWorld();
    const withoutDetector: SimWorld = { ...world, services: { ...world.services, guardduty: { ...world.services.guardduty, 'us-east-1': { detectors: [] } } } };
    const findings = audit(await collect(withoutDetector)).findings.filter((f) => f.checkId === 'guardduty-enabled-in-region');
    expect(Object.fromEntries(findings.map((f) => [f.resource.region, f.status]))).toMatchObject({ 'us-east-1': 'FAIL' });
  });

  test('AccessDenied on every IAM call: IAM findings are UNKNOWN, never PASS', async () => {
    const denied = await collect(exampleAccountWorld(), (sim) => sim.inject({ operation: 'iam:*', type: 'access-denied' }));
    const iam = audit(denied).findings.filter((f) => f.service === 'iam' && f.checkId !== 'iam-access-analyzer-enabled');
    expect(iam.length).toBeGreaterThan(0);
    expect(iam.filter((f) => f.status !== 'UNKNOWN')).toEqual([]);
  });
});
