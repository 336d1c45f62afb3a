import { isUnresolved, type Resolvable, type ResourceKind, type ResourceKinds } from '../model';
import type { InventoryView } from './inventory-view';
import type { Frameworks, Severity } from './types';

/** What a check concludes about one resource (or one key of it). UNKNOWN from a check means it could not establish something. */
export type Verdict =
  | { readonly status: 'PASS'; readonly message: string; readonly key?: string; readonly evidence?: Readonly<Record<string, unknown>> }
  | { readonly status: 'FAIL'; readonly message: string; readonly key?: string; readonly evidence?: Readonly<Record<string, unknown>> }
  | { readonly status: 'UNKNOWN'; readonly message: string; readonly key?: string }
  | { readonly status: 'NOT_APPLICABLE'; readonly message: string; readonly key?: string };

interface VerdictExtras {
  readonly key?: string;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

export const pass = (message: string, extras: VerdictExtras = {}): Verdict => ({ status: 'PASS', message, ...extras });
export const fail = (message: string, extras: VerdictExtras = {}): Verdict => ({ status: 'FAIL', message, ...extras });
export const notApplicable = (message: string, key?: string): Verdict => ({ status: 'NOT_APPLICABLE', message, ...(key ? { key } : {}) });
export const unknown = (message: string, key?: string): Verdict => ({ status: 'UNKNOWN', message, ...(key ? { key } : {}) });

/** Thrown by `must()` and by inventory lookups of data that was not collected; the engine turns it into UNKNOWN. */
export class Indeterminate extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Indeterminate';
  }
}

/** Narrows a Resolvable. An Unresolved value ends this evaluation as UNKNOWN, never PASS or FAIL. */
export function must<T>(value: Resolvable<T>): T {
  if (isUnresolved(value)) throw new Indeterminate(`depends on ${value.unresolved}, which could not be resolved`);
  return value;
}

/** `must()` over a list: any Unresolved element makes the evaluation UNKNOWN. */
export function mustAll<T>(values: readonly Resolvable<T>[]): T[] {
  return values.map((v) => must(v));
}

export interface CheckContext {
  /** Read-only access to the whole inventory; reading a kind whose coverage failed makes the evaluation UNKNOWN. */
  readonly inventory: InventoryView;
  readonly accountId: string;
  /** The region being judged (region scope) or the resource's region. */
  readonly region: string;
  /** The time the audit runs at; checks use it instead of the clock so runs are reproducible. */
  readonly now: Date;
  /** This check's options, as configured (see the check's `defaultOptions`). */
  readonly options: Readonly<Record<string, unknown>>;
}

interface CheckMetaInput {
  /** `<service>-<what holds when it passes>`; the file is `lib/checks/<service>/<rest>.ts`. */
  readonly id: string;
  /** States the good state ("EKS API endpoint is not open to the internet"), never "Ensure …". */
  readonly title: string;
  readonly severity: Severity;
  readonly description: string;
  readonly risk: string;
  readonly remediation: string;
  readonly references: readonly string[];
  readonly frameworks: Partial<Frameworks>;
  /**
   * Parts of the kind the check reads, for kinds collected by several calls (see Coverage.part).
   * Omitted means every part: a failure in any of them makes the check UNKNOWN.
   */
  readonly parts?: readonly string[];
  /**
   * Region- and account-scope checks only: the check reads `incomplete` on the resources it is given
   * and never derives PASS from a partly known one (e.g. "another trail qualifies"). Without it the
   * engine reports UNKNOWN whenever one of them is incomplete.
   */
  readonly handlesIncomplete?: boolean;
  /** Defaults of the options the check accepts; documented in the check's description. */
  readonly defaultOptions?: Readonly<Record<string, unknown>>;
}

export interface CheckMeta extends Omit<CheckMetaInput, 'frameworks'> {
  readonly service: string;
  readonly frameworks: Frameworks;
}

/** Judges each resource of one kind. */
export interface ResourceCheck<K extends ResourceKind = ResourceKind> extends CheckMeta {
  readonly scope: 'resource';
  readonly kind: K;
  evaluate(resource: ResourceKinds[K], ctx: CheckContext): Verdict | readonly Verdict[];
}

/** Judges each region as a whole ("a multi-region trail is logging"), even when it holds no resource of the kind. */
export interface RegionCheck<K extends ResourceKind = ResourceKind> extends CheckMeta {
  readonly scope: 'region';
  readonly kind: K;
  evaluate(resources: readonly ResourceKinds[K][], ctx: CheckContext): Verdict | readonly Verdict[];
}

/** Judges the account as a whole, from every resource of the kind in every region. */
export interface AccountCheck<K extends ResourceKind = ResourceKind> extends CheckMeta {
  readonly scope: 'account';
  readonly kind: K;
  evaluate(resources: readonly ResourceKinds[K][], ctx: CheckContext): Verdict | readonly Verdict[];
}

export type Check = ResourceCheck<any> | RegionCheck<any> | AccountCheck<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

type Def<C> = Omit<C, 'scope' | 'service' | 'frameworks'> & { readonly frameworks: Partial<Frameworks> };

export function defineResourceCheck<K extends ResourceKind>(def: Def<ResourceCheck<K>>): ResourceCheck<K> {
  return finish({ ...def, scope: 'resource' as const });
}

export function defineRegionCheck<K extends ResourceKind>(def: Def<RegionCheck<K>>): RegionCheck<K> {
  return finish({ ...def, scope: 'region' as const });
}

export function defineAccountCheck<K extends ResourceKind>(def: Def<AccountCheck<K>>): AccountCheck<K> {
  return finish({ ...def, scope: 'account' as const });
}

function finish<C extends { id: string; frameworks: Partial<Frameworks> }>(def: C): C & { service: string; frameworks: Frameworks } {
  return Object.freeze({
    ...def,
    service: def.id.slice(0, def.id.indexOf('-')),
    frameworks: Object.freeze({
      securityHub: def.frameworks.securityHub ?? [],
      cisAws: def.frameworks.cisAws ?? {},
      cisEks: def.frameworks.cisEks ?? {},
      wellArchitected: def.frameworks.wellArchitected ?? [],
    }),
  });
}
