import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { publicExposures, trailBucket } from './lib/bucket';
import { describeResolvable } from '../../model';
import { trailLabel } from './lib/trails';

export const cloudtrailBucketNotPublic = defineResourceCheck({
  id: 'cloudtrail-bucket-not-public',
  kind: 'cloudtrail.trail',
  title: 'The S3 bucket a trail delivers to is not publicly accessible',
  severity: 'critical',
  description:
    'The bucket named by each trail (read as `s3.bucket`) grants no public access through its policy or ACL, after the bucket\'s ' +
    'own Block Public Access settings (RestrictPublicBuckets, IgnorePublicAcls). A policy is public when S3 says so ' +
    '(GetBucketPolicyStatus) or, for templates, when an Allow to `*` is not pinned by a fixed-value condition on the caller\'s ' +
    'account, organization, VPC, network or source. A bucket that is not in the inventory (typically a log archive in another ' +
    'account) is UNKNOWN, never PASS. Account-level Block Public Access is not taken into account.',
  risk:
    'A public trail bucket publishes the account\'s complete API history: its resources, principals, and the gaps an attacker can use; ' +
    'with write access it also lets anyone tamper with the evidence.',
  remediation:
    'Turn on all four Block Public Access settings of the bucket (aws s3api put-public-access-block --bucket <trail-bucket> ' +
    '--public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true) ' +
    'and remove the statements that allow `*`.',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-6',
  ],
  frameworks: { securityHub: ['CloudTrail.6'] },

  evaluate(trail, ctx) {
    const bucket = trailBucket(trail, ctx);
    if ('missing' in bucket) return unknown(bucket.missing);
    const { found } = bucket;
    const name = describeResolvable(found.name);
    const exposures = publicExposures(found);
    if (exposures.length === 0) return pass(`Bucket ${name} of trail ${trailLabel(trail)} is not public.`, { evidence: { bucket: found.id } });
    return fail(`Bucket ${name} of trail ${trailLabel(trail)} is public: ${exposures.map((e) => e.detail).join('; ')}.`, {
      evidence: { bucket: found.id, exposedVia: exposures.map((e) => e.via) },
    });
  },
});
