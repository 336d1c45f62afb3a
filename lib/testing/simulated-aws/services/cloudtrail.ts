import type { AdvancedEventSelector, EventSelector, GetTrailStatusResponse, Tag, Trail } from '@aws-sdk/client-cloudtrail';
import { JSON_STYLE, awsError, notFound } from '../errors';
import { page } from '../paging';
import type { CallContext, SimService } from '../simulated-aws';

/** One trail of the partition, in the SDK's shapes. Which regions list it follows from HomeRegion, IsMultiRegionTrail and its owner. */
export interface CloudTrailWorldTrail {
  /** As DescribeTrails answers it; TrailARN names the owner (the management account for an organization trail). */
  readonly trail: Trail;
  readonly status?: GetTrailStatusResponse;
  /** Basic selectors; when neither form is given CloudTrail answers its default (all management events). */
  readonly eventSelectors?: readonly EventSelector[];
  readonly advancedEventSelectors?: readonly AdvancedEventSelector[];
  readonly tags?: readonly Tag[];
}

/** Trails are not per region: a multi-region trail is listed by every region, as a shadow outside its home. */
export interface CloudTrailWorld {
  readonly trails: readonly CloudTrailWorldTrail[];
}

declare module '../world' {
  interface SimServices {
    cloudtrail?: CloudTrailWorld;
  }
}

const trailsOf = (call: CallContext) => call.world.services.cloudtrail?.trails ?? [];
const ownerOf = (t: Trail) => t.TrailARN?.split(':')[4];

/**
 * What DescribeTrails lists in a region: trails homed there and, with shadow trails (the default),
 * multi-region trails homed elsewhere and the organization's trails seen from a member account.
 */
function listed(call: CallContext, includeShadowTrails: boolean): CloudTrailWorldTrail[] {
  return trailsOf(call).filter(({ trail }) => {
    const home = trail.HomeRegion === call.region;
    const own = ownerOf(trail) === call.world.accountId;
    if (!includeShadowTrails) return home && own;
    return home || trail.IsMultiRegionTrail === true;
  });
}

/** A trail named by ARN (any listed trail) or by name (only this account's trails homed in the region). */
function trail(call: CallContext, nameOrArn: string): CloudTrailWorldTrail {
  const byArn = nameOrArn.startsWith('arn:');
  const found = listed(call, true).find(({ trail: t }) =>
    byArn ? t.TrailARN === nameOrArn : t.Name === nameOrArn && t.HomeRegion === call.region && ownerOf(t) === call.world.accountId,
  );
  if (!found) throw notFound('TrailNotFoundException', `Unknown trail: ${nameOrArn} for the user: ${call.world.accountId}`, 400);
  return found;
}

const DEFAULT_SELECTOR: EventSelector = { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] };

export const cloudtrailService: SimService = {
  service: 'cloudtrail',
  errors: JSON_STYLE,
  operations: {
    // Not paginated: one answer with every trail the region lists.
    DescribeTrails: (input: { includeShadowTrails?: boolean; trailNameList?: string[] }, call) => {
      const all = listed(call, input.includeShadowTrails ?? true);
      const names = input.trailNameList ?? [];
      return { trailList: (names.length === 0 ? all : all.filter(({ trail: t }) => names.includes(t.Name!) || names.includes(t.TrailARN!))).map((t) => t.trail) };
    },
    GetTrailStatus: (input: { Name: string }, call) => trail(call, input.Name).status ?? { IsLogging: false },
    GetEventSelectors: (input: { TrailName: string }, call) => {
      const t = trail(call, input.TrailName);
      if (t.advancedEventSelectors) return { TrailARN: t.trail.TrailARN, AdvancedEventSelectors: t.advancedEventSelectors };
      return { TrailARN: t.trail.TrailARN, EventSelectors: t.eventSelectors ?? [DEFAULT_SELECTOR] };
    },
    ListTags: (input: { ResourceIdList: string[]; NextToken?: string }, call) => {
      if (input.ResourceIdList.length > 20) throw awsError('InvalidParameterException', 400, 'The ResourceIdList can contain at most 20 ARNs.');
      const tagged = input.ResourceIdList.map((arn) => {
        const found = trailsOf(call).find(({ trail: t }) => t.TrailARN === arn);
        if (!found) throw notFound('ResourceNotFoundException', `Resource ${arn} not found.`, 400);
        // Tags are read in the trail's own region, by the account that owns it.
        if (found.trail.HomeRegion !== call.region || ownerOf(found.trail) !== call.world.accountId) {
          throw awsError('CloudTrailARNInvalidException', 400, `${arn} is not a valid ARN for this region and account.`);
        }
        return { ResourceId: arn, TagsList: [...(found.tags ?? [])] };
      });
      const p = page(tagged, input.NextToken, call.pageSize);
      return { ResourceTagList: p.items, ...(p.next ? { NextToken: p.next } : {}) };
    },
  },
};

