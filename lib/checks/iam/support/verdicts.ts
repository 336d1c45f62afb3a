import { fail, pass, unknown, type Verdict } from '../../../engine/check';
import type { StatementRef, Tri } from '../../../policy';

/** Describes statements for messages: `Sid FullAccess of managed policy arn:…`. */
export function describeRefs(refs: readonly StatementRef[]): string {
  const unique = [...new Set(refs.map((r) => `${r.statement} of ${r.policy}`))];
  return unique.length <= 3 ? unique.join('; ') : `${unique.slice(0, 3).join('; ')} and ${unique.length - 3} more`;
}

/** One verdict from a three-valued answer where `yes` is the bad state. */
export function verdictOfRisk(answer: Tri, messages: { readonly bad: string; readonly good: string; readonly unknown: string }, extras: { readonly key?: string; readonly evidence?: Record<string, unknown> } = {}): Verdict {
  if (answer === 'yes') return fail(messages.bad, extras);
  if (answer === 'no') return pass(messages.good, extras);
  return unknown(messages.unknown, extras.key);
}
