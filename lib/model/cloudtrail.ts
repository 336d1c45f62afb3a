import { z } from 'zod';
import { isoDate, resourceBase } from './common';
import { policyDocumentSchema } from './policy-document';
import { resolvable } from './resolvable';

const rstring = resolvable(z.string());
const rbool = resolvable(z.boolean());

export const eventSelectorSchema = z.strictObject({
  readWriteType: resolvable(z.enum(['ReadOnly', 'WriteOnly', 'All'])),
  includeManagementEvents: rbool,
  dataResources: z.array(z.strictObject({ type: rstring, values: z.array(rstring) })),
  excludeManagementEventSources: z.array(rstring).optional(),
});

export const advancedEventSelectorSchema = z.strictObject({
  name: z.string().optional(),
  fieldSelectors: z.array(
    z.strictObject({
      field: rstring,
      equals: z.array(rstring).optional(),
      notEquals: z.array(rstring).optional(),
      startsWith: z.array(rstring).optional(),
      notStartsWith: z.array(rstring).optional(),
      endsWith: z.array(rstring).optional(),
      notEndsWith: z.array(rstring).optional(),
    }),
  ),
});

/**
 * A trail, recorded once (ids are unique), in its home region. Multi-region and organization
 * trails are listed by every region's DescribeTrails; sources keep one record, and region checks
 * count a multi-region trail from any region. An organization trail seen from a member account
 * keeps the management account in its ARN and `ownerAccountId`; its origin is the audited account.
 */
export const trailSchema = z.strictObject({
  kind: z.literal('cloudtrail.trail'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  homeRegion: rstring,
  /** Account that owns the trail (the management account for an organization trail). */
  ownerAccountId: rstring.optional(),
  isMultiRegion: rbool,
  isOrganizationTrail: rbool,
  includeGlobalServiceEvents: rbool,
  logFileValidationEnabled: rbool,
  kmsKeyId: rstring.optional(),
  s3BucketName: rstring,
  s3KeyPrefix: rstring.optional(),
  cloudWatchLogsLogGroupArn: rstring.optional(),
  snsTopicArn: rstring.optional(),
  hasInsightSelectors: rbool.optional(),
  /** From GetTrailStatus; a template trail declares `IsLogging` instead (no delivery times). */
  status: z.strictObject({
    isLogging: rbool,
    latestDeliveryTime: isoDate.optional(),
    latestDeliveryError: z.string().optional(),
    latestCloudWatchLogsDeliveryTime: isoDate.optional(),
    latestCloudWatchLogsDeliveryError: z.string().optional(),
  }),
  eventSelectors: z.array(eventSelectorSchema),
  advancedEventSelectors: z.array(advancedEventSelectorSchema),
});

/** S3 buckets that hardeks looks at (trail log buckets). */
export const s3BucketSchema = z.strictObject({
  kind: z.literal('s3.bucket'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  /** Bucket-level Block Public Access; `null` when none is configured. */
  publicAccessBlock: z
    .strictObject({
      blockPublicAcls: rbool,
      ignorePublicAcls: rbool,
      blockPublicPolicy: rbool,
      restrictPublicBuckets: rbool,
    })
    .nullable(),
  /** From GetBucketPolicyStatus; absent when not known. */
  policyIsPublic: z.boolean().optional(),
  /** `null` when the bucket has no policy. */
  policy: resolvable(policyDocumentSchema).nullable(),
  /** The ACL grants access to AllUsers or AuthenticatedUsers. */
  aclGrantsPublicAccess: rbool.optional(),
  accessLogging: z.strictObject({ enabled: rbool, targetBucket: rstring.optional() }),
  versioning: resolvable(z.enum(['Enabled', 'Suspended', 'Disabled'])).optional(),
  mfaDelete: rbool.optional(),
  objectLockEnabled: rbool.optional(),
});

export interface Trail extends z.infer<typeof trailSchema> {}
export interface S3Bucket extends z.infer<typeof s3BucketSchema> {}
export type EventSelector = z.infer<typeof eventSelectorSchema>;
export type AdvancedEventSelector = z.infer<typeof advancedEventSelectorSchema>;
