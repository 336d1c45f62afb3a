import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { ALL_CHECKS } from '../../lib/checks';
import { runChecks } from '../../lib/engine/run';
import type { Finding, Report } from '../../lib/engine/types';
import type { Inventory } from '../../lib/model';
import { collectInventory, type CollectOptions } from '../../lib/sources/live/collect';
import { ALL_SIM_SERVICES, SimulatedAws, type Fault, type SimWorld } from '../../lib/testing/simulated-aws';

export const NOW = new Date('2026-11-26T00:00:00Z');
export const REGIONS = ['eu-west-1', 'us-east-1'];

export interface FaultyRun {
  readonly inventory: Inventory;
  readonly sim: SimulatedAws;
}

/**
 * Collects a world through the real SDK clients and the simulated AWS with the given faults.
 * Retries keep the SDK's logic but wait 1 ms, so a plan with many faults runs in milliseconds.
 */
export async function collectWith(world: SimWorld, faults: readonly Fault[] = [], options: Partial<CollectOptions> & { seed?: number; attempts?: number; pageSize?: number } = {}): Promise<FaultyRun> {
  const { seed, attempts, pageSize, ...collect } = options;
  const sim = new SimulatedAws(world, { services: ALL_SIM_SERVICES, pageSize: pageSize ?? 3, seed: seed ?? 1 });
  for (const fault of faults) sim.inject(fault);
  const inventory = await collectInventory({
    ...sim.clientOptions(),
    homeRegion: 'us-east-1',
    regions: REGIONS,
    now: () => NOW,
    retryStrategy: new ConfiguredRetryStrategy(attempts ?? 4, () => 1),
    ...collect,
  });
  return { inventory, sim };
}

export const audit = (inventory: Inventory): Report => runChecks(inventory, ALL_CHECKS, { now: NOW });

/** What identifies a finding across two runs of the same account. */
export const findingKey = (f: Finding) => `${f.checkId}|${f.resource.id}|${f.key ?? ''}`;

/** A finding by key: the compact form a failing assertion prints. */
export const briefly = (f: Finding) => ({ checkId: f.checkId, status: f.status, resource: f.resource.id, region: f.resource.region, key: f.key });
