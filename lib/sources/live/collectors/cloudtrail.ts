import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  paginateListTags,
  type AdvancedEventSelector as SdkAdvancedEventSelector,
  type EventSelector as SdkEventSelector,
  type GetEventSelectorsResponse,
  type GetTrailStatusResponse,
  type Trail as SdkTrail,
  type Tag as TrailTag,
} from '@aws-sdk/client-cloudtrail';
import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  S3Client,
  type Grant,
  type LoggingEnabled,
  type PublicAccessBlockConfiguration,
  type Tag as BucketTag,
} from '@aws-sdk/client-s3';
import {
  GLOBAL_REGION,
  parsePolicyDocument,
  type AdvancedEventSelector,
  type CollectionIssue,
  type EventSelector,
  type Origin,
  type PolicyDocument,
  type S3Bucket,
  type Trail,
} from '../../../model';
import type { Collector, TaskContext } from '../collector';
import { compact, isoDate, tagMap } from '../convert';
import type { Location } from './eks';

const origin = (arn: string, at: Location): Origin => ({ kind: 'aws', arn, accountId: at.accountId, region: at.region });
const at = (ctx: TaskContext): Location => ({ accountId: ctx.accountId, region: ctx.recordRegion, partition: ctx.partition });
/** `arn:aws:cloudtrail:us-east-1:999988887777:trail/org` → `999988887777`. */
const accountOfArn = (arn: string | undefined): string | undefined => arn?.split(':')[4] || undefined;
const nonEmpty = (text: string | undefined): string | undefined => (text ? text : undefined);

// ---------------------------------------------------------------------------------------------
// Trails
// ---------------------------------------------------------------------------------------------

/**
 * Whether the trail is recorded by this region's listing. Every region lists a multi-region trail
 * (shadow trails), but a trail is recorded once: in its home region when the audit covers it,
 * otherwise in the first audited region (sorted). The second case is an organization trail seen
 * from a member account and homed in a region this audit does not cover.
 */
export function recordsTrailHere(trail: SdkTrail, region: string, audited: readonly string[]): boolean {
  const regions = audited.length > 0 ? audited : [region];
  const home = trail.HomeRegion ?? region;
  if (regions.includes(home)) return home === region;
  return [...regions].sort()[0] === region;
}

/** GetEventSelectors' basic form, with CloudTrail's defaults (read and write, management events included). */
export function toEventSelector(s: SdkEventSelector): EventSelector {
  return compact({
    readWriteType: s.ReadWriteType ?? 'All',
    includeManagementEvents: s.IncludeManagementEvents ?? true,
    dataResources: (s.DataResources ?? []).map((d) => ({ type: d.Type ?? 'unknown', values: d.Values ?? [] })),
    excludeManagementEventSources: s.ExcludeManagementEventSources && s.ExcludeManagementEventSources.length > 0 ? s.ExcludeManagementEventSources : undefined,
  });
}

export function toAdvancedEventSelector(s: SdkAdvancedEventSelector): AdvancedEventSelector {
  return compact({
    name: s.Name,
    fieldSelectors: (s.FieldSelectors ?? []).map((f) =>
      compact({
        field: f.Field ?? 'unknown',
        equals: f.Equals,
        notEquals: f.NotEquals,
        startsWith: f.StartsWith,
        notStartsWith: f.NotStartsWith,
        endsWith: f.EndsWith,
        notEndsWith: f.NotEndsWith,
      }),
    ),
  });
}

/** Selectors as recorded; a response with neither form means CloudTrail's default: every management event. */
function selectorsOf(response: GetEventSelectorsResponse): Pick<Trail, 'eventSelectors' | 'advancedEventSelectors'> {
  if (response.EventSelectors === undefined && response.AdvancedEventSelectors === undefined) {
    return { eventSelectors: [toEventSelector({})], advancedEventSelectors: [] };
  }
  return {
    eventSelectors: (response.EventSelectors ?? []).map(toEventSelector),
    advancedEventSelectors: (response.AdvancedEventSelectors ?? []).map(toAdvancedEventSelector),
  };
}

