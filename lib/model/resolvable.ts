import { z } from 'zod';

/**
 * A value a source could not work out: a template parameter, an import, a pseudo-parameter.
 * `unresolved` holds a readable rendering of what it depends on, e.g. `<ClusterKey.Arn>`.
 * Live and snapshot-of-live inventories never contain one.
 */
export const unresolvedSchema = z.strictObject({ unresolved: z.string() });
export type Unresolved = z.infer<typeof unresolvedSchema>;

/** A value that is either known or explicitly Unresolved. Read it with `must()` in checks. */
export type Resolvable<T> = T | Unresolved;

/** Schema combinator: `resolvable(z.boolean())` accepts `true`, `false` or `{ unresolved: '…' }`. */
export function resolvable<T extends z.ZodType>(schema: T) {
  return z.union([schema, unresolvedSchema]);
}

export function isUnresolved(value: unknown): value is Unresolved {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { unresolved?: unknown }).unresolved === 'string' &&
    Object.keys(value).length === 1
  );
}

export function unresolved(reference: string): Unresolved {
  return { unresolved: reference };
}

/** Renders a Resolvable for messages: the value itself, or its `<reference>`. */
export function describeResolvable(value: Resolvable<string | number | boolean>): string {
  return isUnresolved(value) ? value.unresolved : String(value);
}
