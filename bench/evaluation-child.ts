/**
 * The measured side of the evaluation benchmark, run as its own process:
 * `node --require tsx/cjs bench/evaluation-child.ts <snapshot> [--report report.jsonl] [--quick]`
 * (`--quick`: the audit only, without timing each check alone).
 *
 * It loads only what `hardeks audit --snapshot` needs (the snapshot reader, the engine and the
 * checks), not the simulated AWS, the collectors and the SDK clients that produced the snapshot, so
 * its peak RSS is the audit's own. `--require tsx/cjs` compiles on the main thread; `--import tsx`
 * adds a loader thread with its own heap that an audit from `dist/` does not have.
 */
import { createWriteStream } from 'node:fs';
import { ALL_CHECKS } from '../lib/checks';
import { runChecks } from '../lib/engine/run';
import type { Report } from '../lib/engine/types';
import type { Inventory } from '../lib/model';
import { readSnapshot } from '../lib/sources/snapshot/snapshot';

export const EVALUATION_NOW = new Date('2026-11-26T00:00:00Z');

export interface EvaluationResult {
  readonly resources: number;
  readonly findings: number;
  readonly checks: number;
  readonly loadMs: number;
  readonly evaluateMs: number;
  /** CPU time (user + system, all threads) of the evaluation: steadier than wall time on a busy machine. */
  readonly evaluateCpuMs: number;
  /** Peak RSS of the child after reading the snapshot and running every check, in MB. */
  readonly peakRssMb: number;
  /** Peak RSS once the snapshot is read and validated, before any check runs. */
  readonly loadedRssMb: number;
  /** The slowest checks, each run alone over the same inventory (after the full run, so shared caches are warm); empty with `--quick`. */
  readonly slowestChecks: readonly { readonly id: string; readonly ms: number }[];
  readonly timedOut?: boolean;
}

export const countResources = (inventory: Inventory) => Object.values(inventory.resources).reduce((n, list) => n + (list?.length ?? 0), 0);

const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * The report as JSON lines (metadata and summary, then one finding a line), written piece by piece:
 * a report of 400,000 findings as one string would come close to V8's string length limit. Two runs
 * over the same snapshot must write byte-identical files; compare them with `cmp`.
 */
async function writeReportLines(file: string, report: Report): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string) => (out.write(`${line}\n`) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(JSON.stringify({ metadata: report.metadata, summary: report.summary }));
  for (const finding of report.findings) await write(JSON.stringify(finding));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function child(file: string, reportFile: string | undefined, quick: boolean): Promise<void> {
  const t0 = performance.now();
  const inventory = await readSnapshot(file);
  const t1 = performance.now();
  const loadedRssMb = maxRssMb();
  const cpu = process.cpuUsage();
  const report = runChecks(inventory, ALL_CHECKS, { now: EVALUATION_NOW });
  const t2 = performance.now();
  const cpuUsed = process.cpuUsage(cpu);
  const peakRssMb = maxRssMb();
  const slowest = quick ? [] : slowestChecks(inventory);
  if (reportFile) await writeReportLines(reportFile, report);
  const result: EvaluationResult = {
    resources: countResources(inventory),
    findings: report.findings.length,
    checks: ALL_CHECKS.length,
    loadMs: Math.round(t1 - t0),
    evaluateMs: Math.round(t2 - t1),
    evaluateCpuMs: Math.round((cpuUsed.user + cpuUsed.system) / 1000),
    peakRssMb,
    loadedRssMb,
    slowestChecks: slowest,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function slowestChecks(inventory: Inventory): { id: string; ms: number }[] {
  return ALL_CHECKS.map((check) => {
    const started = performance.now();
    runChecks(inventory, [check], { now: EVALUATION_NOW });
    return { id: check.id, ms: Math.round(performance.now() - started) };
  })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const reportAt = args.indexOf('--report');
  child(args[0]!, reportAt > 0 ? args[reportAt + 1] : undefined, args.includes('--quick')).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
