import { parse } from 'yaml';
import { Indeterminate, must, type CheckContext } from '../../../engine/check';
import { isUnresolved, type EksAddon, type EksCluster } from '../../../model';
import { partsOf } from './lookup';

/** The add-on of a cluster by name; add-ons whose name is unresolved make the answer Indeterminate unless one matches. */
export function addonNamed(cluster: EksCluster, name: string, ctx: CheckContext): EksAddon | undefined {
  const addons = partsOf('eks.addon', cluster, ctx);
  const found = addons.find((a) => a.name === name);
  if (found) return found;
  // An add-on a template names by an unresolved value may be the one asked for.
  if (addons.some((a) => isUnresolved(a.name))) throw new Indeterminate(`an add-on of cluster ${must(cluster.name)} has an unresolved name and may be ${name}`);
  return undefined;
}

/**
 * An add-on's configuration values, which EKS accepts as JSON or YAML (YAML parses both). A text
 * that is not a mapping cannot be read, and says so rather than reading as "nothing configured".
 */
export function configurationOf(addon: EksAddon): Record<string, unknown> {
  if (addon.configurationValues === undefined) return {};
  const text = must(addon.configurationValues);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new Indeterminate(`the configuration values of add-on ${must(addon.name)} cannot be parsed: ${(error as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Indeterminate(`the configuration values of add-on ${must(addon.name)} are not a mapping`);
  return value as Record<string, unknown>;
}

/** `"true"` (the add-on schema's spelling) or `true`: a switch that is on. */
export function isSwitchedOn(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}
