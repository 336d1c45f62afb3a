/**
 * Three-valued answers. A policy value a template could not resolve may change an answer, and the
 * analyser must then say so instead of guessing: `unknown` propagates by Kleene's rules.
 */
export type Tri = 'yes' | 'no' | 'unknown';

export const YES: Tri = 'yes';
export const NO: Tri = 'no';
export const UNKNOWN: Tri = 'unknown';

export function fromBoolean(value: boolean): Tri {
  return value ? YES : NO;
}

/** True when any is true; unknown when none is true but some are unknown. */
export function anyOf(values: Iterable<Tri>): Tri {
  let result: Tri = NO;
  for (const v of values) {
    if (v === YES) return YES;
    if (v === UNKNOWN) result = UNKNOWN;
  }
  return result;
}

/** False when any is false; unknown when none is false but some are unknown. */
export function allOf(values: Iterable<Tri>): Tri {
  let result: Tri = YES;
  for (const v of values) {
    if (v === NO) return NO;
    if (v === UNKNOWN) result = UNKNOWN;
  }
  return result;
}

export function not(value: Tri): Tri {
  return value === YES ? NO : value === NO ? YES : UNKNOWN;
}

export function and(...values: Tri[]): Tri {
  return allOf(values);
}

export function or(...values: Tri[]): Tri {
  return anyOf(values);
}

/** `or` of two answers, without building a list (the analyser's inner loops). */
export function either(a: Tri, b: Tri): Tri {
  if (a === YES || b === YES) return YES;
  return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : NO;
}

/** `and` of two answers, without building a list. */
export function both(a: Tri, b: Tri): Tri {
  if (a === NO || b === NO) return NO;
  return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : YES;
}
