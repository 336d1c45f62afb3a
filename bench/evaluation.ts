import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CHECKS } from '../lib/checks';
import { runChecks } from '../lib/engine/run';
import type { Inventory } from '../lib/model';
import { collectInventory } from '../lib/sources/live/collect';
import { readSnapshot, writeSnapshot } from '../lib/sources/snapshot/snapshot';
import { ALL_SIM_SERVICES, LARGE_ACCOUNT_PRESETS, SimulatedAws, largeAccountWorld } from '../lib/testing/simulated-aws';

export interface EvaluationResult {
  readonly resources: number;
  readonly findings: number;
  readonly checks: number;
  readonly loadMs: number;
  readonly evaluateMs: number;
  readonly peakRssMb: number;
  /** The slowest checks, each run alone over the same inventory. */
  readonly slowestChecks: readonly { readonly id: string; readonly ms: number }[];
  readonly timedOut?: boolean;
}

const count = (inventory: Inventory) => Object.values(inventory.resources).reduce((n, list) => n + (list?.length ?? 0), 0);

/** A snapshot of the `evaluation` preset (about 100,000 resources), collected at zero latency. */
export async function evaluationSnapshot(): Promise<{ file: string; resources: number }> {
  const sim = new SimulatedAws(largeAccountWorld(LARGE_ACCOUNT_PRESETS.evaluation), { services: ALL_SIM_SERVICES, pageSize: 1000 });
  const inventory = await collectInventory({ ...sim.clientOptions(), homeRegion: 'us-east-1', now: () => new Date('2026-11-26T00:00:00Z') });
  const file = join(mkdtempSync(join(tmpdir(), 'hardeks-bench-')), 'evaluation.json');
  await writeSnapshot(file, inventory);
  return { file, resources: count(inventory) };
}

/**
 * Runs in a child process (`tsx bench/evaluation.ts <snapshot>`), so the peak RSS is this run's
 * own: read and validate the snapshot, then every check over it.
 */
async function child(file: string): Promise<void> {
  const now = new Date('2026-11-26T00:00:00Z');
  const t0 = performance.now();
  const inventory = await readSnapshot(file);
  const t1 = performance.now();
  const report = runChecks(inventory, ALL_CHECKS, { now });
  const t2 = performance.now();
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const slowest = ALL_CHECKS.map((check) => {
    const started = performance.now();
    runChecks(inventory, [check], { now });
    return { id: check.id, ms: Math.round(performance.now() - started) };
  })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
  const result: EvaluationResult = {
    resources: count(inventory),
    findings: report.findings.length,
    checks: ALL_CHECKS.length,
    loadMs: Math.round(t1 - t0),
    evaluateMs: Math.round(t2 - t1),
    peakRssMb,
    slowestChecks: slowest,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function benchEvaluation(file: string, timeoutMs = 600_000): EvaluationResult {
  const out = spawnSync(process.execPath, ['--import', 'tsx', __filename, file], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  if (out.error && (out.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { resources: 0, findings: 0, checks: ALL_CHECKS.length, loadMs: 0, evaluateMs: timeoutMs, peakRssMb: 0, slowestChecks: [], timedOut: true };
  }
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !line.startsWith('{')) throw new Error(`evaluation child failed (${out.status}): ${out.stderr.slice(-2000)}`);
  return JSON.parse(line) as EvaluationResult;
}

if (require.main === module) void child(process.argv[2]!);
