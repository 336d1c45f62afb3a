import type { Verdict } from '../../../engine/check';

/** How bad a verdict is, for merging several verdicts on one key: FAIL beats UNKNOWN beats PASS. */
const WEIGHT: Readonly<Record<Verdict['status'], number>> = { FAIL: 3, UNKNOWN: 2, PASS: 1, NOT_APPLICABLE: 0 };

/**
 * One verdict per key, the worst of those given for it (first wins on ties), in first-seen order.
 * Two statements trusting the same provider are one provider: the weaker statement decides.
 */
export function worstPerKey(verdicts: readonly Verdict[]): Verdict[] {
  const byKey = new Map<string, Verdict>();
  for (const verdict of verdicts) {
    const key = verdict.key ?? '';
    const seen = byKey.get(key);
    if (!seen || WEIGHT[verdict.status] > WEIGHT[seen.status]) byKey.set(key, verdict);
  }
  return [...byKey.values()];
}

/** `a, b, c and 2 more`: for messages naming many things. */
export function listed(items: readonly string[], shown = 3): string {
  const unique = [...new Set(items)];
  return unique.length <= shown ? unique.join(', ') : `${unique.slice(0, shown).join(', ')} and ${unique.length - shown} more`;
}
