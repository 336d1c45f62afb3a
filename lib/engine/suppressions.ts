import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors';
import { zodProblems } from './zod-problems';
import type { Finding, SuppressionUsage } from './types';

/** One glob, or a non-empty list of alternatives (any of them may match). */
const isGlobs = (value: unknown): value is string | string[] =>
  (typeof value === 'string' && value.length > 0) ||
  (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.length > 0));
// A custom check rather than a union, so a missing or mistyped field gets one plain message.
const globs = z.custom<string | string[]>(isGlobs, {
  error: (issue) => (issue.input === undefined ? 'expected string, received undefined' : 'expected a non-empty string or a non-empty list of them'),
});
const tagSet = z.record(z.string(), z.string());

/**
 * Accepted risk, written down.
 *
 * Matching: every field given must match (AND). A field given as a list matches when any of its
 * entries does (OR within the field). Globs use `*` (any run of characters, `/` included) and `?`.
 * `tags` is one tag set, all of whose tags must equal the resource's, or a list of such sets of
 * which any one must match. `key` only matches granular findings (those with a key).
 * A suppression marks matching findings; it never changes their status.
 */
export const suppressionSchema = z.strictObject({
  /** Check id or glob (`eks-*`), or a list of them. */
  checkId: globs,
  /** Granular key or glob (`LogType::*`), or a list of them. */
  key: globs.optional(),
  /** Resource id/ARN or glob, or a list of them. */
  resource: globs.optional(),
  accountId: globs.optional(),
  region: globs.optional(),
  tags: z.union([tagSet, z.array(tagSet).min(1, 'a list of alternatives needs at least one entry')]).optional(),
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

/** A field's alternatives as one predicate; an absent field constrains nothing. */
function anyGlob(patterns: string | readonly string[] | undefined): (value: string) => boolean {
  if (patterns === undefined) return () => true;
  const matchers = (typeof patterns === 'string' ? [patterns] : patterns).map((p) => picomatch(p, { bash: true, dot: true }));
  return (value) => matchers.some((m) => m(value));
}

function anyTagSet(tags: Suppression['tags']): (resourceTags: Readonly<Record<string, string>> | undefined) => boolean {
  if (tags === undefined) return () => true;
  const sets = (Array.isArray(tags) ? tags : [tags]).map((set) => Object.entries(set));
  return (resourceTags) => sets.some((set) => set.every(([k, v]) => resourceTags?.[k] === v));
}

function compile(suppression: Suppression): CompiledSuppression {
  const checkId = anyGlob(suppression.checkId);
  const key = anyGlob(suppression.key);
  const resource = anyGlob(suppression.resource);
  const account = anyGlob(suppression.accountId);
  const region = anyGlob(suppression.region);
  const tags = anyTagSet(suppression.tags);
  return {
    suppression,
    matches: ({ finding, tags: resourceTags }) =>
      checkId(finding.checkId) &&
      (suppression.key === undefined || (finding.key !== undefined && key(finding.key))) &&
      resource(finding.resource.id) &&
      account(finding.resource.accountId) &&
      region(finding.resource.region) &&
      tags(resourceTags),
  };
}

/** How a suppression names its checks in reports: the id or glob, or its alternatives joined by `, `. */
export function checkIdLabel(suppression: Pick<Suppression, 'checkId'>): string {
  return typeof suppression.checkId === 'string' ? suppression.checkId : suppression.checkId.join(', ');
}

// Most audits have no suppression: no list to filter for each of their findings.
const NO_HITS: readonly CompiledSuppression[] = [];

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
    const hits = active.length === 0 ? NO_HITS : active.filter((c) => c.matches(item));
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
        .map((s) => ({ checkId: checkIdLabel(s), expires: s.expires ?? '', reason: s.reason, source: s.source })),
      unused: active
        .filter((c) => !used.has(c.suppression))
        .map(({ suppression: s }) => ({ checkId: checkIdLabel(s), reason: s.reason, source: s.source })),
    },
  };
}

/** What `hardeks suppressions validate` reports about a file that parsed. */
export interface SuppressionFileReview {
  readonly suppressions: readonly Suppression[];
  /** Entries past their expiry: they no longer apply. */
  readonly expired: readonly Suppression[];
  /** Entries whose check ids match no known check: they can never apply (a typo, or a removed check). */
  readonly matchingNoCheck: readonly Suppression[];
}

/**
 * Reads a suppressions file and reviews it against the known check ids at `now`. Parsing problems
 * throw (InputError SUPPRESSIONS_INVALID, every problem at once); the rest is returned for the caller to report.
 */
export function reviewSuppressions(text: string, source: string, knownCheckIds: readonly string[], now: Date): SuppressionFileReview {
  const suppressions = parseSuppressions(text, source);
  return {
    suppressions,
    expired: suppressions.filter((s) => isExpired(s, now)),
    matchingNoCheck: suppressions.filter((s) => !knownCheckIds.some(anyGlob(s.checkId))),
  };
}