/** The DescribeTrails fields every trail record carries, with CloudTrail's defaults. */
function trailBase(t: SdkTrail, at: Location) {
  const arn = t.TrailARN!;
  return {
    kind: 'cloudtrail.trail' as const,
    id: arn,
    // Seen from the audited account, whoever owns the trail.
    origin: origin(arn, at),
    name: t.Name!,
    arn,
    homeRegion: t.HomeRegion ?? at.region,
    ownerAccountId: accountOfArn(arn),
    isMultiRegion: t.IsMultiRegionTrail ?? false,
    isOrganizationTrail: t.IsOrganizationTrail ?? false,
    includeGlobalServiceEvents: t.IncludeGlobalServiceEvents ?? true,
    logFileValidationEnabled: t.LogFileValidationEnabled ?? false,
    kmsKeyId: t.KmsKeyId,
    s3BucketName: t.S3BucketName ?? '',
    s3KeyPrefix: nonEmpty(t.S3KeyPrefix),
    cloudWatchLogsLogGroupArn: nonEmpty(t.CloudWatchLogsLogGroupArn),
    snsTopicArn: nonEmpty(t.SnsTopicARN),
    hasInsightSelectors: t.HasInsightSelectors ?? false,
  };
}

/** Pure mapping from DescribeTrails, GetTrailStatus and GetEventSelectors to the model. */
export function toTrail(t: SdkTrail, status: GetTrailStatusResponse, selectors: GetEventSelectorsResponse, at: Location, tags?: readonly TrailTag[]): Trail {
  return compact({
    ...trailBase(t, at),
    tags: tags ? tagMap(tags) : undefined,
    status: compact({
      isLogging: status.IsLogging ?? false,
      latestDeliveryTime: isoDate(status.LatestDeliveryTime),
      latestDeliveryError: nonEmpty(status.LatestDeliveryError),
      latestCloudWatchLogsDeliveryTime: isoDate(status.LatestCloudWatchLogsDeliveryTime),
      latestCloudWatchLogsDeliveryError: nonEmpty(status.LatestCloudWatchLogsDeliveryError),
    }),
    ...selectorsOf(selectors),
  });
}

/** A trail whose status, selectors or tags could not be read: judged UNKNOWN; placeholders never look compliant. */
export function incompleteTrail(t: SdkTrail, issue: CollectionIssue, at: Location): Trail {
  return compact({ ...trailBase(t, at), incomplete: issue, status: { isLogging: false }, eventSelectors: [], advancedEventSelectors: [] });
}

