import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors';
import { zodProblems } from './zod-problems';
import type { Finding, SuppressionUsage } from './types';

const glob = z.string().min(1);

/**
 * Accepted risk, written down. Every given field must match (AND); `tags` must all match the
 * resource's tags. Globs use `*` (any run of characters, `/` included) and `?`.
 * A suppression marks matching findings; it never changes their status.
 */
export const suppressionSchema = z.strictObject({
  /** Check id or glob (`eks-*`). */
  checkId: glob,
  /** Granular key or glob (`LogType::*`). */
  key: glob.optional(),
  /** Resource id/ARN or glob. */
  resource: glob.optional(),
  accountId: glob.optional(),
  region: glob.optional(),
  tags: z.record(z.string(), z.string()).optional(),
  reason: z.string().trim().min(10, 'a reason of at least 10 characters is required'),
  /** Last day (UTC) the suppression applies, `YYYY-MM-DD`, or an ISO timestamp. */
  expires: z
    .string()
    .refine((s) => expiryInstant(s) !== undefined, 'expected a date YYYY-MM-DD or an ISO 8601 timestamp')
    .optional(),
});
export type SuppressionInput = z.infer<typeof suppressionSchema>;

export interface Suppression extends SuppressionInput {
  /** Where it was declared: a file path, `cfn-metadata`, `api`. */
  readonly source: string;
}

export const suppressionFileSchema = z.strictObject({
  version: z.literal(1).optional(),
  suppressions: z.array(suppressionSchema),
});

/** Reads a suppressions file (YAML or JSON, `{ suppressions: [...] }`); every problem is reported at once. */
export function parseSuppressions(text: string, source: string): Suppression[] {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError('SUPPRESSIONS_INVALID', `${source} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = suppressionFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error);
    throw new InputError(
      'SUPPRESSIONS_INVALID',
      `${source} is not a valid suppressions file (${problems.length} problem${problems.length === 1 ? '' : 's'}): ` +
        problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    );
  }
  return parsed.data.suppressions.map((s) => ({ ...s, source }));
}

/** The instant a suppression stops applying: the end of its `expires` day (UTC), or the timestamp given. */
export function expiryInstant(expires: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
    const start = Date.parse(`${expires}T00:00:00Z`);
    // Date.parse rolls impossible days over (2025-02-30 → 2025-03-02); refuse them instead.
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== expires) return undefined;
    return start + 24 * 60 * 60 * 1000;
  }
  const t = z.iso.datetime({ offset: true }).safeParse(expires);
  return t.success ? Date.parse(expires) : undefined;
}

export function isExpired(suppression: Pick<Suppression, 'expires'>, now: Date): boolean {
  if (suppression.expires === undefined) return false;
  const end = expiryInstant(suppression.expires);
  return end === undefined || now.getTime() >= end;
}

/** A finding together with the tags of the resource it is about (findings do not carry tags). */
export interface Suppressible {
  readonly finding: Finding;
  readonly tags?: Readonly<Record<string, string>>;
}

interface CompiledSuppression {
  readonly suppression: Suppression;
  readonly matches: (item: Suppressible) => boolean;
}

function compile(suppression: Suppression): CompiledSuppression {
  const matcher = (pattern: string | undefined) => (pattern === undefined ? () => true : picomatch(pattern, { bash: true, dot: true }));
  const checkId = matcher(suppression.checkId);
  const key = matcher(suppression.key);
  const resource = matcher(suppression.resource);
  const account = matcher(suppression.accountId);
  const region = matcher(suppression.region);
  const tags = Object.entries(suppression.tags ?? {});
  return {
    suppression,
    matches: ({ finding, tags: resourceTags }) =>
      checkId(finding.checkId) &&
      (suppression.key === undefined || (finding.key !== undefined && key(finding.key))) &&
      resource(finding.resource.id) &&
      account(finding.resource.accountId) &&
      region(finding.resource.region) &&
      tags.every(([k, v]) => resourceTags?.[k] === v),
  };
}

/**
 * Marks findings matched by a suppression that has not expired. Pure: returns new findings and
 * what each suppression did (applied, expired, unused) so the report can say so.
 */
export function applySuppressions(
  items: readonly Suppressible[],
  suppressions: readonly Suppression[],
  now: Date,
): { findings: Finding[]; usage: SuppressionUsage } {
  const active = suppressions.filter((s) => !isExpired(s, now)).map(compile);
  const used = new Set<Suppression>();
  let applied = 0;
  const findings = items.map((item) => {
    const hits = active.filter((c) => c.matches(item));
    const first = hits[0];
    if (!first) return item.finding;
    // The first match marks the finding; every match counts as used, so none is reported as dead weight.
    for (const hit of hits) used.add(hit.suppression);
    applied += 1;
    const { reason, expires, source } = first.suppression;
    return { ...item.finding, suppressed: { reason, source, ...(expires ? { expires } : {}) } };
  });
  return {
    findings,
    usage: {
      applied,
      expired: suppressions
        .filter((s) => isExpired(s, now))
        .map((s) => ({ checkId: s.checkId, expires: s.expires ?? '', reason: s.reason, source: s.source })),
      unused: active
        .filter((c) => !used.has(c.suppression))
        .map(({ suppression: s }) => ({ checkId: s.checkId, reason: s.reason, source: s.source })),
    },
  };
}
