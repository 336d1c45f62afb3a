import { collectInventory } from '../lib/sources/live/collect';
import { ALL_SIM_SERVICES, LARGE_ACCOUNT_PRESETS, SimulatedAws, largeAccountWorld, type LargeAccountParameters } from '../lib/testing/simulated-aws';
import { minimalPlan, rateBound } from './minimal-plan';
import { AWS_RATE_LIMITS } from './rate-limits';

export interface CollectionResult {
  readonly preset: string;
  readonly parameters: LargeAccountParameters;
  readonly latencyMs: number;
  readonly resources: number;
  readonly coverageErrors: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly lowerBoundMs: number;
  readonly lowerBound: { readonly chainMs: number; readonly chain: string; readonly chainCalls: number; readonly rateMs: number; readonly rateApi: string };
  readonly ratio: number;
  readonly calls: number;
  readonly minimalCalls: number;
  readonly callsRatio: number;
  /** Operations called more often than the minimal plan needs, with both counts. */
  readonly extraCalls: Readonly<Record<string, { readonly made: number; readonly minimal: number }>>;
  readonly attempts: number;
  readonly retries: number;
  readonly throttles: number;
  /** Zero latency, no rate limits: what the SDK and the simulation cost on this CPU alone. */
  readonly cpuFloorMs: number;
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/** Per operation, summed over regions: the minimal plan keys regional calls by region. */
function byOperation(calls: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(calls)) {
    const op = key.split('|')[0]!;
    out[op] = (out[op] ?? 0) + n;
  }
  return out;
}

async function collectOnce(world: ReturnType<typeof largeAccountWorld>, latencyMs: number, limited: boolean) {
  const sim = new SimulatedAws(world, { services: ALL_SIM_SERVICES, pageSize: 1000, latencyMs, ...(limited ? { rateLimits: AWS_RATE_LIMITS } : {}) });
  const cpu = process.cpuUsage();
  const started = performance.now();
  // The client factory's defaults: adaptive retries, its own concurrency limits. Nothing tuned for the benchmark.
  const inventory = await collectInventory({ ...sim.clientOptions(), homeRegion: 'us-east-1' });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { inventory, sim, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * Collects a generated account through the real SDK clients against the simulated AWS with
 * per-call latency and AWS-like token buckets, and sets the time against the lower bound.
 */
export async function benchCollection(preset: keyof typeof LARGE_ACCOUNT_PRESETS = 'large', latencyMs = 40): Promise<CollectionResult> {
  const parameters = LARGE_ACCOUNT_PRESETS[preset];
  const world = largeAccountWorld(parameters);
  const plan = minimalPlan(world);

  // A warm-up loads every SDK module; a second zero-latency run measures what the CPU alone costs.
  await collectOnce(world, 0, false);
  const floor = await collectOnce(world, 0, false);
  const run = await collectOnce(world, latencyMs, true);

  const stats = run.inventory.source.collection!;
  const minimal = byOperation(plan.calls);
  const extraCalls = Object.fromEntries(
    Object.entries(stats.calls)
      .filter(([op, n]) => n > (minimal[op] ?? 0))
      .map(([op, n]) => [op, { made: n, minimal: minimal[op] ?? 0 }]),
  );
  const chainMs = plan.chain.length * latencyMs;
  const rate = rateBound(plan.calls, AWS_RATE_LIMITS);
  const lowerBoundMs = Math.max(chainMs, rate.seconds * 1000);
  const calls = sum(Object.values(stats.calls));
  return {
    preset,
    parameters,
    latencyMs,
    resources: sum(Object.values(run.inventory.resources).map((list) => list?.length ?? 0)),
    coverageErrors: run.inventory.coverage.filter((c) => c.status !== 'ok').length,
    wallMs: Math.round(run.wallMs),
    cpuMs: Math.round(run.cpuMs),
    lowerBoundMs: Math.round(lowerBoundMs),
    lowerBound: { chainMs, chain: plan.chain.path, chainCalls: plan.chain.length, rateMs: Math.round(rate.seconds * 1000), rateApi: rate.api },
    ratio: run.wallMs / lowerBoundMs,
    calls,
    minimalCalls: plan.total,
    callsRatio: calls / plan.total,
    extraCalls,
    attempts: run.sim.totalCalls,
    retries: stats.retries,
    throttles: sum(Object.values(run.sim.throttled)),
    cpuFloorMs: Math.round(floor.wallMs),
  };
}
