import { defineRegionCheck } from '../../engine/check';
import { notLogging, regionVerdict, sortTrails, trailsRecordingRegion } from './lib/trails';

export const cloudtrailEnabledInRegion = defineRegionCheck({
  id: 'cloudtrail-enabled-in-region',
  kind: 'cloudtrail.trail',
  title: 'At least one CloudTrail trail is logging in the region',
  severity: 'high',
  description:
    'For each region, some trail that records this region is logging: a trail homed in the region, or a multi-region or ' +
    'organization trail homed anywhere. This is the weaker Security Hub CloudTrail.3 requirement; ' +
    '`cloudtrail-multi-region-trail-logging` asks for a multi-region trail with read and write management events. If the trails ' +
    'of another audited region could not be listed, a region without a logging trail is UNKNOWN, not FAIL: a trail is recorded ' +
    'only in its home region, so a multi-region trail homed there is unseen.',
  risk: 'A region no logging trail covers keeps API activity only in the 90-day event history, which cannot be retained, protected or alerted on.',
  remediation:
    'Start the stopped trail (aws cloudtrail start-logging --name <trail>) or create a multi-region trail that covers every region.',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-3',
  ],
  frameworks: { securityHub: ['CloudTrail.3'] },
  // Reads `incomplete` itself: a partly known resource can only keep a FAIL from being a PASS.
  handlesIncomplete: true,

  evaluate(trails, ctx) {
    const sorted = sortTrails(trailsRecordingRegion(trails, ctx), notLogging);
    return regionVerdict(sorted, ctx.region, { qualifies: 'is logging', noneQualifies: 'No trail is logging' });
  },
});
