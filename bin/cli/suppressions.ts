import { ALL_CHECKS } from '../../lib/checks';
import { checkIdLabel, reviewSuppressions } from '../../lib/engine/suppressions';
import { readText } from './audit';
import { EXIT } from './exit-codes';
import type { Io } from './program';

/**
 * `hardeks suppressions validate FILE`: 0 when every entry is valid and can apply; 1 when some
 * are expired or name no known check (the file parses but does not do what its author thinks);
 * 2 when the file is not a valid suppressions file (every problem listed).
 */
export async function runSuppressionsValidate(file: string, io: Io, now: Date = new Date()): Promise<number> {
  const text = await readText(file, 'SUPPRESSIONS_UNREADABLE', 'suppressions');
  const review = reviewSuppressions(text, file, ALL_CHECKS.map((c) => c.id), now);
  const count = review.suppressions.length;
  io.stdout.write(`${file}: ${count} suppression${count === 1 ? '' : 's'}, valid.\n`);
  for (const s of review.expired) io.stdout.write(`  expired on ${s.expires}: ${checkIdLabel(s)} — ${s.reason}\n`);
  for (const s of review.matchingNoCheck) io.stdout.write(`  matches no known check: ${checkIdLabel(s)} — ${s.reason}\n`);
  const warnings = review.expired.length + review.matchingNoCheck.length;
  if (warnings > 0) {
    io.stdout.write(`${warnings} entr${warnings === 1 ? 'y does' : 'ies do'} not apply.\n`);
    return EXIT.FAILED;
  }
  return EXIT.OK;
}
