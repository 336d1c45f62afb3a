/**
 * Child process: synthesizes the example CDK app once to warm up, then again with every policy
 * validation plugin's `validate` timed, and prints how long hardeks' own plugins took against the
 * rest of the synth (construct tree included, process start excluded). Run as `tsx bench/cdk-synth.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';

type Plugin = { name?: string; validate(context: unknown): unknown };

const spent = new Map<string, number>();
const original = Validations.prototype.addPlugins;
// Every plugin added from here on reports its time under its own name.
Validations.prototype.addPlugins = function timed(this: Validations, ...plugins: Plugin[]) {
  for (const plugin of plugins) {
    const validate = plugin.validate.bind(plugin);
    plugin.validate = (context: unknown) => {
      const started = performance.now();
      try {
        return validate(context);
      } finally {
        const name = plugin.name ?? plugin.constructor.name;
        spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
      }
    };
  }
  return original.apply(this, plugins as never);
} as typeof original;

function synth(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildExampleApp } = require('../bin/app') as { buildExampleApp: (app: App) => unknown };
  // A synth as `cdk synth` runs it: the construct tree is built, then synthesized and validated.
  const started = performance.now();
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'hardeks-cdk-')) });
  buildExampleApp(app);
  app.synth();
  return performance.now() - started;
}

synth();
spent.clear();
const total = synth();
const hardeks = [...spent].filter(([name]) => /hardeks|Hardened|HardenedConstructVerification/i.test(name)).reduce((n, [, ms]) => n + ms, 0);
process.stdout.write(`${JSON.stringify({ synthMs: Math.round(total), hardeksMs: Math.round(hardeks), plugins: Object.fromEntries([...spent].map(([k, v]) => [k, Math.round(v)])) })}\n`);
