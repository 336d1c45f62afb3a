// Jest globalSetup: the CLI tests run the compiled CLI as a child process, exactly as users do,
// so compile it first and never test a stale dist/. Skipped when dist/ is newer than every source.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const stamp = join(root, 'dist', '.build-stamp');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

module.exports = function buildOnce() {
  const inputs = ['lib', 'bin', 'constructs', 'examples', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
  const newestSource = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs > newestSource) return;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
};