/** Every trail this region lists, shadow and organization trails included (DescribeTrails is not paginated). */
async function describeTrails(cloudtrail: CloudTrailClient): Promise<SdkTrail[]> {
  return (await cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
}

/** ListTags takes at most 20 trails per call, and only trails of the region it is called in. */
const LIST_TAGS_BATCH = 20;

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function listTrailTags(cloudtrail: CloudTrailClient, arns: string[]): Promise<Map<string, TrailTag[]>> {
  const tags = new Map<string, TrailTag[]>(arns.map((arn) => [arn, []]));
  for await (const page of paginateListTags({ client: cloudtrail }, { ResourceIdList: arns })) {
    for (const r of page.ResourceTagList ?? []) if (r.ResourceId) tags.set(r.ResourceId, [...(tags.get(r.ResourceId) ?? []), ...(r.TagsList ?? [])]);
  }
  return tags;
}

/**
 * Tags of the trails this account owns and that live in this region; organization trails of the
 * management account and shadow trails are not ours to tag. A failing batch marks its trails.
 */
async function trailTags(ctx: TaskContext, cloudtrail: CloudTrailClient, trails: readonly SdkTrail[]) {
  const taggable = trails.filter((t) => t.HomeRegion === ctx.region && accountOfArn(t.TrailARN) === ctx.accountId).map((t) => t.TrailARN!);
  const tags = new Map<string, TrailTag[]>();
  const failures = new Map<string, CollectionIssue>();
  await Promise.all(
    batches(taggable, LIST_TAGS_BATCH).map(async (batch) => {
      const result = await ctx.perResource('ListTags', () => listTrailTags(cloudtrail, batch));
      if (result.ok) for (const [arn, list] of result.value) tags.set(arn, list);
      else for (const arn of batch) failures.set(arn, result.issue);
    }),
  );
  return { tags, failures };
}

/** Status and selectors of one trail, asked by ARN (required for shadow and organization trails). */
async function collectTrail(ctx: TaskContext, cloudtrail: CloudTrailClient, t: SdkTrail, tags: readonly TrailTag[] | undefined, tagIssue: CollectionIssue | undefined): Promise<Trail> {
  const arn = t.TrailARN!;
  const [status, selectors] = await Promise.all([
    // A member account may be refused the status of its organization's trail: that marks the trail only.
    ctx.perResource('GetTrailStatus', () => cloudtrail.send(new GetTrailStatusCommand({ Name: arn }))),
    ctx.perResource('GetEventSelectors', () => cloudtrail.send(new GetEventSelectorsCommand({ TrailName: arn }))),
  ]);
  if (!status.ok) return incompleteTrail(t, status.issue, at(ctx));
  if (!selectors.ok) return incompleteTrail(t, selectors.issue, at(ctx));
  if (tagIssue) return incompleteTrail(t, tagIssue, at(ctx));
  return toTrail(t, status.value, selectors.value, at(ctx), tags);
}

export const cloudtrailCollector: Collector = {
  service: 'cloudtrail',
  scope: 'regional',
  tasks: [
    {
      kind: 'cloudtrail.trail',
      permissions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors', 'cloudtrail:ListTags'],
      async collect(ctx) {
        const cloudtrail = ctx.client(CloudTrailClient);
        const mine = (await describeTrails(cloudtrail)).filter((t) => t.TrailARN && recordsTrailHere(t, ctx.region, ctx.regions));
        const { tags, failures } = await trailTags(ctx, cloudtrail, mine);
        const trails = await Promise.all(mine.map((t) => collectTrail(ctx, cloudtrail, t, tags.get(t.TrailARN!), failures.get(t.TrailARN!))));
        ctx.add('cloudtrail.trail', ...trails);
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Trail buckets (s3.bucket, a global kind)
// ---------------------------------------------------------------------------------------------

/** S3 operations whose IAM action is spelled differently from the operation. */
export const S3_ACTION_OF_OPERATION: Readonly<Record<string, string>> = {
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
};

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

/** An ACL grant to AllUsers or AuthenticatedUsers (any AWS account) makes the bucket public. */
export function aclGrantsPublicAccess(grants: readonly Grant[] | undefined): boolean {
  return (grants ?? []).some((g) => g.Grantee?.Type === 'Group' && (g.Grantee.URI === ALL_USERS || g.Grantee.URI === AUTHENTICATED_USERS));
}

/** GetBucketLocation's LocationConstraint → region: empty means us-east-1 (the partition's first region), `EU` is eu-west-1. */
export function bucketRegion(locationConstraint: string | undefined | null, partitionHome: string): string {
  if (!locationConstraint) return partitionHome;
  return locationConstraint === 'EU' ? 'eu-west-1' : locationConstraint;
}

/** What the S3 calls tell about one bucket. `null` = S3 answered "none configured". */
export interface BucketReadings {
  readonly publicAccessBlock: PublicAccessBlockConfiguration | null;
  readonly policy: string | PolicyDocument | null;
  /** GetBucketPolicyStatus; not asked when there is no policy. */
  readonly policyIsPublic?: boolean;
  readonly grants: readonly Grant[] | undefined;
  readonly logging: LoggingEnabled | undefined;
  readonly versioning: { readonly Status?: string; readonly MFADelete?: string };
  readonly objectLockEnabled: boolean;
  readonly tags: readonly BucketTag[];
}

const bucketArn = (name: string, partition: string | undefined) => `arn:${partition ?? 'aws'}:s3:::${name}`;

/** Pure mapping of a bucket's readings to the model, applying S3's defaults (absent settings are off). */
export function toS3Bucket(name: string, r: BucketReadings, at: Location): S3Bucket {
  const arn = bucketArn(name, at.partition);
  const block = r.publicAccessBlock;
  return compact({
    kind: 's3.bucket' as const,
    id: arn,
    origin: origin(arn, at),
    tags: tagMap(r.tags),
    name,
    arn,
    publicAccessBlock: block
      ? {
          blockPublicAcls: block.BlockPublicAcls ?? false,
          ignorePublicAcls: block.IgnorePublicAcls ?? false,
          blockPublicPolicy: block.BlockPublicPolicy ?? false,
          restrictPublicBuckets: block.RestrictPublicBuckets ?? false,
        }
      : null,
    // Without a policy there is nothing to be public.
    policyIsPublic: r.policy === null ? false : r.policyIsPublic,
    policy: r.policy === null ? null : parsePolicyDocument(r.policy),
    aclGrantsPublicAccess: aclGrantsPublicAccess(r.grants),
    accessLogging: compact({ enabled: r.logging !== undefined, targetBucket: r.logging?.TargetBucket }),
    // A bucket that never had versioning reports no Status.
    versioning: r.versioning.Status === 'Enabled' || r.versioning.Status === 'Suspended' ? r.versioning.Status : 'Disabled',
    mfaDelete: r.versioning.MFADelete === 'Enabled',
    objectLockEnabled: r.objectLockEnabled,
  });
}

/**
 * A bucket that could not be read (typically an organization's log archive in another account):
 * known by name, judged UNKNOWN. Placeholders never look compliant; what is unknown is left out.
 */
export function incompleteBucket(name: string, issue: CollectionIssue, at: Location): S3Bucket {
  const arn = bucketArn(name, at.partition);
  return {
    kind: 's3.bucket',
    id: arn,
    origin: origin(arn, at),
    incomplete: issue,
    name,
    arn,
    publicAccessBlock: null,
    policy: null,
    accessLogging: { enabled: false },
  };
}

/** Runs an S3 call whose "not configured" error is a fact, answering `none` for it; every other error propagates. */
async function orNone<T, N>(call: () => Promise<T>, notConfigured: string, none: N): Promise<T | N> {
  try {
    return await call();
  } catch (error) {
    if ((error as { name?: string } | null)?.name === notConfigured) return none;
    throw error;
  }
}

/**
 * Reads one bucket in its own region. Each call that fails marks only this bucket (the first
 * failure is the one recorded): its stand-in value is never used, since the bucket is incomplete.
 */
async function readBucket(ctx: TaskContext, s3: S3Client, Bucket: string): Promise<{ readings: BucketReadings; issue?: CollectionIssue }> {
  let issue: CollectionIssue | undefined;
  const read = async <T>(operation: string, call: () => Promise<T>, standIn: T): Promise<T> => {
    const result = await ctx.perResource(operation, call);
    if (result.ok) return result.value;
    issue ??= result.issue;
    return standIn;
  };
  const policyAndStatus = async () => {
    // Parsed inside the call so a malformed document marks this bucket, not the whole account.
    const policy = await read('GetBucketPolicy', async () => {
      const text = await orNone(async () => (await s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy ?? null, 'NoSuchBucketPolicy', null);
      return text === null ? null : parsePolicyDocument(text);
    }, null);
    // Without a policy S3 answers NoSuchBucketPolicy here too: not worth a call.
    if (policy === null) return { policy };
    const policyIsPublic = await read('GetBucketPolicyStatus', async () => (await s3.send(new GetBucketPolicyStatusCommand({ Bucket }))).PolicyStatus?.IsPublic ?? false, true);
    return { policy, policyIsPublic };
  };
  const [publicAccessBlock, policy, grants, logging, versioning, objectLockEnabled, tags] = await Promise.all([
    read('GetPublicAccessBlock', () => orNone(async () => (await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration ?? null, 'NoSuchPublicAccessBlockConfiguration', null), null),
    policyAndStatus(),
    read('GetBucketAcl', async () => (await s3.send(new GetBucketAclCommand({ Bucket }))).Grants, undefined),
    read('GetBucketLogging', async () => (await s3.send(new GetBucketLoggingCommand({ Bucket }))).LoggingEnabled, undefined),
    read('GetBucketVersioning', async (): Promise<BucketReadings['versioning']> => s3.send(new GetBucketVersioningCommand({ Bucket })), {}),
    read('GetObjectLockConfiguration', () => orNone(async () => (await s3.send(new GetObjectLockConfigurationCommand({ Bucket }))).ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled', 'ObjectLockConfigurationNotFoundError', false), false),
    read('GetBucketTagging', () => orNone(async () => (await s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet ?? [], 'NoSuchTagSet', []), []),
  ]);
  const readings: BucketReadings = { publicAccessBlock, ...policy, grants, logging, versioning, objectLockEnabled, tags };
  return issue ? { readings, issue } : { readings };
}

/** The distinct buckets named by the trails of every audited region, each region listed once. */
async function trailBucketNames(ctx: TaskContext): Promise<string[]> {
  const regions = ctx.regions.length > 0 ? ctx.regions : [ctx.region];
  const lists = await Promise.all(
    regions.map((region) => ctx.memo(`trails:${region}`, () => describeTrails(ctx.clientFor('cloudtrail', CloudTrailClient, region)))),
  );
  return [...new Set(lists.flat().flatMap((t) => (t.S3BucketName ? [t.S3BucketName] : [])))].sort();
}

async function collectBucket(ctx: TaskContext, name: string): Promise<S3Bucket> {
  const where: Location = { accountId: ctx.accountId, region: GLOBAL_REGION, partition: ctx.partition };
  // Only the bucket owner (or whom its policy allows) may ask where a bucket is: a foreign log archive stops here.
  const location = await ctx.perResource('GetBucketLocation', () => ctx.clientFor('s3', S3Client, ctx.region).send(new GetBucketLocationCommand({ Bucket: name })));
  if (!location.ok) return incompleteBucket(name, location.issue, where);
  const s3 = ctx.clientFor('s3', S3Client, bucketRegion(location.value.LocationConstraint, ctx.region));
  const { readings, issue } = await readBucket(ctx, s3, name);
  return issue ? incompleteBucket(name, issue, where) : toS3Bucket(name, readings, where);
}

/** The S3 buckets trails deliver to, read in their own regions: one global task, not one per region. */
export const trailBucketCollector: Collector = {
  service: 's3',
  scope: 'global',
  tasks: [
    {
      kind: 's3.bucket',
      permissions: [
        'cloudtrail:DescribeTrails',
        's3:GetBucketLocation',
        's3:GetBucketPublicAccessBlock',
        's3:GetBucketPolicy',
        's3:GetBucketPolicyStatus',
        's3:GetBucketAcl',
        's3:GetBucketLogging',
        's3:GetBucketVersioning',
        's3:GetBucketObjectLockConfiguration',
        's3:GetBucketTagging',
      ],
      async collect(ctx) {
        const names = await trailBucketNames(ctx);
        ctx.add('s3.bucket', ...(await Promise.all(names.map((name) => collectBucket(ctx, name)))));
      },
    },
  ],
};
