import type { CheckContext } from '../../../engine/check';
import { InputError } from '../../../errors';
import { HIGHEST_PORT, LOWEST_PORT } from './rules';

/** A check option that must be a list of port numbers (0-65535). A wrong value is the user's input error, reported as ERROR. */
export function portsOption(ctx: CheckContext, name: string): readonly number[] {
  const value = ctx.options[name];
  const known = Array.isArray(value) ? portLists.get(value) : undefined;
  if (known) return known;
  const valid = Array.isArray(value) && value.every((p) => Number.isInteger(p) && p >= LOWEST_PORT && p <= HIGHEST_PORT);
  if (!valid) throw new InputError('CHECK_OPTION_INVALID', `option ${name} must be a list of port numbers (0-${HIGHEST_PORT}), got ${JSON.stringify(value)}`);
  const ports = Object.freeze([...new Set(value as number[])].sort((a, b) => a - b));
  portLists.set(value, ports);
  return ports;
}

// Options are read for every resource judged: each list given is checked and sorted once.
const portLists = new WeakMap<readonly unknown[], readonly number[]>();

/** A check option that must be an integer within bounds. */
export function integerOption(ctx: CheckContext, name: string, min: number, max: number): number {
  const value = ctx.options[name];
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new InputError('CHECK_OPTION_INVALID', `option ${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value as number;
}

/** A check option that must be one of the given strings. */
export function choiceOption<T extends string>(ctx: CheckContext, name: string, choices: readonly T[]): T {
  const value = ctx.options[name];
  if (!choices.includes(value as T)) {
    throw new InputError('CHECK_OPTION_INVALID', `option ${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}
