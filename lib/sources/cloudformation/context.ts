import {
  isUnresolved,
  unresolved,
  type CollectionIssue,
  type Origin,
  type Resolvable,
  type Resource,
  type ResourceKind,
  type ResourceKinds,
  type Unresolved,
} from '../../model';
import { isPlainObject, type Resolved } from './intrinsics';
import type { TemplateScope } from './scope';

// ---- Coercions: resolved template values → model values ---------------------------------------
// CloudFormation accepts strings for booleans and numbers ("true", "443"); the model does not.

type Maybe = Resolved | undefined;

/** Walks a path; an Unresolved on the way is the answer (everything below it is unknown too). */
export function get(value: Maybe, ...path: (string | number)[]): Maybe {
  let node = value;
  for (const key of path) {
    if (node === undefined || node === null) return undefined;
    if (isUnresolved(node)) return node;
    if (typeof key === 'number') node = Array.isArray(node) ? node[key] : undefined;
    else node = isPlainObject(node) ? (node as Record<string, Resolved>)[key] : undefined;
  }
  return node === null ? undefined : node;
}

export function str(value: Maybe): Resolvable<string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || isUnresolved(value)) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return unresolved(`<${Array.isArray(value) ? 'a list' : 'an object'} where text was expected>`);
}

export function bool(value: Maybe): Resolvable<boolean> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean' || isUnresolved(value)) return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return unresolved(`<${JSON.stringify(value)} is not a boolean>`);
}

export function int(value: Maybe): Resolvable<number> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value)) return value;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n)) return n;
  return unresolved(`<${JSON.stringify(value)} is not an integer>`);
}

/** One of a fixed set of values, after `normalize` (e.g. lower-casing); anything else is Unresolved. */
export function oneOf<T extends string>(value: Maybe, allowed: readonly T[], normalize: (s: string) => string = (s) => s): Resolvable<T> | undefined {
  const s = str(value);
  if (s === undefined || isUnresolved(s)) return s;
  const n = normalize(s);
  return (allowed as readonly string[]).includes(n) ? (n as T) : unresolved(`<${JSON.stringify(s)} is not one of ${allowed.join(', ')}>`);
}

/**
 * A list of strings. A list the template computes as a whole (a List parameter without a value, an
 * import) is one Unresolved element: whoever reads it with `mustAll` gets UNKNOWN.
 */
export function strList(value: Maybe): Resolvable<string>[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value)) return [value];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v) => v !== null).map((v) => str(v)!);
}

/** `Resolvable` → a known string, or undefined (for the model's few plain-string fields). */
export function knownString(value: Maybe): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// ---- Building the inventory -------------------------------------------------------------------

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The resources a template maps to, by kind, plus which template resources fed which modelled resource. */
export class InventoryBuilder {
  private readonly byKind = new Map<ResourceKind, Resource[]>();
  private readonly byLogicalId = new Map<string, Resource>();
  /** Logical id → ids of the modelled resources its settings went into (itself, or the owners it was folded into). */
  readonly contributions = new Map<string, Set<string>>();

  add(logicalId: string, resource: Resource): void {
    const list = this.byKind.get(resource.kind) ?? [];
    list.push(resource);
    this.byKind.set(resource.kind, list);
    this.byLogicalId.set(logicalId, resource);
    this.contributed(logicalId, resource.id);
  }

  /** Extra records not declared by one logical id of their own (e.g. AWS managed policies a template attaches). */
  addShared(resource: Resource): void {
    const list = this.byKind.get(resource.kind) ?? [];
    if (list.some((r) => r.id === resource.id)) return;
    list.push(resource);
    this.byKind.set(resource.kind, list);
  }

  /** The modelled resource a logical id produced, if it is of the kind asked for. */
  owner<K extends ResourceKind>(logicalId: string | undefined, kind: K): Mutable<ResourceKinds[K]> | undefined {
    const found = logicalId === undefined ? undefined : this.byLogicalId.get(logicalId);
    return found?.kind === kind ? (found as unknown as Mutable<ResourceKinds[K]>) : undefined;
  }

