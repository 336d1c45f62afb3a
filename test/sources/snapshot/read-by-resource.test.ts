import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SnapshotFormatError } from '../../../lib/errors';
import { snapshotPieces } from '../../../lib/sources/snapshot/pieces';
import { parseSnapshot, readSnapshot } from '../../../lib/sources/snapshot/snapshot';

/**
 * `readSnapshot` reads a snapshot of the plain shape one resource at a time to keep its memory
 * down, and any other document whole. Whatever the file holds, it must end exactly as
 * `parseSnapshot` of the file's JSON does: the same inventory, or the same problems, or (the file
 * is not JSON) the same one problem at `$`.
 */

const dir = mkdtempSync(join(tmpdir(), 'hardeks-read-'));
const DEMO = readFileSync(join(__dirname, '../../../examples/demo-account.json'), 'utf8');

type Outcome = { readonly inventory: unknown } | { readonly problems: readonly unknown[]; readonly message: string };

function refused(error: unknown): Outcome {
  if (error instanceof SnapshotFormatError) return { problems: error.problems, message: error.message };
  throw error;
}

/** What reading the whole text as JSON and validating it gives (the reference). */
function expectedFor(text: string, file: string): Outcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refused(new SnapshotFormatError(file, [{ path: '$', message: `not valid JSON: ${(error as Error).message}` }]));
  }
  try {
    return { inventory: parseSnapshot(raw, file) };
  } catch (error) {
    return refused(error);
  }
}

async function expectReadAsWhole(text: string): Promise<void> {
  const file = join(dir, 'snapshot.json');
  writeFileSync(file, text);
  const actual = await readSnapshot(file).then((inventory) => ({ inventory }) as Outcome, refused);
  expect(actual).toStrictEqual(expectedFor(text, file));
}

/** Every path into the document (the first three elements of each list), for replacing one value. */
function pathsOf(doc: unknown): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) value.slice(0, 3).forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(doc, []);
  return paths;
}

function replaced(doc: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

const demo = () => JSON.parse(DEMO) as { resources: Record<string, { id: string; [key: string]: unknown }[]>; [key: string]: unknown };

describe('readSnapshot reads a file exactly as the whole document reads', () => {
  test('a valid snapshot, pretty-printed or compact, is cut into resources and gives the same inventory', async () => {
    expect(snapshotPieces(Buffer.from(DEMO))).toBeDefined();
    expect(snapshotPieces(Buffer.from(JSON.stringify(demo())))).toBeDefined();
    await expectReadAsWhole(DEMO);
    await expectReadAsWhole(JSON.stringify(demo()));
    await expectReadAsWhole(`\r\n\t ${JSON.stringify(demo(), null, '\t')} \n\n`);
  });

  test('strings holding brackets, quotes, backslashes and other scripts stay whole', async () => {
    const doc = demo();
    const [kind, list] = Object.entries(doc.resources).find(([, l]) => l.some((r) => r.tags !== undefined))!;
    const tagged = list.findIndex((r) => r.tags !== undefined);
    list[tagged] = { ...list[tagged]!, tags: { 'a}]"\\': '{[\\"', 'ключ': 'значение ✓', '\u2028': '\ud83d\ude00' } };
    doc.resources[kind] = list;
    const text = JSON.stringify(doc);
    expect(snapshotPieces(Buffer.from(text))).toBeDefined();
    await expectReadAsWhole(text);
  });

  test('documents of another shape are read whole: keys twice, escaped keys, unknown keys, a BOM, trailing bytes', async () => {
    const text = JSON.stringify(demo());
    const twiceResources = text.replace('"resources":', '"resources":{},"resources":');
    const twiceKind = text.replace('"resources":{', '"resources":{"iam.user":[],');
    const escapedKey = text.replace('"resources":', '"\\u0072esources":');
    const cases = [twiceResources, twiceKind, escapedKey, `${text.slice(0, -1)},"extra":1}`, `\ufeff${text}`, `${text} x`, `${text}}`, text.replace('"resources":{', '"resources":{"ec2.bogus":[],')];
    for (const variant of cases) await expectReadAsWhole(variant);
    expect(snapshotPieces(Buffer.from(twiceResources))).toBeUndefined();
    expect(snapshotPieces(Buffer.from(twiceKind))).toBeUndefined();
  });

  test('a duplicate id in one kind: the same problems', async () => {
    const doc = demo();
    const [kind, list] = Object.entries(doc.resources).find(([, l]) => l.length > 1)!;
    doc.resources[kind] = [...list, { ...list[0]! }];
    await expectReadAsWhole(JSON.stringify(doc));
  });

  test('any one value replaced by a value of another type', async () => {
    const paths = pathsOf(demo());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 10 }), fc.constant([]), fc.constant({}), fc.boolean()),
        async (path, value) => expectReadAsWhole(JSON.stringify(replaced(demo(), path, value))),
      ),
      { numRuns: 200 },
    );
  });

  test('the text damaged anywhere: cut short, a byte changed, a slice repeated', async () => {
    const text = JSON.stringify(demo());
    const damaged = fc.oneof(
      fc.nat({ max: text.length }).map((n) => text.slice(0, n)),
      fc.tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', ' ', 'x', '0')).map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
      fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })).map(([a, b]) => text.slice(0, Math.min(a, b)) + text.slice(Math.min(a, b), Math.max(a, b)).repeat(2) + text.slice(Math.max(a, b))),
    );
    await fc.assert(fc.asyncProperty(damaged, expectReadAsWhole), { numRuns: 300 });
  });
});
