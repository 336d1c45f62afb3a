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

/** One evaluation, and the spread of the repeated runs it is the median of. */
export interface RepeatedEvaluation extends EvaluationResult {
  readonly runtime: ChildRuntime;
  /** Wall time of each run, in the order they ran. */
  readonly evaluateMsRuns: readonly number[];
}

/**
 * Reads the snapshot and runs every check over it in child processes (bench/evaluation-child.ts),
 * so that the peak RSS is the audit's own and not the generator's. It runs `runs` times (default 3):
 * the time is the median run's (other developers' work on a shared machine makes single runs
 * noisy), the peak RSS the highest of all. `compiledDir` (from `compileForBench`) runs tsc's output;
 * without it the children run through tsx. With `reportFile`, the first run also writes the report
 * as JSON lines, for byte-for-byte comparison of two versions.
 */
export function benchEvaluation(file: string, options: { timeoutMs?: number; reportFile?: string; compiledDir?: string; runs?: number } = {}): RepeatedEvaluation {
  const runtime: ChildRuntime = options.compiledDir ? 'compiled' : 'tsx';
  const runs = Array.from({ length: Math.max(1, options.runs ?? 3) }, (_, i) => runChild(file, { ...options, quick: i > 0, reportFile: i === 0 ? options.reportFile : undefined }));
  const byTime = [...runs].sort((a, b) => a.evaluateMs - b.evaluateMs);
  const median = byTime[Math.floor((byTime.length - 1) / 2)]!;
  return {
    ...median,
    slowestChecks: runs[0]!.slowestChecks,
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    loadedRssMb: Math.max(...runs.map((r) => r.loadedRssMb)),
    timedOut: runs.some((r) => r.timedOut),
    runtime,
    evaluateMsRuns: runs.map((r) => r.evaluateMs),
  };
}

function runChild(file: string, options: { timeoutMs?: number; reportFile?: string | undefined; compiledDir?: string; quick: boolean }): EvaluationResult {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const entry = options.compiledDir ? [join(options.compiledDir, 'bench/evaluation-child.js')] : ['--require', 'tsx/cjs', join(__dirname, 'evaluation-child.ts')];
  const args = [...entry, file, ...(options.reportFile ? ['--report', options.reportFile] : []), ...(options.quick ? ['--quick'] : [])];
  // The compiled files live outside the repository: they find its packages through NODE_PATH.
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NODE_PATH: join(ROOT, 'node_modules') };
  const out = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20, env });
  if (out.error && (out.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { resources: 0, findings: 0, checks: ALL_CHECKS.length, loadMs: 0, evaluateMs: timeoutMs, evaluateCpuMs: 0, peakRssMb: 0, loadedRssMb: 0, slowestChecks: [], timedOut: true };
  }
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !line.startsWith('{')) throw new Error(`evaluation child failed (${out.status}): ${out.stderr.slice(-2000)}`);
  return JSON.parse(line) as EvaluationResult;
}
