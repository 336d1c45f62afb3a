/**
 * `npm run bench`: every figure of issue 11 with its target and how it was measured, printed as a
 * table and written to bench/results/latest.json. Not part of `npm test`.
 *
 *   npm run bench                       all sections
 *   npm run bench -- collection         one section (collection, evaluation, template, cdk, lambda)
 *   npm run bench -- evaluation --snapshot FILE --report OUT.jsonl
 *                                       evaluate an existing snapshot (skips generating the preset's)
 *                                       and write the report as JSON lines: two versions of hardeks
 *                                       that judge alike write byte-identical files (`cmp`)
 *   npm run bench -- evaluation --tsx   run the evaluation through tsx instead of tsc's output
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { benchCollection } from './collection';
import { benchEvaluation, compileForBench, evaluationSnapshot, type RepeatedEvaluation } from './evaluation';
import { benchTemplate } from './template';
import { AWS_RATE_LIMITS } from './rate-limits';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ROOT = join(__dirname, '..');

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly met: boolean | undefined;
  readonly how: string;
}

const rows: Row[] = [];
const results: Record<string, unknown> = {};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function collection(): Promise<void> {
  const r = await benchCollection('large', 40);
  results.collection = r;
  const how = `large preset (${r.parameters.regions} regions, ${r.resources} resources), 40 ms per call, token buckets per API and region (${AWS_RATE_LIMITS.length} limits), real SDK clients and adaptive retries`;
  rows.push({ figure: 'collection: wall time', value: seconds(r.wallMs), target: '-', met: undefined, how });
  rows.push({
    figure: 'collection: lower bound',
    value: seconds(r.lowerBoundMs),
    target: '-',
    met: undefined,
    how: `max(chain ${r.lowerBound.chainCalls} calls × 40 ms = ${seconds(r.lowerBound.chainMs)}, slowest bucket ${r.lowerBound.rateApi}: (calls − burst) ÷ rate = ${seconds(r.lowerBound.rateMs)})`,
  });
  rows.push({ figure: 'collection: wall ÷ lower bound', value: r.ratio.toFixed(2), target: '≤ 1.30', met: r.ratio <= 1.3, how: `CPU used ${seconds(r.cpuMs)} on one core; the same collection at zero latency, no rate limits: ${seconds(r.cpuFloorMs)}` });
  rows.push({ figure: 'collection: calls ÷ minimal plan', value: `${r.calls} / ${r.minimalCalls} = ${r.callsRatio.toFixed(3)}`, target: '≤ 1.10', met: r.callsRatio <= 1.1, how: `minimal plan worked out from the account (largest pages, one describe per resource); extra: ${Object.entries(r.extraCalls).map(([op, c]) => `${op} ${c.made}/${c.minimal}`).join(', ') || 'none'}` });
  rows.push({ figure: 'collection: retries / throttled', value: `${r.retries} / ${r.throttles}`, target: '-', met: undefined, how: `${r.attempts} attempts in all; ${r.coverageErrors} coverage errors` });
}

async function evaluation(): Promise<void> {
  const given = option('--snapshot');
  const { file, resources } = given ? { file: given, resources: undefined } : await evaluationSnapshot();
  const reportFile = option('--report');
  const compiledDir = process.argv.includes('--tsx') ? undefined : compileForBench();
  let r: RepeatedEvaluation;
  try {
    r = benchEvaluation(file, { ...(reportFile ? { reportFile } : {}), ...(compiledDir ? { compiledDir } : {}) });
  } finally {
    // The build and a generated snapshot (about 100 MB) are this run's own: leave nothing behind in the temporary folder.
    if (compiledDir) rmSync(compiledDir, { recursive: true, force: true });
    if (!given) rmSync(dirname(file), { recursive: true, force: true });
  }
  results.evaluation = { ...r, snapshotResources: resources, ...(given ? { snapshot: given } : {}), ...(reportFile ? { report: reportFile } : {}) };
  const what = given ? `the snapshot ${given}` : 'a generated snapshot (evaluation preset)';
  const runtime = r.runtime === 'compiled' ? 'code compiled by tsc as for dist/' : 'code run through tsx';
  const how =
    `all ${r.checks} checks over ${r.resources} resources of ${what}, in child processes (${runtime}) that load only the snapshot reader, engine and checks; ` +
    `median of ${r.evaluateMsRuns.length} runs (${r.evaluateMsRuns.map(seconds).join(', ')}); CPU of the median run ${seconds(r.evaluateCpuMs)} ` +
    `(all threads, garbage collection included: about the wall time when another process holds the second core); ` +
    `slowest alone: ${r.slowestChecks.slice(0, 3).map((c) => `${c.id} ${c.ms} ms`).join(', ')}`;
  rows.push({ figure: 'evaluation: time', value: r.timedOut ? 'timed out' : seconds(r.evaluateMs), target: '< 2 s', met: !r.timedOut && r.evaluateMs < 2000, how });
  rows.push({
    figure: 'evaluation: peak RSS',
    value: `${r.peakRssMb} MB`,
    target: '< 512 MB',
    met: !r.timedOut && r.peakRssMb < 512,
    how: `the highest maxRSS of the runs: ${r.loadedRssMb} MB once the snapshot was read and validated (${seconds(r.loadMs)}), ${r.peakRssMb} MB after ${r.findings} findings`,
  });
}

/** The value after a `--name` argument, if given. */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function template(): void {
  const r = benchTemplate(2000);
  results.template = r;
  rows.push({ figure: 'template audit', value: seconds(r.medianMs), target: '< 1 s', met: r.medianMs < 1000, how: `read, map and judge a ${r.resources}-resource generated template with every check; median of ${r.runs} after a warm-up` });
}

