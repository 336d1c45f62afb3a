import { defineRegionCheck, must } from '../../engine/check';
import type { Trail } from '../../model';
import { managementEvents } from './lib/event-selectors';
import { notLogging, regionVerdict, sortTrails, trailsRecordingRegion } from './lib/trails';

export const cloudtrailMultiRegionTrailLogging = defineRegionCheck({
  id: 'cloudtrail-multi-region-trail-logging',
  kind: 'cloudtrail.trail',
  title: 'A multi-region CloudTrail trail is logging read and write management events',
  severity: 'high',
  description:
    'For each region, at least one multi-region trail that records this region is logging and captures both read and write ' +
    'management events, in the basic (`EventSelectors`) or the advanced (`AdvancedEventSelectors`) form. The trail may be homed in ' +
    'any region and may be an organization trail owned by the management account: it counts for every member account. A selector ' +
    'that excludes management event sources does not count unless every excluded source is listed in option ' +
    '`allowedExcludedEventSources` (default: none, as Security Hub CloudTrail.1 requires). If the trails of another audited region ' +
    'could not be listed, a region without a qualifying trail is UNKNOWN, not FAIL: the trail may be homed there, unseen.',
  risk:
    'Without a trail that records every API call in every region, activity in an unused region, changes to IAM and the theft or ' +
    'misuse of credentials leave no record: an intrusion can neither be detected nor investigated.',
  remediation:
    'Create a multi-region trail with read and write management events and start it (aws cloudtrail create-trail --name audit ' +
    '--s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation --kms-key-id <key>; aws cloudtrail start-logging ' +
    '--name audit), or join the account to an organization trail.',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1',
  ],
  frameworks: { securityHub: ['CloudTrail.1'], cisAws: { '3.0': ['3.1'], '4.0': ['3.1'] } },
  // Reads `incomplete` itself: a partly known resource can only keep a FAIL from being a PASS.
  handlesIncomplete: true,
  defaultOptions: { allowedExcludedEventSources: [] },

  evaluate(trails, ctx) {
    const allowed = new Set(ctx.options.allowedExcludedEventSources as readonly string[]);
    const sorted = sortTrails(trailsRecordingRegion(trails, ctx), (trail) => fallsShort(trail, allowed));
    return regionVerdict(sorted, ctx.region, {
      qualifies: 'is multi-region, logging, and records read and write management events',
      noneQualifies: 'No multi-region trail records read and write management events',
    });
  },
});

function fallsShort(trail: Trail, allowedExclusions: ReadonlySet<string>): string | undefined {
  if (!must(trail.isMultiRegion)) return 'is a single-region trail';
  const stopped = notLogging(trail);
  if (stopped) return stopped;
  const events = managementEvents(trail, allowedExclusions);
  if (events.reads && events.writes) return undefined;
  const missing = [!events.reads && 'read', !events.writes && 'write'].filter(Boolean).join(' and ');
  const why = [
    events.excludedSources.length > 0 && `excludes ${events.excludedSources.join(', ')}`,
    events.narrowedBy.length > 0 && `narrowed by ${events.narrowedBy.join('; ')}`,
  ].filter(Boolean);
  return `does not record ${missing} management events${why.length > 0 ? ` (${why.join('; ')})` : ''}`;
}
