import { GLOBAL_KINDS, GLOBAL_REGION, type Inventory, type Resource } from '../model';
import { TOOL_VERSION } from '../version';
import { Indeterminate, unknown, type Check, type CheckContext, type Verdict } from './check';
import { InventoryView, coverageRegion, describeGap, describeIncomplete, type CoverageState } from './inventory-view';
import { applySuppressions, type Suppressible, type Suppression } from './suppressions';
import { summarize } from './summary';
import type { Finding, FindingResource, Report } from './types';

/** What an evaluation ends in: a check's verdict, or ERROR, which only the engine produces. */
type Outcome = Verdict | { readonly status: 'ERROR'; readonly message: string; readonly key?: undefined };

export interface RunOptions {
  /** Accepted risks; expired ones are reported, not applied. */
  readonly suppressions?: readonly Suppression[];
  /** The audit time (default: now). Checks and suppression expiry use it, so runs are reproducible. */
  readonly now?: Date;
  /** Options per check id, merged over each check's `defaultOptions`. */
  readonly checkOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Extra source metadata for the report (e.g. the snapshot file read). */
  readonly sourceInfo?: Readonly<Record<string, unknown>>;
}

/**
 * Runs checks over an inventory. Pure: no I/O, no clock unless `now` is omitted.
 *
 * - Data whose coverage is not `ok` is never judged: UNKNOWN, without calling the check.
 * - An Unresolved value read through `must()` (or an uncollected lookup) gives UNKNOWN.
 * - A check that throws gives ERROR for that evaluation; the run goes on.
 * - Region- and account-scope checks report even where no resource exists.
 */
export function runChecks(inventory: Inventory, checks: readonly Check[], options: RunOptions = {}): Report {
  const now = options.now ?? new Date();
  const view = new InventoryView(inventory);
  const suppressions = options.suppressions ?? [];
  // Findings, and (only when there are suppressions to match) the tags of the resource each is about.
  const found: Finding[] = [];
  const tagsOf: (Readonly<Record<string, string>> | undefined)[] = [];
  const record = (finding: Finding, tags: Readonly<Record<string, string>> | undefined) => {
    found.push(finding);
    if (suppressions.length > 0) tagsOf.push(tags);
  };
  const findingResources = new FindingResources(view);
  for (const check of checks) {
    const ctxOptions = { ...(check.defaultOptions ?? {}), ...(options.checkOptions?.[check.id] ?? {}) };
    const emit: Emit = (resource, outcomes, tags) => {
      if (Array.isArray(outcomes)) for (const o of outcomes as readonly Outcome[]) record(toFinding(check, resource, o), tags);
      else record(toFinding(check, resource, outcomes as Outcome), tags);
    };
    // One context per (region, account) and check, shared by the evaluations there: they only read it.
    // Resources come region by region, so the last one made is nearly always the one asked for.
    const contexts = new Map<string, Map<string, CheckContext>>();
    let last: CheckContext | undefined;
    const context = (region: string, accountId: string): CheckContext => {
      if (last && last.region === region && last.accountId === accountId) return last;
      let inRegion = contexts.get(region);
      if (!inRegion) {
        inRegion = new Map();
        contexts.set(region, inRegion);
      }
      let ctx = inRegion.get(accountId);
      if (!ctx) {
        ctx = { inventory: view, region, accountId, now, options: ctxOptions };
        inRegion.set(accountId, ctx);
      }
      last = ctx;
      return ctx;
    };
    if (check.scope === 'resource') runResourceCheck(check, view, context, emit, findingResources);
    else runAggregateCheck(check, view, context, emit);
  }
  // Without suppressions there is nothing to match: the findings stand as they are.
  const { findings, usage } =
    suppressions.length === 0
      ? { findings: found, usage: applySuppressions([], [], now).usage }
      : applySuppressions(found.map((finding, i) => suppressible(finding, tagsOf[i])), suppressions, now);
  return {
    metadata: {
      tool: { name: 'hardeks', version: TOOL_VERSION },
      generatedAt: now.toISOString(),
      source: { ...inventory.source, ...(options.sourceInfo ?? {}) },
      checks: checks.map((c) => c.id),
      suppressions: usage,
    },
    summary: summarize(findings),
    findings,
  };
}

type Emit = (resource: FindingResource, outcomes: readonly Outcome[] | Outcome, tags?: Readonly<Record<string, string>>) => void;
type ContextFor = (region: string, accountId: string) => CheckContext;

