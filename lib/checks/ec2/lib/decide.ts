import { Indeterminate, must, unknown, type Verdict } from '../../../engine/check';
import type { Resolvable } from '../../../model';

/** The outcome of a judgement that may depend on values that were not established. */
export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Runs `judge`, keeping an Indeterminate (an unresolved value, uncollected data) as a reason instead
 * of ending the whole evaluation: one undecidable rule must not hide another rule's definite FAIL.
 */
export function attempt<T>(judge: () => T): Attempt<T> {
  try {
    return { ok: true, value: judge() };
  } catch (error) {
    if (error instanceof Indeterminate) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** One keyed verdict; an Indeterminate inside makes that key UNKNOWN and leaves the other keys alone. */
export function settle(key: string | undefined, judge: () => Verdict): Verdict {
  const outcome = attempt(judge);
  return outcome.ok ? outcome.value : unknown(`Could not be judged: ${outcome.reason}.`, key);
}

/** UNKNOWN for what could not be decided, naming at most three reasons. */
export function undecided(subject: string, reasons: readonly string[], key?: string): Verdict {
  const shown = [...new Set(reasons)].slice(0, 3).join('; ');
  return unknown(`${subject} could not be decided: ${shown}.`, key);
}

/**
 * Whether a list of references names one of `ids`: `yes` as soon as one resolved entry does, `maybe`
 * when none does but an unresolved entry could, `no` otherwise.
 */
export function mentions(references: readonly Resolvable<string>[], ids: ReadonlySet<string>): 'yes' | 'no' | 'maybe' {
  let unsure = false;
  for (const reference of references) {
    const resolved = attempt(() => must(reference));
    if (!resolved.ok) unsure = true;
    else if (ids.has(resolved.value)) return 'yes';
  }
  return unsure ? 'maybe' : 'no';
}

/** The ids a resource may be referred to by: its inventory id, and its AWS id once that is known. */
export function referenceIds(inventoryId: string, awsId: Resolvable<string>): Set<string> {
  const ids = new Set([inventoryId]);
  const resolved = attempt(() => must(awsId));
  if (resolved.ok) ids.add(resolved.value);
  return ids;
}
