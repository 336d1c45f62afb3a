import { readFile } from 'node:fs/promises';
import type { Report } from '../engine/types';
import { zodProblems } from '../engine/zod-problems';
import { InputError } from '../errors';
import { reportSchema } from './report-schema';

/** Parses a hardeks JSON report (`audit --format json`); every problem is reported at once. */
export function parseReport(text: string, source: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError('REPORT_INVALID', `${source} is not JSON: ${(error as Error).message}`);
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error);
    const shown = problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`… ${problems.length - shown.length} more`);
    throw new InputError(
      'REPORT_INVALID',
      `${source} is not a hardeks JSON report (write one with --format json) (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${shown.join('; ')}`,
    );
  }
  return parsed.data;
}

export async function readReport(file: string): Promise<Report> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError('REPORT_UNREADABLE', `cannot read report ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  return parseReport(text, file);
}