function runResourceCheck(check: Check & { scope: 'resource' }, view: InventoryView, context: ContextFor, emit: Emit, findingResources: FindingResources): void {
  for (const region of regionsToJudge(check, view)) {
    const state = view.coverage(check.kind, region, check.parts);
    if (state.state === 'ok') continue;
    // Account facts (password policy, credential report, region defaults) are not part of any stack.
    if (state.state === 'missing' && view.inventory.source.type === 'template' && view.resources(check.kind).length === 0) {
      emit(accountResource(view, region), { status: 'NOT_APPLICABLE', message: `A template cannot declare ${check.kind}.` });
      continue;
    }
    const reason = describeGap(check.kind, coverageRegion(check.kind, region), state);
    // Absence is only evidence when the listing succeeded: say what could not be judged here.
    emit(accountResource(view, region), unknownVerdict(`Not judged: ${reason}.`));
  }
  // Coverage is the same for every resource of a region: asked once per region.
  const states = new Map<string, CoverageState>();
  const described = findingResources.ofKind(check.kind);
  const resources = view.resources(check.kind);
  for (let position = 0; position < resources.length; position++) {
    const resource = resources[position]!;
    const findingResource = described[position]!;
    const region = findingResource.region;
    let state = states.get(region);
    if (!state) {
      state = view.coverage(check.kind, region, check.parts);
      states.set(region, state);
    }
    if (resource.incomplete) {
      emit(findingResource, unknownVerdict(`${describeIncomplete(resource)}.`), resource.tags);
    } else if (state.state === 'error') {
      emit(findingResource, unknownVerdict(`Not judged: ${describeGap(check.kind, coverageRegion(check.kind, region), state)}.`), resource.tags);
    } else {
      emit(findingResource, evaluateSafely(check, resource, context(region, findingResource.accountId)), resource.tags);
    }
  }
}

function runAggregateCheck(check: Check & { scope: 'region' | 'account' }, view: InventoryView, context: ContextFor, emit: Emit): void {
  const isTemplate = view.inventory.source.type === 'template';
  const all = view.resources(check.kind);
  const regions = check.scope === 'account' || GLOBAL_KINDS.has(check.kind) ? [GLOBAL_REGION] : regionsToJudge(check, view);
  for (const region of regions) {
    const resource = accountResource(view, region);
    const inScope = region === GLOBAL_REGION ? all : all.filter((r) => view.regionOf(r) === region || view.regionOf(r) === '*');
    // A stack is not an account: region- and account-wide requirements only apply to templates that declare the thing.
    if (isTemplate && inScope.length === 0) {
      emit(resource, { status: 'NOT_APPLICABLE', message: `The template declares no ${check.kind}.` });
      continue;
    }
    const gap = aggregateGap(check, view, region);
    if (gap) {
      emit(resource, unknownVerdict(`Not judged: ${gap}.`));
      continue;
    }
    // A judgement over all of a region's resources cannot stand on one that is only partly known.
    const partial = check.handlesIncomplete ? undefined : inScope.find((r) => r.incomplete);
    if (partial) {
      emit(resource, unknownVerdict(`Not judged: ${describeIncomplete(partial)}.`));
      continue;
    }
    const outcomes = evaluateSafely(check, inScope, context(region, resource.accountId));
    emit(resource, isTemplate && check.scope === 'account' ? listOf(outcomes).map(accountWideOnTemplate) : outcomes);
  }
}

/**
 * A stack is part of an account: an account-wide requirement it does not meet ("a support role
 * exists") may well be met by another stack or by resources made outside CloudFormation.
 */
function accountWideOnTemplate(outcome: Outcome): Outcome {
  if (outcome.status !== 'FAIL') return outcome;
  return { status: 'NOT_APPLICABLE', message: `Not met by this template alone (${outcome.message.replace(/\.$/, '')}); the account may meet it elsewhere.`, ...(outcome.key ? { key: outcome.key } : {}) };
}

/** For an account-scope check of a regional kind every region must be covered; otherwise the one region. */
function aggregateGap(check: Check, view: InventoryView, region: string): string | undefined {
  const regions = region === GLOBAL_REGION && !GLOBAL_KINDS.has(check.kind) ? regionsToJudge(check, view) : [region];
  for (const r of regions) {
    const state = view.coverage(check.kind, r, check.parts);
    if (state.state !== 'ok') return describeGap(check.kind, coverageRegion(check.kind, r), state);
  }
  return undefined;
}

/**
 * The regions a check must account for: the inventory's declared regions, else every region some
 * coverage entry names. Global kinds have one: `global`. Template sources cover `*`.
 */