  contributed(logicalId: string, resourceId: string): void {
    const set = this.contributions.get(logicalId) ?? new Set<string>();
    set.add(resourceId);
    this.contributions.set(logicalId, set);
  }

  resources(): { [K in ResourceKind]?: ResourceKinds[K][] } {
    return Object.fromEntries(this.byKind) as { [K in ResourceKind]?: ResourceKinds[K][] };
  }
}

/** What a mapper gets for one template resource. */
export class MapContext {
  private issue: CollectionIssue | undefined;

  constructor(
    readonly scope: TemplateScope,
    readonly logicalId: string,
    readonly out: InventoryBuilder,
  ) {}

  get props(): Record<string, Resolved> {
    return this.scope.properties(this.logicalId);
  }

  get id(): string {
    return this.scope.idOf(this.logicalId);
  }

  get type(): string {
    return this.scope.template.Resources[this.logicalId]!.Type;
  }

  /** The value `Ref` of this resource has: its literal name, its ARN or its id. */
  get ref(): Resolvable<string> {
    return str(this.scope.referenceValue(this.logicalId)) ?? this.id;
  }

  attribute(name: string): Resolvable<string> {
    return str(this.scope.referenceValue(this.logicalId, name)) ?? this.id;
  }

  origin(logicalId = this.logicalId): Origin {
    const metadata = this.scope.template.Resources[logicalId]?.Metadata;
    const constructPath = typeof metadata?.['aws:cdk:path'] === 'string' ? metadata['aws:cdk:path'] : undefined;
    const line = this.scope.options.lines?.get(logicalId);
    return {
      kind: 'cfn',
      stack: this.scope.stack,
      logicalId,
      ...(constructPath ? { constructPath } : {}),
      ...(this.scope.options.file ? { file: this.scope.options.file } : {}),
      ...(line !== undefined ? { line } : {}),
    };
  }

  /**
   * A list of objects the model needs element by element (rules, statements, entries). When the
   * template computes the whole list, the resource cannot be judged: it is marked incomplete, so
   * every check of it is UNKNOWN rather than judged on an empty list.
   */
  objects(value: Maybe, what: string): Record<string, Resolved>[] {
    if (value === undefined || value === null) return [];
    if (isUnresolved(value)) {
      this.markIncomplete(`${what} depends on ${value.unresolved}, which the template does not determine`);
      return [];
    }
    const items = Array.isArray(value) ? value : [value];
    return items.filter((item): item is Record<string, Resolved> => {
      if (isPlainObject(item)) return true;
      if (isUnresolved(item)) this.markIncomplete(`an entry of ${what} depends on ${item.unresolved}, which the template does not determine`);
      return false;
    });
  }

  markIncomplete(message: string): void {
    // The first reason is the one reported; a resource is incomplete either way.
    this.issue ??= { code: 'UNEXPECTED', service: 'cloudformation', operation: this.type, message };
  }

  /** Fields every resource has: id, origin, tags and, when something could not be read, `incomplete`. */
  base(): { id: string; origin: Origin; tags?: Record<string, string>; incomplete?: CollectionIssue } {
    const tags = tagsOf(this.props.Tags);
    return { id: this.id, origin: this.origin(), ...(tags ? { tags } : {}), ...(this.issue ? { incomplete: this.issue } : {}) };
  }
}

/** Tags as a list of `{Key, Value}` or a map; only tags whose key and value are known are kept. */
export function tagsOf(value: Maybe): Record<string, string> | undefined {
  if (value === undefined || value === null || isUnresolved(value)) return undefined;
  const entries: [string, string][] = Array.isArray(value)
    ? value.flatMap((t) => {
        const key = get(t, 'Key');
        const v = get(t, 'Value');
        return typeof key === 'string' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') ? [[key, String(v)] as [string, string]] : [];
      })
    : isPlainObject(value)
      ? Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : []))
      : [];
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export type { Unresolved };
