import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Module specifiers of static imports, re-exports, require() and dynamic import(). */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

const importsUnder = (dir: string) =>
  sourceFiles(join(ROOT, dir)).flatMap((file) => importsOf(readFileSync(file, 'utf8')).map((spec) => ({ file: relative(ROOT, file), spec })));

const isPackage = (spec: string, pkg: string) => spec === pkg || spec.startsWith(`${pkg}/`);

describe('layering', () => {
  test('the import scanner sees every import form', () => {
    const sample = `import a from 'aws-cdk-lib';\nexport { b } from "@aws-sdk/client-eks";\nimport 'side-effect';\nconst c = require('constructs');\nawait import('x/y');`;
    expect(importsOf(sample).sort()).toEqual(['@aws-sdk/client-eks', 'aws-cdk-lib', 'constructs', 'side-effect', 'x/y']);
  });

  test('nothing under lib/ imports aws-cdk-lib or constructs', () => {
    const offenders = importsUnder('lib').filter(({ spec }) => isPackage(spec, 'aws-cdk-lib') || isPackage(spec, 'constructs'));
    expect(offenders).toEqual([]);
  });

  test('nothing under lib/checks imports the AWS SDK', () => {
    expect(importsUnder('lib/checks').filter(({ spec }) => spec.startsWith('@aws-sdk/'))).toEqual([]);
  });

  test('model ← engine ← checks: the model imports no other layer, the engine no checks or sources', () => {
    const reachesInto = (dir: string, layers: string[]) =>
      importsUnder(dir).filter(({ spec }) => spec.startsWith('.') && layers.some((layer) => new RegExp(`(^|/)${layer}(/|$)`).test(spec)));
    expect(reachesInto('lib/model', ['engine', 'checks', 'sources', 'report', 'packs', 'policy'])).toEqual([]);
    expect(reachesInto('lib/engine', ['checks', 'sources', 'report'])).toEqual([]);
    expect(reachesInto('lib/checks', ['sources', 'report'])).toEqual([]);
  });
});
