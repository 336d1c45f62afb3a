import { must, mustAll } from '../../../engine/check';
import type { AdvancedEventSelector, EventSelector, Trail } from '../../../model';

/**
 * What a trail's event selectors record, in the basic form (`EventSelectors`) or the advanced form
 * (`AdvancedEventSelectors`). A trail uses one form or the other; when advanced selectors are
 * present they are the ones in force. Selectors are OR-ed; within an advanced selector the field
 * conditions are AND-ed. Every value is read through `must()`.
 */

/** Read and write management events a trail records without a disallowed gap. */
export interface ManagementEvents {
  readonly reads: boolean;
  readonly writes: boolean;
  /** Event sources left out by selectors that would otherwise count (e.g. `kms.amazonaws.com`). */
  readonly excludedSources: readonly string[];
  /** Conditions that narrow management events in a way that is not credited. */
  readonly narrowedBy: readonly string[];
}

/** How much of S3 a trail's object-level events cover: every bucket, some, or none. */
export type Extent = 'all' | 'some' | 'none';

export interface S3ObjectEvents {
  readonly reads: Extent;
  readonly writes: Extent;
  /** Why a selector covers only part of S3 (named buckets, event names, …). */
  readonly narrowedBy: readonly string[];
}

interface Grant {
  readonly reads: boolean;
  readonly writes: boolean;
  readonly excluded: readonly string[];
  readonly narrowedBy: readonly string[];
}

