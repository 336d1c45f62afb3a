import { Indeterminate, fail, must, pass, unknown, type CheckContext, type Verdict } from '../../../engine/check';
import { describeGap } from '../../../engine/inventory-view';
import { ANY_REGION, GLOBAL_REGION, describeResolvable, type Trail } from '../../../model';

/** A trail whose fitness could not be established, and why. */
export interface Undecided {
  readonly trail: Trail;
  readonly reason: string;
}

/** A trail that was judged and falls short, and how. */
export interface Shortfall {
  readonly trail: Trail;
  readonly reason: string;
}

/** An audited region whose trails could not be listed, and why. */
export interface UnlistedRegion {
  readonly region: string;
  readonly reason: string;
}

export interface Candidates {
  /** Trails that record this region's events and whose data is complete. */
  readonly trails: readonly Trail[];
  /** Trails that may record this region's events but could not be read in full. */
  readonly undecided: readonly Undecided[];
  /** Other regions whose trail listing failed: a multi-region trail homed there is recorded nowhere else. */
  readonly unlisted: readonly UnlistedRegion[];
}

/**
 * The trails that record a region's events: the region's own trails, plus multi-region trails
 * (organization trails included) homed in any other region. A trail is recorded once, in its home
 * region, so those are found through the whole inventory rather than the region's own list.
 *
 * A trail whose own describe call failed, or whose home region could not be collected, is
 * undecided, and so is every other audited region whose trails could not be listed: either may turn
 * a FAIL into UNKNOWN, but never makes a PASS.
 */
export function trailsRecordingRegion(local: readonly Trail[], ctx: CheckContext): Candidates {
  const trails: Trail[] = [];
  const undecided: Undecided[] = [];
  const localIds = new Set(local.map((t) => t.id));
  const consider = (trail: Trail, gap: string | undefined) => {
    const reason = trail.incomplete ? `it could not be fully collected (${trail.incomplete.code}: ${trail.incomplete.message})` : gap;
    if (reason) undecided.push({ trail, reason });
    else trails.push(trail);
  };
  for (const trail of local) consider(trail, undefined);
  for (const trail of ctx.inventory.resources('cloudtrail.trail')) {
    if (localIds.has(trail.id)) continue;
    const multiRegion = settle(() => must(trail.isMultiRegion));
    if ('reason' in multiRegion) undecided.push({ trail, reason: multiRegion.reason });
    // A single-region trail homed elsewhere records nothing here.
    else if (multiRegion.value) consider(trail, homeRegionGap(trail, ctx));
  }
  return { trails, undecided, unlisted: unlistedRegions(ctx) };
}

/**
 * The other audited regions (declared, or named by trail coverage) whose trail listing did not
 * succeed. A trail is recorded only in its home region, so a multi-region or organization trail
 * homed in one of them would be missing from the whole inventory, not just from that region.
 */
function unlistedRegions(ctx: CheckContext): UnlistedRegion[] {
  const { inventory } = ctx.inventory;
  const audited = new Set(inventory.source.regions ?? []);
  for (const c of inventory.coverage) if (c.kind === 'cloudtrail.trail') audited.add(c.region);
  const unlisted: UnlistedRegion[] = [];
  for (const region of audited) {
    if (region === ctx.region || region === ANY_REGION || region === GLOBAL_REGION) continue;
    const state = ctx.inventory.coverage('cloudtrail.trail', region);
    if (state.state !== 'ok') unlisted.push({ region, reason: describeGap('cloudtrail.trail', region, state) });
  }
  return unlisted;
}

/** The engine vouches only for the region it judges; a trail homed elsewhere needs its own region's collection to have worked. */
function homeRegionGap(trail: Trail, ctx: CheckContext): string | undefined {
  const home = ctx.inventory.regionOf(trail);
  const state = ctx.inventory.coverage('cloudtrail.trail', home);
  return state.state === 'error' ? describeGap('cloudtrail.trail', home, state) : undefined;
}

export interface Sorted {
  readonly qualifying: readonly Trail[];
  readonly shortfalls: readonly Shortfall[];
  readonly undecided: readonly Undecided[];
  readonly unlisted: readonly UnlistedRegion[];
}