/** The account the example world belongs to unless told otherwise, and its organization's management account. */
const EXAMPLE_ACCOUNT = '210987654321';
export const EXAMPLE_MANAGEMENT_ACCOUNT = '999988887777';

/** Names of the buckets the example trails deliver to (the S3 example world holds them). */
export const exampleTrailBuckets = (account: string = EXAMPLE_ACCOUNT) => ({
  audit: `acme-audit-trail-${account}`,
  regional: `acme-eu-trail-${account}`,
  organization: `acme-org-cloudtrail-${EXAMPLE_MANAGEMENT_ACCOUNT}`,
});

/**
 * Trails seen by one member account, exercising every call path: its own multi-region trail
 * (us-east-1, advanced selectors, tags over several ListTags pages), its own single-region trail
 * (eu-west-1, basic selectors with data events, a delivery error), and the organization's trail of
 * the management account homed in us-west-2 (a region the example audit does not cover).
 */
export function exampleCloudTrailWorld(account: string = EXAMPLE_ACCOUNT): CloudTrailWorld {
  const buckets = exampleTrailBuckets(account);
  const recent = new Date('2026-11-20T08:57:02Z');
  return {
    trails: [
      {
        trail: {
          Name: 'account-audit',
          S3BucketName: buckets.audit,
          IncludeGlobalServiceEvents: true,
          IsMultiRegionTrail: true,
          HomeRegion: 'us-east-1',
          TrailARN: `arn:aws:cloudtrail:us-east-1:${account}:trail/account-audit`,
          LogFileValidationEnabled: true,
          CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${account}:log-group:/aws/cloudtrail/account-audit:*`,
          CloudWatchLogsRoleArn: `arn:aws:iam::${account}:role/cloudtrail-to-logs`,
          KmsKeyId: `arn:aws:kms:us-east-1:${account}:key/4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d`,
          HasCustomEventSelectors: true,
          HasInsightSelectors: true,
          IsOrganizationTrail: false,
        },
        status: { IsLogging: true, LatestDeliveryTime: recent, LatestCloudWatchLogsDeliveryTime: recent, StartLoggingTime: new Date('2024-01-01T00:00:00Z') },
        advancedEventSelectors: [
          { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
          {
            Name: 'Writes to the trail bucket',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
              { Field: 'readOnly', Equals: ['false'] },
              { Field: 'resources.ARN', StartsWith: [`arn:aws:s3:::${buckets.audit}/`] },
            ],
          },
        ],
        tags: [
          { Key: 'owner', Value: 'security' },
          { Key: 'env', Value: 'prod' },
          { Key: 'cost-center', Value: 'sec-01' },
        ],
      },
      {
        trail: {
          Name: 'eu-app-trail',
          S3BucketName: buckets.regional,
          S3KeyPrefix: 'app',
          IncludeGlobalServiceEvents: false,
          IsMultiRegionTrail: false,
          HomeRegion: 'eu-west-1',
          TrailARN: `arn:aws:cloudtrail:eu-west-1:${account}:trail/eu-app-trail`,
          LogFileValidationEnabled: false,
          HasCustomEventSelectors: true,
          HasInsightSelectors: false,
          IsOrganizationTrail: false,
        },
        status: { IsLogging: true, LatestDeliveryTime: recent, LatestDeliveryError: 'AccessDenied', LatestCloudWatchLogsDeliveryError: '' },
        eventSelectors: [
          { ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }], ExcludeManagementEventSources: ['kms.amazonaws.com'] },
        ],
      },
      {
        trail: {
          Name: 'org-trail',
          S3BucketName: buckets.organization,
          IncludeGlobalServiceEvents: true,
          IsMultiRegionTrail: true,
          HomeRegion: 'us-west-2',
          TrailARN: `arn:aws:cloudtrail:us-west-2:${EXAMPLE_MANAGEMENT_ACCOUNT}:trail/org-trail`,
          LogFileValidationEnabled: true,
          KmsKeyId: `arn:aws:kms:us-west-2:${EXAMPLE_MANAGEMENT_ACCOUNT}:key/7d2e4f60-8a1b-4c3d-9e5f-0a1b2c3d4e5f`,
          HasCustomEventSelectors: false,
          HasInsightSelectors: false,
          IsOrganizationTrail: true,
        },
        status: { IsLogging: true, LatestDeliveryTime: recent },
      },
    ],
  };
}
