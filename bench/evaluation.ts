import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CHECKS } from '../lib/checks';
import { collectInventory } from '../lib/sources/live/collect';
import { writeSnapshot } from '../lib/sources/snapshot/snapshot';
import { ALL_SIM_SERVICES, LARGE_ACCOUNT_PRESETS, SimulatedAws, largeAccountWorld } from '../lib/testing/simulated-aws';
import { EVALUATION_NOW, countResources, type EvaluationResult } from './evaluation-child';

export type { EvaluationResult } from './evaluation-child';

/** A snapshot of the `evaluation` preset (about 100,000 resources), collected at zero latency. */
export async function evaluationSnapshot(): Promise<{ file: string; resources: number }> {
  const sim = new SimulatedAws(largeAccountWorld(LARGE_ACCOUNT_PRESETS.evaluation), { services: ALL_SIM_SERVICES, pageSize: 1000 });
  const inventory = await collectInventory({ ...sim.clientOptions(), homeRegion: 'us-east-1', now: () => EVALUATION_NOW });
  const file = join(mkdtempSync(join(tmpdir(), 'hardeks-bench-')), 'evaluation.json');
  await writeSnapshot(file, inventory);
  return { file, resources: countResources(inventory) };
}

const ROOT = join(__dirname, '..');

/** How the child runs the code: compiled by tsc (what a `dist/` build runs), or through tsx. */
export type ChildRuntime = 'compiled' | 'tsx';

/**
 * Compiles lib/ and bench/ with tsc into a temporary folder, as `npm run build` compiles dist/:
 * what users run is tsc's CommonJS, not tsx's on-the-fly transform (whose export getters and kept
 * function names cost about 15 % of the evaluation). Type errors do not stop the emit; a failed
 * emit returns undefined and the caller falls back to tsx.
 */
export function compileForBench(): string | undefined {
  const outDir = mkdtempSync(join(tmpdir(), 'hardeks-bench-build-'));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  spawnSync(process.execPath, [tsc, '-p', join(__dirname, 'tsconfig.json'), '--noEmit', 'false', '--outDir', outDir, '--rootDir', ROOT, '--declaration', 'false', '--sourceMap', 'false'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return existsSync(join(outDir, 'bench/evaluation-child.js')) ? outDir : undefined;
}

/**
 * Reads the snapshot and runs every check over it in a child process (bench/evaluation-child.ts),
 * so that the peak RSS is the audit's own and not the generator's. `compiledDir` (from
 * `compileForBench`) runs tsc's output; without it the child runs through tsx. With `reportFile`,
 * the child also writes the report as JSON lines, for byte-for-byte comparison of two versions.
 */
export function benchEvaluation(file: string, options: { timeoutMs?: number; reportFile?: string; compiledDir?: string } = {}): EvaluationResult & { runtime: ChildRuntime } {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const runtime: ChildRuntime = options.compiledDir ? 'compiled' : 'tsx';
  const entry = options.compiledDir ? [join(options.compiledDir, 'bench/evaluation-child.js')] : ['--require', 'tsx/cjs', join(__dirname, 'evaluation-child.ts')];
  const args = [...entry, file, ...(options.reportFile ? [options.reportFile] : [])];
  // The compiled files live outside the repository: they find its packages through NODE_PATH.
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NODE_PATH: join(ROOT, 'node_modules') };
  const out = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20, env });
  if (out.error && (out.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { resources: 0, findings: 0, checks: ALL_CHECKS.length, loadMs: 0, evaluateMs: timeoutMs, evaluateCpuMs: 0, peakRssMb: 0, loadedRssMb: 0, slowestChecks: [], timedOut: true, runtime };
  }
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !line.startsWith('{')) throw new Error(`evaluation child failed (${out.status}): ${out.stderr.slice(-2000)}`);
  return { ...(JSON.parse(line) as EvaluationResult), runtime };
}
