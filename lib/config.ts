import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Check } from './engine/check';
import { zodProblems } from './engine/zod-problems';
import { InputError } from './errors';

/**
 * A hardeks configuration file (YAML or JSON): options per check id, overriding each check's
 * `defaultOptions`. Unknown checks, unknown options and options of the wrong type are errors, so a
 * typo never silently leaves a default in force.
 *
 * ```yaml
 * version: 1
 * checks:
 *   eks-control-plane-logging:
 *     requiredLogTypes: [api, audit, authenticator]
 * ```
 */
export const configFileSchema = z.strictObject({
  version: z.literal(1).optional(),
  checks: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

export interface HardeksConfig {
  readonly checkOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export function parseConfig(text: string, source: string, catalog: readonly Check[]): HardeksConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError('CONFIG_INVALID', `${source} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = configFileSchema.safeParse(raw ?? {});
  const problems = parsed.success ? optionProblems(parsed.data.checks ?? {}, catalog) : zodProblems(parsed.error);
  if (!parsed.success || problems.length > 0) {
    throw new InputError(
      'CONFIG_INVALID',
      `${source} is not a valid hardeks configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}): ` +
        problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    );
  }
  return { checkOptions: parsed.data.checks ?? {} };
}

function optionProblems(checks: Record<string, Record<string, unknown>>, catalog: readonly Check[]): { path: string; message: string }[] {
  const byId = new Map(catalog.map((c) => [c.id, c]));
  const problems: { path: string; message: string }[] = [];
  for (const [id, options] of Object.entries(checks)) {
    const check = byId.get(id);
    if (!check) {
      problems.push({ path: `$.checks[${JSON.stringify(id)}]`, message: 'no such check (see `hardeks checks`)' });
      continue;
    }
    const defaults = check.defaultOptions ?? {};
    for (const [name, value] of Object.entries(options)) {
      const path = `$.checks[${JSON.stringify(id)}].${name}`;
      if (!(name in defaults)) {
        const known = Object.keys(defaults);
        problems.push({ path, message: known.length ? `unknown option; ${id} takes ${known.join(', ')}` : `${id} takes no options` });
      } else if (!sameShape(value, defaults[name])) {
        problems.push({ path, message: `expected ${shapeOf(defaults[name])}, got ${shapeOf(value)}` });
      }
    }
  }
  return problems;
}

/** An option value fits its default's type; an empty default list accepts a list of anything. */
function sameShape(value: unknown, fallback: unknown): boolean {
  if (Array.isArray(fallback) && fallback.length === 0) return Array.isArray(value);
  return shapeOf(value) === shapeOf(fallback);
}

/** The JSON type of a value, lists by their element type (`list of string`). */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) {
    const kinds = [...new Set(value.map(shapeOf))];
    return kinds.length === 1 ? `list of ${kinds[0]}` : 'list';
  }
  if (value === null) return 'null';
  return typeof value;
}
