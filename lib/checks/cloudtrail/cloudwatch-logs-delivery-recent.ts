import { defineResourceCheck, fail, must, pass, type CheckContext } from '../../engine/check';
import type { Trail } from '../../model';
import { trailLabel } from './lib/trails';

const HOUR_MS = 3_600_000;

export const cloudtrailCloudwatchLogsDeliveryRecent = defineResourceCheck({
  id: 'cloudtrail-cloudwatch-logs-delivery-recent',
  kind: 'cloudtrail.trail',
  title: 'CloudTrail delivers events to CloudWatch Logs, and delivered recently',
  severity: 'low',
  description:
    'Each trail sends its events to a CloudWatch Logs log group, and the latest successful delivery is at most ' +
    '`maxDeliveryAgeHours` old (option, default 24). Age is measured at the moment the trail status was read: the inventory\'s ' +
    '`collectedAt` when it records one, otherwise the audit time, so an old snapshot is judged as it was. A template can only ' +
    'declare the log group: its trails pass on the declaration, and recency is judged on the live account.',
  risk:
    'Without CloudWatch Logs delivery there are no metric filters or alarms on API activity (root use, IAM or trail changes), ' +
    'and a delivery that silently stopped (a deleted role or log group) leaves the alarms blind.',
  remediation:
    'aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>; ' +
    'if delivery stopped, fix the role CloudTrail assumes (logs:CreateLogStream, logs:PutLogEvents) or recreate the log group.',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-5',
  ],
  frameworks: { securityHub: ['CloudTrail.5'] },
  defaultOptions: { maxDeliveryAgeHours: 24 },

  evaluate(trail, ctx) {
    const label = trailLabel(trail);
    if (trail.cloudWatchLogsLogGroupArn === undefined) return fail(`Trail ${label} does not deliver to CloudWatch Logs.`);
    const logGroup = must(trail.cloudWatchLogsLogGroupArn);
    if (trail.origin.kind === 'cfn') {
      return pass(`Trail ${label} declares delivery to ${logGroup}; whether events arrive is judged on the live account.`, {
        evidence: { logGroup },
      });
    }
    return judgeDelivery(trail, logGroup, label, ctx);
  },
});

function judgeDelivery(trail: Trail, logGroup: string, label: string, ctx: CheckContext) {
  const maxHours = ctx.options.maxDeliveryAgeHours as number;
  const observedAt = observationTime(ctx);
  const delivered = trail.status.latestCloudWatchLogsDeliveryTime;
  const error = trail.status.latestCloudWatchLogsDeliveryError;
  const evidence = {
    logGroup,
    latestDeliveryTime: delivered ?? null,
    observedAt: observedAt.toISOString(),
    maxDeliveryAgeHours: maxHours,
    ...(error ? { latestDeliveryError: error } : {}),
  };
  const errorNote = error ? ` (latest delivery error: ${error})` : '';
  if (delivered === undefined) return fail(`Trail ${label} has never delivered to ${logGroup}${errorNote}.`, { evidence });
  const ageHours = (observedAt.getTime() - new Date(delivered).getTime()) / HOUR_MS;
  if (ageHours > maxHours) {
    return fail(`Trail ${label} last delivered to ${logGroup} ${describeAge(ageHours)} before the inventory was read, over ${maxHours} h${errorNote}.`, {
      evidence,
    });
  }
  return pass(`Trail ${label} delivers to ${logGroup}; the latest delivery was ${describeAge(ageHours)} before the inventory was read.`, { evidence });
}

function describeAge(hours: number): string {
  if (hours < 1) return 'less than an hour';
  return hours < 48 ? `${Math.floor(hours)} h` : `${Math.floor(hours / 24)} days`;
}

/** Delivery times were read when the inventory was collected; comparing them with a later audit time would age every snapshot. */
function observationTime(ctx: CheckContext): Date {
  const collectedAt = ctx.inventory.inventory.source.collectedAt;
  if (collectedAt === undefined) return ctx.now;
  const collected = new Date(collectedAt);
  return collected.getTime() < ctx.now.getTime() ? collected : ctx.now;
}
