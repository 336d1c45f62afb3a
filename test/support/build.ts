import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const STAMP = join(ROOT, 'dist', '.build-stamp');
const INPUTS = ['lib', 'bin', 'constructs', 'examples', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** The compiled CLI, as users run it: dist/bin/hardeks.js. */
export const CLI = join(ROOT, 'dist', 'bin', 'hardeks.js');

/**
 * Compiles dist/ unless it is newer than every source, so CLI tests never run a stale build.
 * Called by the tests that run the CLI as a child process (other tests do not need dist/).
 */
export function ensureBuilt(): void {
  const newestSource = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs > newestSource) return;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    throw new Error(`the CLI does not compile, so its tests cannot run:\n${output.split('\n').slice(0, 20).join('\n')}`);
  }
  writeFileSync(STAMP, new Date().toISOString());
}
