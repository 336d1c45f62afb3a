/**
 * IAM wildcard patterns: `*` matches any run of characters (also none), `?` exactly one. Action
 * names compare case-insensitively; ARNs and condition values case-sensitively. Besides matching a
 * concrete string, the analyser asks two questions about patterns themselves:
 * `covers(general, specific)` (every string the specific pattern matches, the general one matches too)
 * and `intersects(a, b)` (some string matches both).
 */

const regexCache = new Map<string, RegExp>();

/**
 * Answers of `covers` and `intersects` by pattern pair. An audit asks the same few questions (the
 * escalation paths' actions against each statement's patterns) once per principal and policy, so
 * the dynamic programme runs once per distinct pair. Bounded, so a long-lived process cannot grow
 * it without limit: past the bound it starts again empty.
 */
type PairCache = Map<string, Map<string, boolean>>;
const PAIR_CACHE_LIMIT = 100_000;
let cachedPairs = 0;
const coversExactly: PairCache = new Map();
const coversIgnoringCase: PairCache = new Map();
const intersectsExactly: PairCache = new Map();
const intersectsIgnoringCase: PairCache = new Map();

function remembered(cache: PairCache, a: string, b: string, ignoreCase: boolean, compute: (a: string, b: string, ignoreCase: boolean) => boolean): boolean {
  let row = cache.get(a);
  const known = row?.get(b);
  if (known !== undefined) return known;
  if (cachedPairs >= PAIR_CACHE_LIMIT) {
    for (const c of [coversExactly, coversIgnoringCase, intersectsExactly, intersectsIgnoringCase]) c.clear();
    cachedPairs = 0;
    row = undefined;
  }
  const answer = compute(a, b, ignoreCase);
  if (!row) {
    row = new Map();
    cache.set(a, row);
  }
  row.set(b, answer);
  cachedPairs += 1;
  return answer;
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Does `pattern` match the concrete string `text`? */
export function wildcardMatches(pattern: string, text: string, ignoreCase = false): boolean {
  const cacheKey = `${ignoreCase ? 'i' : 's'}\u0000${pattern}`;
  let regex = regexCache.get(cacheKey);
  if (!regex) {
    const body = [...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : escapeRegex(c))).join('');
    regex = new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
    regexCache.set(cacheKey, regex);
  }
  return regex.test(text);
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

function sameChar(a: string, b: string, ignoreCase: boolean): boolean {
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * Every string `specific` matches is also matched by `general`. Sound: a `true` is always right;
 * in contrived cases (`a*` against `a?*`… is fine, but e.g. `*a*` against `a*` with overlaps) it
 * may answer `false` for a pattern that is in fact covered, which only ever makes the analyser
 * report more access, never less.
 */
export function covers(general: string, specific: string, ignoreCase = false): boolean {
  return remembered(ignoreCase ? coversIgnoringCase : coversExactly, general, specific, ignoreCase, coversUncached);
}

function coversUncached(general: string, specific: string, ignoreCase: boolean): boolean {
  const g = [...general];
  const s = [...specific];
  const memo = new Map<number, boolean>();
  const at = (i: number, j: number): boolean => {
    const key = i * (s.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === g.length) result = j === s.length;
    else if (g[i] === '*') result = at(i + 1, j) || (j < s.length && at(i, j + 1));
    else if (j === s.length || s[j] === '*') result = false;
    else if (g[i] === '?') result = at(i + 1, j + 1);
    else result = s[j] !== '?' && sameChar(g[i]!, s[j]!, ignoreCase) && at(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return at(0, 0);
}

/** Some string is matched by both patterns. Exact. */
export function intersects(a: string, b: string, ignoreCase = false): boolean {
  return remembered(ignoreCase ? intersectsIgnoringCase : intersectsExactly, a, b, ignoreCase, intersectsUncached);
}

function intersectsUncached(a: string, b: string, ignoreCase: boolean): boolean {
  const x = [...a];
  const y = [...b];
  const memo = new Map<number, boolean>();
  const at = (i: number, j: number): boolean => {
    const key = i * (y.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === x.length && j === y.length) result = true;
    else if (i < x.length && x[i] === '*') result = at(i + 1, j) || (j < y.length && at(i, j + 1));
    else if (j < y.length && y[j] === '*') result = at(i, j + 1) || (i < x.length && at(i + 1, j));
    else if (i === x.length || j === y.length) result = false;
    else result = (x[i] === '?' || y[j] === '?' || sameChar(x[i]!, y[j]!, ignoreCase)) && at(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return at(0, 0);
}
