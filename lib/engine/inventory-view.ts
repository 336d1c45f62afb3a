import {
  ANY_REGION,
  GLOBAL_KINDS,
  GLOBAL_REGION,
  type CollectionIssue,
  type Coverage,
  type Inventory,
  type Resource,
  type ResourceKind,
  type ResourceKinds,
} from '../model';
import { Indeterminate } from './check';

/** Whether a kind's data for a region can be trusted as complete. */
export type CoverageState =
  | { readonly state: 'ok' }
  | { readonly state: 'error'; readonly issue: CollectionIssue; readonly part?: string }
  | { readonly state: 'missing'; readonly skipped: boolean };

/** The region a resource's coverage is recorded under. */
export function coverageRegion(kind: ResourceKind, region: string): string {
  return GLOBAL_KINDS.has(kind) ? GLOBAL_REGION : region;
}

/**
 * Read access to an inventory for checks and the engine: resources by kind, id and region, and the
 * coverage verdict for (kind, region). Lookups of data that was not collected throw Indeterminate,
 * so a check can never mistake "not collected" for "not there".
 */
export class InventoryView {
  private readonly byKindAndId = new Map<ResourceKind, Map<string, Resource>>();
  private readonly coverageByKind = new Map<ResourceKind, Coverage[]>();
  // The inventory is read-only, so every answer below is computed once per (kind, region) and reused:
  // checks ask the same question once per resource, and scanning all resources each time is quadratic.
  private readonly coverageMemo = new Map<string, CoverageState>();
  private readonly inRegionMemo = new Map<string, Memo<readonly Resource[]>>();
  private readonly byKindAndRegion = new Map<ResourceKind, Map<string, Resource[]> | undefined>();
  private readonly derivedMemo = new Map<Deriver<unknown>, Map<string, Memo<unknown>>>();

  constructor(readonly inventory: Inventory) {
    for (const entry of inventory.coverage) {
      const list = this.coverageByKind.get(entry.kind) ?? [];
      list.push(entry);
      this.coverageByKind.set(entry.kind, list);
    }
  }

  /** Region of a resource: its AWS region, or (template sources) the one region the inventory speaks for, else `*`. */
  regionOf(resource: Resource): string {
    if (resource.origin.kind === 'aws') return resource.origin.region;
    const regions = this.inventory.source.regions;
    return regions?.length === 1 && regions[0] ? regions[0] : ANY_REGION;
  }

  accountOf(resource?: Resource): string {
    if (resource?.origin.kind === 'aws') return resource.origin.accountId;
    return this.inventory.source.accountId ?? 'unknown';
  }

  /** Every resource of a kind, without coverage checks (the engine's own iteration). */
  resources<K extends ResourceKind>(kind: K): readonly ResourceKinds[K][] {
    return (this.inventory.resources[kind] ?? []) as readonly ResourceKinds[K][];
  }

  /**
   * Coverage of a kind in a region. `parts` limits which part errors count (undefined = all).
   * An error anywhere wins over ok; no entry at all is `missing`.
   */
  coverage(kind: ResourceKind, region: string, parts?: readonly string[]): CoverageState {
    const key = `${kind}\u0000${region}\u0000${parts === undefined ? 'every part' : JSON.stringify(parts)}`;
    let state = this.coverageMemo.get(key);
    if (!state) {
      state = this.computeCoverage(kind, region, parts);
      this.coverageMemo.set(key, state);
    }
    return state;
  }

  private computeCoverage(kind: ResourceKind, region: string, parts?: readonly string[]): CoverageState {
    const target = coverageRegion(kind, region);
    const entries = (this.coverageByKind.get(kind) ?? []).filter(
      (c) => c.region === target || c.region === ANY_REGION || target === ANY_REGION,
    );
    const error = entries.find((c) => c.status === 'error' && (c.part === undefined || parts === undefined || parts.includes(c.part)));
    if (error) {
      return {
        state: 'error',
        issue: error.issue ?? { code: 'UNEXPECTED', message: 'collection failed' },
        ...(error.part ? { part: error.part } : {}),
      };
    }
    if (entries.some((c) => c.status === 'ok')) return { state: 'ok' };
    return { state: 'missing', skipped: entries.some((c) => c.status === 'skipped') };
  }

  /** Throws Indeterminate unless the kind was fully collected in the region. */
  requireCovered(kind: ResourceKind, region: string): void {
    const state = this.coverage(kind, region);
    if (state.state !== 'ok') throw new Indeterminate(describeGap(kind, coverageRegion(kind, region), state));
  }

  /**
   * Resources of a kind in one region (global kinds: all of them). Indeterminate when the region was
   * not collected, or when one of its resources could not be fully collected.
   */
  inRegion<K extends ResourceKind>(kind: K, region: string): readonly ResourceKinds[K][] {
    const key = `${kind}\u0000${region}`;
    let memo = this.inRegionMemo.get(key);
    if (!memo) {
      memo = remember(() => this.computeInRegion(kind, region));
      this.inRegionMemo.set(key, memo);
    }
    return recall(memo) as readonly ResourceKinds[K][];
  }

