import type { CheckContext, Verdict } from '../../../engine/check';
import type { Trail } from '../../../model';
import { s3ObjectEvents } from './event-selectors';
import { notLogging, regionVerdict, sortTrails, trailsRecordingRegion } from './trails';

/**
 * Shared by the read and the write check: some logging trail that records this region captures
 * that kind of S3 object-level event for every bucket. Named buckets or narrowing conditions
 * (event names, ARN prefixes, callers) cover only part of S3 and do not count.
 */
export function s3ObjectEventsVerdict(trails: readonly Trail[], ctx: CheckContext, access: 'reads' | 'writes'): Verdict {
  const noun = access === 'reads' ? 'read' : 'write';
  const sorted = sortTrails(trailsRecordingRegion(trails, ctx), (trail) => {
    const stopped = notLogging(trail);
    if (stopped) return stopped;
    const events = s3ObjectEvents(trail);
    const extent = events[access];
    if (extent === 'all') return undefined;
    if (extent === 'some') return `records S3 object ${noun} events for part of S3 only (${events.narrowedBy.join('; ')})`;
    return `records no S3 object ${noun} events`;
  });
  return regionVerdict(sorted, ctx.region, {
    qualifies: `records S3 object-level ${noun} events for every bucket`,
    noneQualifies: `No logging trail records S3 object-level ${noun} events for every bucket`,
  });
}
