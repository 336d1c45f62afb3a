/** SDK v3 returns `Date`s, recorded fixtures strings: both become ISO strings so inventories stay JSON-safe. */
export function isoDate(value: Date | string | number | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** `[{ Key, Value }]` (EC2, IAM, KMS styles) → `{ key: value }`. */
export function tagMap(tags: readonly { Key?: string; Value?: string; TagKey?: string; TagValue?: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) {
    const key = t.Key ?? t.TagKey;
    if (key !== undefined) out[key] = t.Value ?? t.TagValue ?? '';
  }
  return out;
}

/** Drops keys whose value is undefined, so optional model fields are absent rather than `undefined`. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOf(arn: string): string {
  return arn.split(':')[1] ?? 'aws';
}