  private computeInRegion(kind: ResourceKind, region: string): readonly Resource[] {
    this.requireCovered(kind, region);
    // Frozen: the same list is handed to every caller, so one that sorted it in place would change the others' answers.
    const found = GLOBAL_KINDS.has(kind) ? this.resources(kind) : Object.freeze(this.resourcesIn(kind, region));
    const partial = found.find((r) => r.incomplete);
    if (partial) throw new Indeterminate(describeIncomplete(partial));
    return found;
  }

  /**
   * The resources of a kind by region, in inventory order, sorted in one pass: asking each region in
   * turn to filter all of them costs one pass per region. Undefined for a kind with resources that
   * speak for every region (`*`, templates), which `resourcesIn` keeps in their place among the others.
   */
  private byRegion(kind: ResourceKind): ReadonlyMap<string, Resource[]> | undefined {
    if (!this.byKindAndRegion.has(kind)) {
      const all = this.resources(kind);
      let regions: Map<string, Resource[]> | undefined;
      if (!all.some((r) => this.regionOf(r) === ANY_REGION)) {
        regions = new Map();
        for (const resource of all) {
          const region = this.regionOf(resource);
          const list = regions.get(region);
          if (list) list.push(resource);
          else regions.set(region, [resource]);
        }
      }
      this.byKindAndRegion.set(kind, regions);
    }
    return this.byKindAndRegion.get(kind);
  }

  /** The resources of a kind that are in the region or speak for every region, in inventory order. */
  private resourcesIn(kind: ResourceKind, region: string): Resource[] {
    const regions = this.byRegion(kind);
    if (regions) return regions.get(region) ?? [];
    return this.resources(kind).filter((r) => this.regionOf(r) === region || this.regionOf(r) === ANY_REGION);
  }

  /**
   * The resource of a kind with this id. `undefined` means it does not exist, which is only said when
   * the region it would live in was collected; otherwise Indeterminate, as for a resource that could
   * not be fully collected, and for anything a template does not declare.
   */
  find<K extends ResourceKind>(kind: K, id: string, region: string): ResourceKinds[K] | undefined {
    const found = this.index(kind).get(id) as ResourceKinds[K] | undefined;
    if (found?.incomplete) throw new Indeterminate(describeIncomplete(found));
    if (found) return found;
    // A template declares some resources of an account, not all: what it does not declare may exist.
    if (this.inventory.source.type === 'template') throw new Indeterminate(`${id} is not declared in this template`);
    this.requireCovered(kind, region);
    return undefined;
  }

  /**
   * A value worked out from the inventory (an index, a lookup table), computed once per view for each
   * `key` and shared by every evaluation that asks for it. `derive` must be a module-level function
   * (it is the cache key with `key`) that reads the inventory only through this view; an
   * Indeterminate it throws is remembered and thrown again to every caller, so memoizing never turns
   * uncollected data into an answer.
   */
  derived<T>(derive: Deriver<T>, key: string): T {
    let byKey = this.derivedMemo.get(derive);
    if (!byKey) {
      byKey = new Map();
      this.derivedMemo.set(derive, byKey);
    }
    let memo = byKey.get(key);
    if (!memo) {
      memo = remember(() => derive(this, key));
      byKey.set(key, memo);
    }
    return recall(memo as Memo<T>);
  }

  private index(kind: ResourceKind): Map<string, Resource> {
    let map = this.byKindAndId.get(kind);
    if (!map) {
      map = new Map(this.resources(kind).map((r) => [r.id, r] as const));
      this.byKindAndId.set(kind, map);
    }
    return map;
  }
}

/** Works out a value from the inventory for one key (usually a region); see `InventoryView.derived`. */
export type Deriver<T> = (view: InventoryView, key: string) => T;

/** A computed value, or the reason it could not be established (an Indeterminate, kept to be thrown again). */
type Memo<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

function remember<T>(compute: () => T): Memo<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof Indeterminate) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** The remembered value; a remembered Indeterminate is thrown anew, so each evaluation gets its own. */
function recall<T>(memo: Memo<T>): T {
  if (memo.ok) return memo.value;
  throw new Indeterminate(memo.reason);
}

/** A sentence saying which resource is only partly known, and why. */
export function describeIncomplete(resource: Resource): string {
  const issue = resource.incomplete!;
  return `${resource.id} could not be fully collected: ${issue.code}${issue.operation ? ` (${issue.operation})` : ''}: ${issue.message}`;
}

/** A sentence saying why data for (kind, region) is missing. */
export function describeGap(kind: ResourceKind, region: string, state: Exclude<CoverageState, { state: 'ok' }>): string {
  const where = region === GLOBAL_REGION ? 'for the account' : `in ${region}`;
  if (state.state === 'error') {
    const op = state.issue.operation ? ` (${state.issue.operation})` : '';
    const subject = state.part ? `${state.part} of ${kind}` : kind;
    return `${subject} could not be collected ${where}: ${state.issue.code}${op}: ${state.issue.message}`;
  }
  return `${kind} was not collected ${where}${state.skipped ? ' (skipped)' : ''}`;
}
