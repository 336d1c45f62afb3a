import { createHash } from 'node:crypto';
import type {
  BucketVersioningStatus,
  Grant,
  LoggingEnabled,
  MFADeleteStatus,
  ObjectLockConfiguration,
  PublicAccessBlockConfiguration,
  Tag,
} from '@aws-sdk/client-s3';
import { S3_STYLE, awsError, notFound } from '../errors';
import type { CallContext, SimService } from '../simulated-aws';
import { EXAMPLE_MANAGEMENT_ACCOUNT, exampleTrailBuckets } from './cloudtrail';

/**
 * One S3 bucket, its region and owner, with each configuration in the SDK's shapes. A setting left
 * out is "not configured": S3 answers the matching not-found error (or an empty answer) for it.
 */
export interface S3WorldBucket {
  readonly name: string;
  readonly region: string;
  /** Account that owns the bucket; any other account is refused (AccessDenied). */
  readonly owner: string;
  /** `EU` for buckets created with the legacy constraint; otherwise derived from `region`. */
  readonly locationConstraint?: string;
  readonly publicAccessBlock?: PublicAccessBlockConfiguration;
  /** The bucket policy, plain JSON as S3 returns it. */
  readonly policy?: string;
  /** GetBucketPolicyStatus' verdict on the policy. @default false */
  readonly policyIsPublic?: boolean;
  /** ACL grants; default: FULL_CONTROL for the owner only. */
  readonly grants?: readonly Grant[];
  readonly logging?: LoggingEnabled;
  readonly versioning?: { readonly Status?: BucketVersioningStatus; readonly MFADelete?: MFADeleteStatus };
  readonly objectLock?: ObjectLockConfiguration;
  readonly tags?: readonly Tag[];
}

/** S3 buckets are global by name but live in one region each. */
export interface S3World {
  readonly buckets: readonly S3WorldBucket[];
}

declare module '../world' {
  interface SimServices {
    s3?: S3World;
  }
}

/** S3 names accounts in ACLs by a 64-hex-digit canonical user id. */
const canonicalIdOf = (account: string) => createHash('sha256').update(account).digest('hex');

/** The bucket, if the caller owns it; S3 refuses other accounts (no bucket policy grants the auditor here). */
function ownBucket(call: CallContext, name: string): S3WorldBucket {
  const found = call.world.services.s3?.buckets.find((b) => b.name === name);
  if (!found) throw notFound('NoSuchBucket', 'The specified bucket does not exist');
  if (found.owner !== call.world.accountId) throw awsError('AccessDenied', 403, 'Access Denied');
  return found;
}

/** Every bucket operation but GetBucketLocation must be sent to the bucket's own region. */
function bucketHere(call: CallContext, name: string): S3WorldBucket {
  const found = ownBucket(call, name);
  if (found.region !== call.region) {
    throw awsError('PermanentRedirect', 301, 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.');
  }
  return found;
}

export const s3Service: SimService = {
  service: 's3',
  errors: S3_STYLE,
  operations: {
    // Answered from any region; us-east-1 buckets have no location constraint.
    GetBucketLocation: (input: { Bucket: string }, call) => {
      const b = ownBucket(call, input.Bucket);
      const constraint = b.locationConstraint ?? (b.region === 'us-east-1' ? undefined : b.region);
      return constraint ? { LocationConstraint: constraint } : {};
    },
    GetPublicAccessBlock: (input: { Bucket: string }, call) => {
      const b = bucketHere(call, input.Bucket);
      if (!b.publicAccessBlock) throw notFound('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
      return { PublicAccessBlockConfiguration: b.publicAccessBlock };
    },
    GetBucketPolicy: (input: { Bucket: string }, call) => {
      const b = bucketHere(call, input.Bucket);
      if (!b.policy) throw notFound('NoSuchBucketPolicy', 'The bucket policy does not exist');
      return { Policy: b.policy };
    },
    GetBucketPolicyStatus: (input: { Bucket: string }, call) => {
      const b = bucketHere(call, input.Bucket);
      if (!b.policy) throw notFound('NoSuchBucketPolicy', 'The bucket policy does not exist');
      return { PolicyStatus: { IsPublic: b.policyIsPublic ?? false } };
    },
    GetBucketAcl: (input: { Bucket: string }, call) => {
      const b = bucketHere(call, input.Bucket);
      const owner = { ID: canonicalIdOf(b.owner) };
      return { Owner: owner, Grants: b.grants ?? [{ Grantee: { Type: 'CanonicalUser', ID: owner.ID }, Permission: 'FULL_CONTROL' }] };
    },
    GetBucketLogging: (input: { Bucket: string }, call) => {
      const b = bucketHere(call, input.Bucket);
      return b.logging ? { LoggingEnabled: b.logging } : {};
    },
    GetBucketVersioning: (input: { Bucket: string }, call) => ({ ...bucketHere(call, input.Bucket).versioning }),
    GetObjectLockConfiguration: (input: { Bucket: string }, call) => {
      const b = bucketHere(call, input.Bucket);
      if (!b.objectLock) throw notFound('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket');
      return { ObjectLockConfiguration: b.objectLock };
    },
    GetBucketTagging: (input: { Bucket: string }, call) => {
      const b = bucketHere(call, input.Bucket);
      if (!b.tags || b.tags.length === 0) throw notFound('NoSuchTagSet', 'The TagSet does not exist');
      return { TagSet: b.tags };
    },
  },
};

const EXAMPLE_ACCOUNT = '210987654321';

/**
 * The buckets of the CloudTrail example world, exercising every call path: a hardened bucket in
 * us-east-1 (every setting configured), a bare bucket in eu-west-1 under the legacy `EU`
 * constraint (every "not configured" answer, a public ACL), and the organization's log archive in
 * the management account, which the member account may not read.
 */
export function exampleS3World(account: string = EXAMPLE_ACCOUNT): S3World {
  const names = exampleTrailBuckets(account);
  return {
    buckets: [
      {
        name: names.audit,
        region: 'us-east-1',
        owner: account,
        publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${names.audit}` },
            {
              Sid: 'AWSCloudTrailWrite',
              Effect: 'Allow',
              Principal: { Service: 'cloudtrail.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: `arn:aws:s3:::${names.audit}/AWSLogs/${account}/*`,
              Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
            },
            { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${names.audit}`, `arn:aws:s3:::${names.audit}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          ],
        }),
        policyIsPublic: false,
        logging: { TargetBucket: `acme-s3-access-logs-${account}`, TargetPrefix: `${names.audit}/` },
        versioning: { Status: 'Enabled', MFADelete: 'Disabled' },
        objectLock: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } },
        tags: [{ Key: 'owner', Value: 'security' }],
      },
      {
        name: names.regional,
        region: 'eu-west-1',
        locationConstraint: 'EU',
        owner: account,
        grants: [
          { Grantee: { Type: 'CanonicalUser', ID: canonicalIdOf(account) }, Permission: 'FULL_CONTROL' },
          { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
        ],
      },
      { name: names.organization, region: 'us-west-2', owner: EXAMPLE_MANAGEMENT_ACCOUNT, versioning: { Status: 'Enabled' } },
    ],
  };
}