interface Condition {
  readonly field: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

const OPERATORS = ['equals', 'notEquals', 'startsWith', 'notStartsWith', 'endsWith', 'notEndsWith'] as const;
type Operator = (typeof OPERATORS)[number];

const S3_OBJECT = 'AWS::S3::Object';

/**
 * The management events a trail records. A selector that excludes an event source not in
 * `allowedExclusions`, or narrows management events otherwise, does not count: Security Hub
 * CloudTrail.1 wants `ExcludeManagementEventSources` empty on the qualifying trail.
 */
export function managementEvents(trail: Trail, allowedExclusions: ReadonlySet<string>): ManagementEvents {
  const grants = usesAdvancedSelectors(trail)
    ? trail.advancedEventSelectors.map(advancedManagementGrant)
    : trail.eventSelectors.map(basicManagementGrant);
  const counted = grants.filter((g) => g.narrowedBy.length === 0 && g.excluded.every((s) => allowedExclusions.has(s)));
  return {
    reads: counted.some((g) => g.reads),
    writes: counted.some((g) => g.writes),
    excludedSources: unique(grants.flatMap((g) => g.excluded.filter((s) => !allowedExclusions.has(s)))),
    narrowedBy: unique(grants.flatMap((g) => g.narrowedBy)),
  };
}

/** The S3 object-level (data) events a trail records. */
export function s3ObjectEvents(trail: Trail): S3ObjectEvents {
  const extents = usesAdvancedSelectors(trail) ? trail.advancedEventSelectors.map(advancedS3Extent) : trail.eventSelectors.flatMap(basicS3Extents);
  return {
    reads: widest(extents.filter((e) => e.reads).map((e) => e.extent)),
    writes: widest(extents.filter((e) => e.writes).map((e) => e.extent)),
    narrowedBy: unique(extents.flatMap((e) => e.narrowedBy)),
  };
}

function usesAdvancedSelectors(trail: Trail): boolean {
  return trail.advancedEventSelectors.length > 0;
}

const NO_GRANT: Grant = { reads: false, writes: false, excluded: [], narrowedBy: [] };

function basicManagementGrant(selector: EventSelector): Grant {
  if (!must(selector.includeManagementEvents)) return NO_GRANT;
  const type = must(selector.readWriteType);
  return {
    reads: type !== 'WriteOnly',
    writes: type !== 'ReadOnly',
    excluded: mustAll(selector.excludeManagementEventSources ?? []),
    narrowedBy: [],
  };
}

function advancedManagementGrant(selector: AdvancedEventSelector): Grant {
  const conditions = conditionsOf(selector);
  if (!categoryOf(conditions).includes('Management')) return NO_GRANT;
  const access = readOnlyAccess(conditions);
  const excluded: string[] = [];
  const narrowedBy = [...access.narrowedBy];
  for (const c of conditions) {
    if (c.field === 'eventCategory' || c.field === 'readOnly') continue;
    // The only exclusion CloudTrail allows for management events: eventSource NotEquals kms / rdsdata.
    if (c.field === 'eventSource' && c.operator === 'notEquals') excluded.push(...c.values);
    else narrowedBy.push(describeCondition(c));
  }
  return { reads: access.reads, writes: access.writes, excluded, narrowedBy };
}

interface ExtentGrant {
  readonly reads: boolean;
  readonly writes: boolean;
  readonly extent: Extent;
  readonly narrowedBy: readonly string[];
}

function basicS3Extents(selector: EventSelector): ExtentGrant[] {
  const s3 = selector.dataResources.filter((r) => must(r.type) === S3_OBJECT);
  if (s3.length === 0) return [];
  const type = must(selector.readWriteType);
  const reads = type !== 'WriteOnly';
  const writes = type !== 'ReadOnly';
  return s3.map((resource) => {
    const values = mustAll(resource.values);
    // `arn:aws:s3` (or `arn:aws:s3:::`) selects every bucket, present and future; anything else names buckets or prefixes.
    if (values.some(isEveryS3Object)) return { reads, writes, extent: 'all', narrowedBy: [] };
    return { reads, writes, extent: values.length > 0 ? 'some' : 'none', narrowedBy: values.map((v) => `only ${v}`) };
  });
}

function advancedS3Extent(selector: AdvancedEventSelector): ExtentGrant {
  const conditions = conditionsOf(selector);
  const isS3Data = categoryOf(conditions).includes('Data') && equalsOf(conditions, 'resources.type').includes(S3_OBJECT);
  if (!isS3Data) return { reads: false, writes: false, extent: 'none', narrowedBy: [] };
  const access = readOnlyAccess(conditions);
  const narrowedBy = [...access.narrowedBy];
  for (const c of conditions) {
    if (c.field === 'eventCategory' || c.field === 'resources.type' || c.field === 'readOnly') continue;
    if (c.field === 'resources.ARN' && c.operator === 'startsWith' && c.values.every(isEveryS3Object)) continue;
    narrowedBy.push(describeCondition(c));
  }
  return { reads: access.reads, writes: access.writes, extent: narrowedBy.length > 0 ? 'some' : 'all', narrowedBy };
}

/** `readOnly` Equals `true` keeps reads only, `false` writes only; without it both are recorded. */
function readOnlyAccess(conditions: readonly Condition[]): { reads: boolean; writes: boolean; narrowedBy: string[] } {
  let reads = true;
  let writes = true;
  const narrowedBy: string[] = [];
  for (const c of conditions.filter((x) => x.field === 'readOnly')) {
    if (c.operator === 'equals') {
      reads &&= c.values.includes('true');
      writes &&= c.values.includes('false');
    } else if (c.operator === 'notEquals') {
      reads &&= !c.values.includes('true');
      writes &&= !c.values.includes('false');
    } else {
      narrowedBy.push(describeCondition(c));
    }
  }
  return { reads, writes, narrowedBy };
}

function conditionsOf(selector: AdvancedEventSelector): Condition[] {
  return selector.fieldSelectors.flatMap((fs) => {
    const field = must(fs.field);
    return OPERATORS.flatMap((operator) => {
      const values = fs[operator];
      return values === undefined ? [] : [{ field, operator, values: mustAll(values) }];
    });
  });
}

function categoryOf(conditions: readonly Condition[]): string[] {
  return equalsOf(conditions, 'eventCategory');
}

function equalsOf(conditions: readonly Condition[], field: string): string[] {
  return conditions.filter((c) => c.field === field && c.operator === 'equals').flatMap((c) => c.values);
}

function describeCondition(c: Condition): string {
  return `${c.field} ${c.operator} ${c.values.join(', ')}`;
}

/** `arn:aws:s3`, `arn:aws:s3:::` (any partition): the whole of S3. */
function isEveryS3Object(value: string): boolean {
  return /^arn:[a-z0-9-]+:s3(:::)?$/.test(value);
}

const EXTENT_ORDER: readonly Extent[] = ['none', 'some', 'all'];

function widest(extents: readonly Extent[]): Extent {
  return extents.reduce<Extent>((best, e) => (EXTENT_ORDER.indexOf(e) > EXTENT_ORDER.indexOf(best) ? e : best), 'none');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
