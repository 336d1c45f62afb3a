import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const AUDIT_BUNDLE = join(ROOT, 'dist', 'lambda', 'audit', 'index.js');
export const AUDIT_BUNDLE_META = join(ROOT, 'dist', 'lambda', 'audit-bundle-meta.json');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * Builds the audit bundle exactly as `npm run bundle:lambda` does (the script's own arguments),
 * unless it is newer than every source: construct tests synthesize the shipped asset.
 */
export function ensureAuditBundle(): void {
  const newestSource = Math.max(newestMtime(join(ROOT, 'lib')), newestMtime(join(ROOT, 'bin')), newestMtime(join(ROOT, 'package.json')));
  if (existsSync(AUDIT_BUNDLE) && existsSync(AUDIT_BUNDLE_META) && statSync(AUDIT_BUNDLE).mtimeMs > newestSource) return;
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['bundle:lambda']!;
  const [command, ...args] = script.split(/\s+/);
  if (command !== 'esbuild') throw new Error(`bundle:lambda should run esbuild, not ${command}`);
  execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), args, { cwd: ROOT, stdio: 'pipe' });
}
