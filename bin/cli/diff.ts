import type { Severity } from '../../lib/engine/types';
import { diffReports, formatDiffJson, formatDiffText, regressions } from '../../lib/report/diff';
import { readReport } from '../../lib/report/read-report';
import { colorWanted } from './audit';
import { EXIT } from './exit-codes';
import type { Io } from './program';

export interface DiffFlags {
  readonly format: 'text' | 'json';
  readonly failOn?: Severity;
}

/** `hardeks diff OLD NEW`: exit 1 when NEW has unsuppressed FAILs (at or above --fail-on) that OLD did not. */
export async function runDiff(oldFile: string, newFile: string, flags: DiffFlags, io: Io): Promise<number> {
  const [before, after] = await Promise.all([readReport(oldFile), readReport(newFile)]);
  const diff = diffReports(before, after);
  io.stdout.write(flags.format === 'json' ? formatDiffJson(diff) : formatDiffText(diff, { color: colorWanted(io) }));
  return regressions(diff, flags.failOn ?? 'info').length > 0 ? EXIT.FAILED : EXIT.OK;
}
