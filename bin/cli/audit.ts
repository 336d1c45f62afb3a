import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ALL_CHECKS } from '../../lib/checks';
import { selectChecks } from '../../lib/checks/select';
import { runChecks } from '../../lib/engine/run';
import { parseSuppressions, type Suppression } from '../../lib/engine/suppressions';
import type { Severity } from '../../lib/engine/types';
import { InputError } from '../../lib/errors';
import { failuresAtOrAbove, filterBySeverity } from '../../lib/report/filter';
import { renderReport, type ReportFormat } from '../../lib/report/formats';
import { checksOfPack, complianceView, packById } from '../../lib/packs';
import { loadTemplates, readCloudAssembly, stacksFromFiles } from '../../lib/sources/cloudformation/files';
import { readSnapshot } from '../../lib/sources/snapshot/snapshot';
import type { Inventory } from '../../lib/model';
import { parseConfig } from '../../lib/config';
import { EXIT } from './exit-codes';
import { LIVE_ONLY_FLAGS, collectLive, type LiveFlags } from './live';
import type { Io } from './program';

export interface AuditFlags extends LiveFlags {
  readonly config?: string;
  readonly snapshot?: string;
  readonly demo?: boolean;
  readonly template?: string[];
  readonly cdkOut?: string;
  readonly parameter?: string[];
  readonly format: ReportFormat;
  /** Limit the audit to a compliance framework's controls and print its per-control table. */
  readonly framework?: string;
  /** ASFF: the region findings are imported into. */
  readonly securityHubRegion?: string;
  readonly output?: string;
  readonly checks?: string[];
  readonly severityThreshold?: Severity;
  readonly failOn?: Severity;
  readonly suppressions?: string;
  readonly strict?: boolean;
  readonly all?: boolean;
}

/** The built-in example, shipped in the package next to dist/. */
export function demoSnapshotPath(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'examples'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new InputError('DEMO_MISSING', 'the built-in example examples/demo-account.json is not installed');
    dir = parent;
  }
  return join(dir, 'examples', 'demo-account.json');
}

/** What the audit judges, with the accepted risks it carries (template metadata) and what the report says of its origin. */
interface Source {
  readonly inventory: Inventory;
  readonly suppressions: Suppression[];
  readonly sourceInfo: Record<string, unknown>;
}

const SOURCE_FLAGS = ['--snapshot', '--demo', '--template', '--cdk-out'] as const;

function chosenSources(flags: AuditFlags): string[] {
  const given = [flags.snapshot !== undefined, flags.demo === true, flags.template !== undefined, flags.cdkOut !== undefined];
  return SOURCE_FLAGS.filter((_flag, i) => given[i]);
}