function cdk(): void {
  if (!existsSync(join(ROOT, 'bin/app.ts'))) {
    results.cdk = { measured: false, reason: 'bin/app.ts does not exist yet' };
    rows.push({ figure: 'CDK validation overhead', value: 'not measurable yet', target: '< 10 %', met: undefined, how: 'no example app (bin/app.ts)' });
    return;
  }
  const out = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'cdk-synth.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 22 });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !line.startsWith('{')) {
    results.cdk = { measured: false, reason: out.stderr.trim().split('\n').slice(-3).join(' ') };
    rows.push({ figure: 'CDK validation overhead', value: 'synth failed', target: '< 10 %', met: false, how: 'see results.cdk.reason' });
    return;
  }
  const r = JSON.parse(line) as { synthMs: number; hardeksMs: number; plugins: Record<string, number> };
  const overhead = r.hardeksMs / Math.max(1, r.synthMs - r.hardeksMs);
  results.cdk = { measured: true, ...r, overhead };
  rows.push({ figure: 'CDK validation overhead', value: `${(overhead * 100).toFixed(1)} %`, target: '< 10 %', met: overhead < 0.1, how: `hardeks plugins' validate ${r.hardeksMs} ms of a ${r.synthMs} ms synth of bin/app.ts (second synth; other plugins: ${Object.entries(r.plugins).filter(([n]) => !/hardeks|Hardened/i.test(n)).map(([n, ms]) => `${n} ${ms} ms`).join(', ')})` });
}

function lambda(): void {
  const entries = ['bin', 'lib', 'constructs']
    .flatMap((dir) => (existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)).map((f) => join(dir, f)) : []))
    .filter((f) => /lambda|handler/i.test(f) && /\.ts$/.test(f) && statSync(join(ROOT, f)).isFile());
  if (entries.length === 0) {
    results.lambda = { measured: false, reason: 'no Lambda entry (bin/*lambda*.ts) exists yet' };
    rows.push({ figure: 'Lambda bundle size', value: 'no entry yet', target: '-', met: undefined, how: 'looked for bin/, lib/, constructs/ *lambda*/*handler*.ts' });
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const entry = entries[0]!;
  const built = esbuild.buildSync({ entryPoints: [join(ROOT, entry)], bundle: true, minify: true, platform: 'node', target: 'node20', write: false, metafile: true, external: ['@aws-sdk/*'] });
  const bytes = built.outputFiles.reduce((n, f) => n + f.contents.length, 0);
  results.lambda = { measured: true, entry, bytes };
  rows.push({ figure: 'Lambda bundle size', value: `${(bytes / 1024).toFixed(0)} KiB`, target: '-', met: undefined, how: `esbuild bundle of ${entry}, minified, AWS SDK v3 external (in the runtime)` });
}

const SECTIONS: Record<string, () => unknown> = { collection, evaluation, template, cdk, lambda };

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => a in SECTIONS);
  for (const name of wanted.length > 0 ? wanted : Object.keys(SECTIONS)) {
    process.stderr.write(`bench: ${name}…\n`);
    await SECTIONS[name]!();
  }
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results/latest.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, rows, results }, null, 2)}\n`);
  const width = (key: keyof Row) => Math.max(key.length, ...rows.map((r) => String(r[key]).length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const columns = ['figure', 'value', 'target'] as const;
  const out = [
    line([...columns.map((c) => c.padEnd(width(c))), 'met', 'how it was measured']),
    line([...columns.map((c) => '-'.repeat(width(c))), '---', '---']),
    ...rows.map((r) => line([...columns.map((c) => String(r[c]).padEnd(width(c))), r.met === undefined ? ' - ' : r.met ? 'yes' : 'NO ', r.how])),
  ];
  process.stdout.write(`${out.join('\n')}\n\n(${machine.cpus} × ${machine.cpu}, Node ${machine.node}; written to bench/results/latest.json)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
