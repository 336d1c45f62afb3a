import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { trailBucket } from './lib/bucket';
import { describeResolvable } from '../../model';
import { trailLabel } from './lib/trails';

export const cloudtrailBucketAccessLoggingEnabled = defineResourceCheck({
  id: 'cloudtrail-bucket-access-logging-enabled',
  kind: 'cloudtrail.trail',
  title: 'The S3 bucket a trail delivers to has server access logging enabled',
  severity: 'low',
  description:
    'The bucket named by each trail (read as `s3.bucket`) records server access logs. A bucket that is not in the inventory ' +
    '(typically a log archive in another account) is UNKNOWN, never PASS: audit the account that owns it.',
  risk: 'Without access logs on the trail bucket, nobody can tell who read, overwrote or deleted the audit logs.',
  remediation:
    'aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status ' +
    '\'{"LoggingEnabled":{"TargetBucket":"<access-log-bucket>","TargetPrefix":"<trail-bucket>/"}}\'',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-7',
  ],
  frameworks: { securityHub: ['CloudTrail.7'], cisAws: { '3.0': ['3.4'], '4.0': ['3.4'] } },

  evaluate(trail, ctx) {
    const bucket = trailBucket(trail, ctx);
    if ('missing' in bucket) return unknown(bucket.missing);
    const { found } = bucket;
    const name = describeResolvable(found.name);
    if (!must(found.accessLogging.enabled)) {
      return fail(`Bucket ${name} of trail ${trailLabel(trail)} has no server access logging.`, { evidence: { bucket: found.id } });
    }
    const target = found.accessLogging.targetBucket === undefined ? undefined : must(found.accessLogging.targetBucket);
    return pass(`Bucket ${name} of trail ${trailLabel(trail)} logs access${target ? ` to ${target}` : ''}.`, {
      evidence: { bucket: found.id, ...(target ? { targetBucket: target } : {}) },
    });
  },
});