/** `Key=Value` pairs of --parameter; the key may be a pseudo-parameter such as AWS::AccountId. */
export function parseParameters(pairs: readonly string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError('PARAMETER_INVALID', `--parameter expects Key=Value; got ${JSON.stringify(pair)}`);
    parameters[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return parameters;
}

async function loadSource(flags: AuditFlags, io: Io): Promise<Source> {
  const sources = chosenSources(flags);
  if (sources.length === 0) {
    // No file to judge: audit the live account the credentials belong to.
    const inventory = await collectLive(flags, io);
    return { inventory, suppressions: [], sourceInfo: {} };
  }
  const liveOnly = LIVE_ONLY_FLAGS.filter(([key]) => flags[key] !== undefined).map(([, flag]) => flag);
  if (liveOnly.length > 0) throw new InputError('LIVE_FLAG_WITHOUT_LIVE', `${liveOnly.join(', ')} appl${liveOnly.length > 1 ? 'y' : 'ies'} to a live audit only, not to ${sources.join(' ')}`);
  if (sources.length > 1) throw new InputError('SOURCE_CONFLICT', `choose one source to audit, not ${sources.join(' and ')}`);
  const parameters = parseParameters(flags.parameter ?? []);
  if (Object.keys(parameters).length > 0 && !flags.template && !flags.cdkOut) {
    throw new InputError('PARAMETER_WITHOUT_TEMPLATE', '--parameter applies to --template or --cdk-out only');
  }
  if (flags.template || flags.cdkOut) {
    const stacks = flags.cdkOut ? readCloudAssembly(flags.cdkOut) : stacksFromFiles(flags.template ?? []);
    const loaded = loadTemplates(stacks, { parameters });
    return {
      inventory: loaded.inventory,
      suppressions: loaded.suppressions,
      sourceInfo: flags.cdkOut ? { cdkOut: flags.cdkOut, stacks: stacks.map((s) => s.stack) } : { templates: stacks.map((s) => s.file) },
    };
  }
  const file = flags.demo ? demoSnapshotPath() : flags.snapshot!;
  return { inventory: await readSnapshot(file), suppressions: [], sourceInfo: { snapshot: flags.demo ? 'examples/demo-account.json' : file } };
}

export async function runAudit(flags: AuditFlags, io: Io): Promise<number> {
  // Validate everything the user gave before doing any work, so a typo costs nothing.
  const pack = flags.framework ? packById(flags.framework) : undefined;
  const selected = selectChecks(ALL_CHECKS, { ids: flags.checks, services: flags.services });
  const checks = pack ? checksOfPack(pack, selected) : selected;
  if (pack && checks.length === 0) {
    throw new InputError('FRAMEWORK_WITHOUT_CHECKS', `none of the selected checks covers a control of ${pack.name} ${pack.version}`);
  }
  const fileSuppressions = flags.suppressions ? await loadSuppressions(flags.suppressions) : [];
  const checkOptions = flags.config ? parseConfig(await readText(flags.config, 'CONFIG_UNREADABLE', 'configuration'), flags.config, ALL_CHECKS).checkOptions : {};
  const { inventory, suppressions: metadataSuppressions, sourceInfo } = await loadSource(flags, io);
  const suppressions = [...fileSuppressions, ...metadataSuppressions];

  let report = runChecks(inventory, checks, { suppressions, sourceInfo, checkOptions });
  if (flags.severityThreshold) report = filterBySeverity(report, flags.severityThreshold);

  const toTerminal = !flags.output;
  const rendered = renderReport(report, flags.format, {
    color: toTerminal && colorWanted(io),
    all: flags.all ?? false,
    ...(toTerminal && io.stdout.isTTY && io.stdout.columns ? { width: io.stdout.columns } : {}),
    ...(pack ? { compliance: complianceView(pack, report, checks) } : {}),
    ...(flags.securityHubRegion ? { region: flags.securityHubRegion } : {}),
    // A template names no account; ASFF needs one, and the pseudo-parameter is where users give it.
    ...(templateAccount(flags) ? { accountId: templateAccount(flags) } : {}),
    baseDir: process.cwd(),
  });
  if (flags.output) {
    await writeFile(resolve(flags.output), rendered, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new InputError('OUTPUT_UNWRITABLE', `cannot write ${flags.output}: ${error.code ?? error.message}`);
    });
    io.stderr.write(`hardeks: wrote ${flags.format} report (${report.summary.total} findings) to ${flags.output}\n`);
  } else {
    io.stdout.write(rendered);
  }

  if (failuresAtOrAbove(report.findings, flags.failOn ?? flags.severityThreshold ?? 'info').length > 0) return EXIT.FAILED;
  if (flags.strict && (report.summary.byStatus.UNKNOWN > 0 || report.summary.byStatus.ERROR > 0)) return EXIT.INCOMPLETE;
  return EXIT.OK;
}

function templateAccount(flags: AuditFlags): string | undefined {
  return parseParameters(flags.parameter ?? [])['AWS::AccountId'];
}

async function loadSuppressions(file: string): Promise<Suppression[]> {
  return parseSuppressions(await readText(file, 'SUPPRESSIONS_UNREADABLE', 'suppressions'), file);
}

export async function readText(file: string, code: string, what: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(code, `cannot read ${what} ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorWanted(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