/**
 * Judges each candidate on its own: `shortfall` returns why a trail does not qualify, or undefined
 * when it does. An unresolved value makes only that trail undecided, so one template parameter
 * on one trail does not hide a trail that plainly qualifies.
 */
export function sortTrails(candidates: Candidates, shortfall: (trail: Trail) => string | undefined): Sorted {
  const qualifying: Trail[] = [];
  const shortfalls: Shortfall[] = [];
  const undecided: Undecided[] = [...candidates.undecided];
  for (const trail of candidates.trails) {
    const judged = settle(() => shortfall(trail));
    if ('reason' in judged) undecided.push({ trail, reason: judged.reason });
    else if (judged.value === undefined) qualifying.push(trail);
    else shortfalls.push({ trail, reason: judged.value });
  }
  return { qualifying, shortfalls, undecided, unlisted: candidates.unlisted };
}

/** Runs one judgement; an unresolved value it reads comes back as a reason instead of ending the whole evaluation. */
function settle<T>(judge: () => T): { readonly value: T } | { readonly reason: string } {
  try {
    return { value: judge() };
  } catch (error) {
    if (error instanceof Indeterminate) return { reason: error.reason };
    throw error;
  }
}

export interface RegionMessages {
  /** "records read and write management events" — completes "Trail X …". */
  readonly qualifies: string;
  /** "No multi-region trail records read and write management events" */
  readonly noneQualifies: string;
}

/**
 * PASS when a trail qualifies; otherwise UNKNOWN when some trail could not be judged or some other
 * region's trails could not be listed; otherwise FAIL with every shortfall.
 */
export function regionVerdict(sorted: Sorted, region: string, messages: RegionMessages): Verdict {
  const where = region === '*' ? '' : ` in ${region}`;
  const [first] = sorted.qualifying;
  if (first) {
    return pass(`Trail ${trailLabel(first)} ${messages.qualifies}${where}.`, {
      evidence: { qualifyingTrails: sorted.qualifying.map((t) => t.id) },
    });
  }
  if (sorted.undecided.length > 0 || sorted.unlisted.length > 0) {
    return unknown(`${messages.noneQualifies}${where} among the trails that could be judged, but ${whatWasNotJudged(sorted)}.`);
  }
  const detail =
    sorted.shortfalls.length === 0 ? 'no trail records events here' : sorted.shortfalls.map((s) => `${trailLabel(s.trail)} ${s.reason}`).join('; ');
  return fail(`${messages.noneQualifies}${where}: ${detail}.`, {
    evidence: { trails: sorted.shortfalls.map((s) => ({ id: s.trail.id, shortfall: s.reason })) },
  });
}

/** "1 trail could not be judged (…); the trails of us-east-1 could not be listed (…)" */
function whatWasNotJudged(sorted: Sorted): string {
  const parts: string[] = [];
  if (sorted.undecided.length > 0) {
    const why = sorted.undecided.map((u) => `${trailLabel(u.trail)}: ${u.reason}`).join('; ');
    parts.push(`${sorted.undecided.length} trail${sorted.undecided.length === 1 ? '' : 's'} could not be judged (${why})`);
  }
  for (const u of sorted.unlisted) {
    parts.push(`the trails of ${u.region} could not be listed, and a multi-region trail homed there could record this region unseen (${u.reason})`);
  }
  return parts.join('; ');
}

/** `org-trail (organization trail of 999988887777)`: a name for messages, never used to judge. */
export function trailLabel(trail: Trail): string {
  const name = describeResolvable(trail.name);
  const owner = trail.ownerAccountId === undefined ? undefined : describeResolvable(trail.ownerAccountId);
  if (trail.isOrganizationTrail === true && owner) return `${name} (organization trail of ${owner})`;
  return name;
}

/** Why a trail records nothing right now, or undefined when it is logging. */
export function notLogging(trail: Trail): string | undefined {
  return must(trail.status.isLogging) ? undefined : 'is not logging (stopped)';
}
