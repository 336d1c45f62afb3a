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
import { formatJson } from '../../lib/report/json';
import { formatText } from '../../lib/report/text';
import { readSnapshot } from '../../lib/sources/snapshot/snapshot';
import { EXIT } from './exit-codes';
import type { Io } from './program';

export interface AuditFlags {
  readonly snapshot?: string;
  readonly demo?: boolean;
  readonly format: 'text' | 'json';
  readonly output?: string;
  readonly checks?: string[];
  readonly services?: string[];
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

export async function runAudit(flags: AuditFlags, io: Io): Promise<number> {
  const file = flags.demo ? demoSnapshotPath() : flags.snapshot;
  if (!file) {
    throw new InputError('NO_SOURCE', 'audit needs something to judge: --snapshot FILE, or --demo for the built-in example');
  }
  // Validate everything the user gave before doing any work, so a typo costs nothing.
  const checks = selectChecks(ALL_CHECKS, { ids: flags.checks, services: flags.services });
  const suppressions = flags.suppressions ? await loadSuppressions(flags.suppressions) : [];
  const inventory = await readSnapshot(file);

  let report = runChecks(inventory, checks, { suppressions, sourceInfo: { snapshot: flags.demo ? 'examples/demo-account.json' : file } });
  if (flags.severityThreshold) report = filterBySeverity(report, flags.severityThreshold);

  const toTerminal = !flags.output;
  const rendered =
    flags.format === 'json'
      ? formatJson(report)
      : formatText(report, {
          color: toTerminal && colorWanted(io),
          all: flags.all ?? false,
          ...(toTerminal && io.stdout.isTTY && io.stdout.columns ? { width: io.stdout.columns } : {}),
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

async function loadSuppressions(file: string): Promise<Suppression[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError('SUPPRESSIONS_UNREADABLE', `cannot read suppressions ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  return parseSuppressions(text, file);
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
function colorWanted(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
