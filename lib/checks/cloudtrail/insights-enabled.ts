import { defineRegionCheck, must } from '../../engine/check';
import type { Trail } from '../../model';
import { notLogging, regionVerdict, sortTrails, trailsRecordingRegion, type Candidates } from './lib/trails';

/** Trails whose Insights setting was not recorded (an older snapshot) cannot be judged either way. */
function withInsightsRecorded(candidates: Candidates): Candidates {
  const unrecorded = candidates.trails.filter((t) => t.hasInsightSelectors === undefined);
  return {
    ...candidates,
    trails: candidates.trails.filter((t) => t.hasInsightSelectors !== undefined),
    undecided: [...candidates.undecided, ...unrecorded.map((trail) => ({ trail, reason: 'whether it has Insights selectors was not recorded' }))],
  };
}

function lacksInsights(trail: Trail): string | undefined {
  return must(trail.hasInsightSelectors!) ? undefined : 'has no Insights selectors';
}

export const cloudtrailInsightsEnabled = defineRegionCheck({
  id: 'cloudtrail-insights-enabled',
  kind: 'cloudtrail.trail',
  title: 'A logging CloudTrail trail with Insights records the region',
  severity: 'low',
  description:
    'For each region, some logging trail that records the region has CloudTrail Insights selectors (ApiCallRateInsight or ' +
    'ApiErrorRateInsight), so API call or error rates that depart from the account’s baseline raise Insights events. Multi-region and ' +
    'organization trails homed in other regions count. Insights analyses only the events the trail records (API call rate needs write ' +
    'management events); whether those are complete is judged by cloudtrail-multi-region-trail-logging. No Security Hub or CIS ' +
    'control covers Insights; the check enforces Well-Architected SEC04-BP01 (configure service logging so security events can be detected).',
  risk:
    'Without Insights, a burst of unusual API activity (mass resource creation with stolen keys, enumeration, a script deleting ' +
    'resources) is recorded but raises no signal until someone happens to query the logs.',
  remediation:
    'aws cloudtrail put-insight-selectors --trail-name <multi-region trail> --insight-selectors ' +
    '\'[{"InsightType":"ApiCallRateInsight"},{"InsightType":"ApiErrorRateInsight"}]\' (Insights events are charged per event analysed).',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-insights-events-with-cloudtrail.html',
    'https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_detect_investigate_events_app_service_logging.html',
  ],
  frameworks: { wellArchitected: ['SEC04-BP01'] },
  // Reads `incomplete` itself: a partly known resource can only keep a FAIL from being a PASS.
  handlesIncomplete: true,

  evaluate(trails, ctx) {
    const sorted = sortTrails(withInsightsRecorded(trailsRecordingRegion(trails, ctx)), (trail) => notLogging(trail) ?? lacksInsights(trail));
    return regionVerdict(sorted, ctx.region, {
      qualifies: 'is logging with CloudTrail Insights enabled',
      noneQualifies: 'No logging trail with CloudTrail Insights records the region',
    });
  },
});