function regionsToJudge(check: Check, view: InventoryView): string[] {
  if (GLOBAL_KINDS.has(check.kind)) return [GLOBAL_REGION];
  const declared = view.inventory.source.regions;
  if (declared && declared.length > 0) return [...declared];
  const seen = new Set<string>();
  for (const c of view.inventory.coverage) if (c.region !== GLOBAL_REGION) seen.add(c.region);
  return seen.size > 0 ? [...seen] : ['*'];
}

/**
 * The check's verdicts on a resource (resource scope) or on the resources in scope (region and
 * account scope): one, or a list, as the check returned them (neither is copied: the engine only reads them).
 */
function evaluateSafely(check: Check, subject: Resource | readonly Resource[], ctx: CheckContext): Outcome | readonly Outcome[] {
  try {
    const result = (check as { evaluate(subject: Resource | readonly Resource[], ctx: CheckContext): Verdict | readonly Verdict[] }).evaluate(subject, ctx);
    // A broken check (a missing return, a Promise, a made-up status) is an ERROR, not a crash of the whole run.
    if (!Array.isArray(result)) return isVerdict(result) ? result : errorVerdict('the check returned something that is not a verdict');
    const verdicts = result as readonly Verdict[];
    if (verdicts.length === 0) return errorVerdict('the check returned no verdict');
    if (!verdicts.every(isVerdict)) return errorVerdict('the check returned something that is not a verdict');
    return verdicts;
  } catch (error) {
    if (error instanceof Indeterminate) return unknownVerdict(`Could not be judged: ${error.reason}.`);
    return errorVerdict(error instanceof Error ? error.message : String(error));
  }
}

const listOf = (outcomes: Outcome | readonly Outcome[]): readonly Outcome[] => (Array.isArray(outcomes) ? (outcomes as readonly Outcome[]) : [outcomes as Outcome]);

/** A finding as the suppressions see it: with the resource's tags, when it has any. */
function suppressible(finding: Finding, tags: Readonly<Record<string, string>> | undefined): Suppressible {
  return tags ? { finding, tags } : { finding };
}

const VERDICT_STATUSES: ReadonlySet<unknown> = new Set<Verdict['status']>(['PASS', 'FAIL', 'UNKNOWN', 'NOT_APPLICABLE']);

function isVerdict(value: unknown): value is Verdict {
  const v = value as { status?: unknown; message?: unknown } | null;
  return typeof v === 'object' && v !== null && VERDICT_STATUSES.has(v.status) && typeof v.message === 'string';
}

const unknownVerdict = (message: string): Outcome => unknown(message);
const errorVerdict = (message: string): Outcome => ({ status: 'ERROR', message: `The check failed: ${message}` });

/**
 * What findings say about each resource, made once per kind and shared by every check's findings
 * about it: a large account has hundreds of thousands of findings about a hundred thousand
 * resources. Findings are read-only, so sharing is invisible to their readers.
 */
class FindingResources {
  private readonly byKind = new Map<Resource['kind'], readonly FindingResource[]>();

  constructor(private readonly view: InventoryView) {}

  /** One per resource of the kind, in the order of `view.resources(kind)`. */
  ofKind(kind: Resource['kind']): readonly FindingResource[] {
    let made = this.byKind.get(kind);
    if (!made) {
      made = this.view.resources(kind).map((resource) => ({ id: resource.id, kind, region: this.view.regionOf(resource), accountId: this.view.accountOf(resource), origin: resource.origin }));
      this.byKind.set(kind, made);
    }
    return made;
  }
}

/** The account as the subject of a region- or account-wide finding (ASFF's `AwsAccount` id form). */
function accountResource(view: InventoryView, region: string): FindingResource {
  const accountId = view.accountOf();
  return { id: `AWS::::Account:${accountId}`, kind: 'account', region, accountId };
}

/**
 * The finding for one verdict. Its fields are always in this order (reports serialize it as is), and
 * it is written as one literal per combination of the optional `key` and `evidence`, so every
 * finding is a compact object of a fixed shape (hundreds of thousands are held at once).
 */
function toFinding(check: Check, resource: FindingResource, verdict: Outcome): Finding {
  const { id: checkId, title, severity, service, frameworks, remediation } = check;
  const { status, message, key } = verdict;
  const evidence = 'evidence' in verdict ? verdict.evidence : undefined;
  if (key === undefined) {
    return evidence === undefined
      ? { checkId, title, status, severity, service, message, resource, frameworks, remediation }
      : { checkId, title, status, severity, service, message, resource, frameworks, remediation, evidence };
  }
  return evidence === undefined
    ? { checkId, title, status, severity, service, message, key, resource, frameworks, remediation }
    : { checkId, title, status, severity, service, message, key, resource, frameworks, remediation, evidence };
}
