import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { main } from '../../bin/cli/program';
import { ALL_CHECKS } from '../../lib/checks';
import { parseConfig } from '../../lib/config';
import { parseSuppressions } from '../../lib/engine/suppressions';
import { InputError } from '../../lib/errors';
import { loadTemplates } from '../../lib/sources/cloudformation/files';
import { parseTemplateText } from '../../lib/sources/cloudformation/parse';
import { parseSnapshot, readSnapshot } from '../../lib/sources/snapshot/snapshot';

const dir = mkdtempSync(join(tmpdir(), 'hardeks-fuzz-'));
const DEMO = readFileSync(join(__dirname, '../../examples/demo-account.json'), 'utf8');
const TEMPLATES = ['ec2.yaml', 'eks.yaml', 'iam.json', 'logging.yaml'].map((f) => readFileSync(join(__dirname, '../fixtures/templates', f), 'utf8'));
const SUPPRESSIONS = 'version: 1\nsuppressions:\n  - checkId: eks-endpoint-not-public\n    resource: "arn:aws:eks:*"\n    reason: Reachable from the office VPN only\n    expires: 2027-03-31\n';
const CONFIG = 'version: 1\nchecks:\n  eks-control-plane-logging:\n    requiredLogTypes: [api, audit]\n';

/** Text as users break it: cut short, a byte flipped, a slice repeated, or junk. */
function damaged(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc.tuple(fc.nat({ max: Math.max(0, valid.length - 1) }), fc.constantFrom('{', '}', '"', ':', ',', '\n', '-', '!', '&', '*', '\0', ' ', '[', 'x')).map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1)),
    fc.tuple(fc.nat({ max: valid.length }), fc.nat({ max: valid.length })).map(([a, b]) => valid + valid.slice(Math.min(a, b), Math.max(a, b))),
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 4 }),
  );
}

/** Templates without YAML alias marks: an unresolved alias is a known gap (see the failing test below). */
const withoutAliases = (text: string) => !text.includes('*');

/** Either it reads, or it is refused with an InputError whose message is one line. */
function readsOrRefusesCleanly(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof InputError)) throw new Error(`not an InputError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toMatch(/\n\s+at /);
  }
}

/** A JSON snapshot with one field replaced by a value of another type, anywhere in the document. */
function mutatedJson(valid: string): fc.Arbitrary<unknown> {
  const doc = JSON.parse(valid) as unknown;
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (paths.length > 3000) return;
    paths.push(path);
    if (Array.isArray(value)) value.slice(0, 3).forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(doc, []);
  return fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 10 }), fc.constant([]), fc.constant({}), fc.boolean())).map(([path, replacement]) => {
    const copy = JSON.parse(valid) as Record<string | number, unknown>;
    if (path.length === 0) return replacement;
    let at: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1]!] = replacement;
    return copy;
  });
}

describe('bad input is refused with an InputError (exit 2), one clear message, never a crash', () => {
  test('the snapshot reader: damaged text and mistyped fields', async () => {
    fc.assert(fc.property(mutatedJson(DEMO), (doc) => readsOrRefusesCleanly(() => parseSnapshot(doc, 'fuzz.json'))), { numRuns: 300 });
    await fc.assert(
      fc.asyncProperty(damaged(DEMO), async (text) => {
        const file = join(dir, 'snapshot.json');
        writeFileSync(file, text);
        await readSnapshot(file).catch((error: unknown) => readsOrRefusesCleanly(() => { throw error; }));
      }),
      { numRuns: 150 },
    );
  });

  test('the template reader: damaged JSON and YAML, with and without intrinsics', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES).chain(damaged).filter(withoutAliases), (text) => {
        readsOrRefusesCleanly(() => parseTemplateText(text, 'fuzz.template'));
        const file = join(dir, 'Fuzz.template.yaml');
        writeFileSync(file, text);
        readsOrRefusesCleanly(() => loadTemplates([{ stack: 'Fuzz', file }]));
      }),
      { numRuns: 300 },
    );
  });

  // Known gap, reported to the lead: `yaml`'s toJS throws a ReferenceError for an alias with no anchor,
  // which parseTemplateText does not turn into a TemplateError, so the CLI exits 4 ("internal error").
  // When it is fixed this test starts failing: make it a plain `test` and drop `withoutAliases`.
  test('a YAML template with an unresolved alias is refused with an InputError', () => {
    expect(() => parseTemplateText('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: *missing\n', 'alias.yaml')).toThrow(InputError);
  });

  test('the suppressions file', () => {
    fc.assert(fc.property(damaged(SUPPRESSIONS), (text) => readsOrRefusesCleanly(() => parseSuppressions(text, 'fuzz.yaml'))), { numRuns: 300 });
  });

  test('the config file', () => {
    fc.assert(fc.property(damaged(CONFIG), (text) => readsOrRefusesCleanly(() => parseConfig(text, 'fuzz.yaml', ALL_CHECKS))), { numRuns: 300 });
  });
});

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('the CLI refuses bad arguments and files with exit 2 and one line on stderr', () => {
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const word = fc.oneof(fc.constantFrom('text', 'json', 'sarif', 'high', 'critical', 'eks', 'iam,ec2', 'eks-endpoint-not-public', 'nope', '', '-', '--', '=', 'a=b', '0'), fc.string({ maxLength: 12 }));
  const option = fc.oneof(
    fc.tuple(fc.constantFrom('--format', '-f', '--checks', '--services', '--severity-threshold', '--fail-on', '--parameter', '--regions', '--profile', '--concurrency', '--bogus'), word).map(([f, v]) => [f, v]),
    fc.constantFrom(['--strict'], ['--all'], ['--quiet'], ['--demo'], ['-h'], []),
    damaged(SUPPRESSIONS).map((t) => ['--suppressions', file('suppressions.yaml', t)]),
    damaged(CONFIG).map((t) => ['--config', file('config.yaml', t)]),
    fc.constantFrom(['--suppressions', join(dir, 'missing.yaml')], ['--config', dir], ['--output', join(dir, 'no', 'such', 'dir', 'r.json')]),
  );
  // Every audit names a file source, so no case reaches for live AWS credentials.
  const source = fc.oneof(
    damaged(DEMO).map((t) => ['--snapshot', file('account.json', t)]),
    fc.constantFrom(...TEMPLATES).chain(damaged).filter(withoutAliases).map((t) => ['--template', file('Stack.template.yaml', t)]),
    fc.constant(['--snapshot', join(dir, 'missing.json')]),
  );
  const argv = fc.oneof(
    fc.tuple(source, fc.array(option, { maxLength: 4 })).map(([s, o]) => ['audit', ...s, ...o.flat()]),
    fc.tuple(fc.constantFrom('checks', 'permissions', 'bogus'), fc.array(option, { maxLength: 3 })).map(([c, o]) => [c, ...o.flat()]),
  );

  test('random arguments over damaged files: exit 0-3, and a refusal is exactly one line with no stack trace and no report', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const stdout = new Capture();
        const stderr = new Capture();
        const code = await main(args, { stdout, stderr, env: { NO_COLOR: '1' } });
        expect([0, 1, 2, 3]).toContain(code);
        expect(stderr.text).not.toMatch(/\n\s+at /);
        if (code === 2 && !args.includes('-h')) {
          expect(stderr.text.trimEnd().split('\n')).toHaveLength(1);
          expect(stderr.text).toMatch(/^hardeks: /);
          expect(stdout.text).toBe('');
        }
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});
