import { Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { HardeningErrorCode, HardeningValidationError } from '../errors';
import { logsKey, rotatingKey } from '../keys';
import { acknowledgeRule, NIST_800_53_R5 } from '../nag-acknowledgements';

/** CloudTrail names: 3–128 characters, letters, digits, '.', '_' and '-', starting with a letter or digit. */
const TRAIL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/;

export interface SecureTrailProps {
  /** @default - a unique name derived from the construct path */
  readonly trailName?: string;
  /** How long the CloudWatch Logs copy of the events is kept. */
  readonly logRetention: logs.RetentionDays;
  /** Record S3 object-level reads and writes of every bucket (data events, billed per event). */
  readonly s3DataEvents: boolean;
  /** CloudTrail Insights on API call and error rates (billed per event analysed). */
  readonly insights: boolean;
  /** @default - a new rotating key that only CloudWatch Logs of this account and region may use */
  readonly logsEncryptionKey?: kms.IKey;
}

/**
 * A multi-region trail of every management event (and, by default, S3 object events) with log
 * file validation, encrypted with a rotating customer managed key, delivered to a bucket that
 * blocks public access, refuses plain HTTP, keeps versions and writes access logs, and copied into
 * a retained, KMS-encrypted CloudWatch Logs group.
 */
export class SecureTrail extends Construct {
  public readonly trail: cloudtrail.CfnTrail;
  public readonly trailName: string;
  public readonly bucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;
  public readonly key: kms.Key;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SecureTrailProps) {
    super(scope, id);
    // Server access logs are delivered under a bucket policy, whatever the consumer's flags.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    this.trailName = props.trailName ?? Names.uniqueResourceName(this, { maxLength: 128, separator: '-' });
    if (!Token.isUnresolved(this.trailName) && !TRAIL_NAME.test(this.trailName)) {
      throw new HardeningValidationError(HardeningErrorCode.TRAIL_NAME, `trailName "${this.trailName}" is not a valid CloudTrail name (3-128 letters, digits, '.', '_' or '-', starting with a letter or digit)`, this);
    }
    const stack = Stack.of(this);
    // The ARN is known before the trail exists, so the bucket and key policies can name it.
    const trailArn = `arn:${stack.partition}:cloudtrail:${stack.region}:${stack.account}:trail/${this.trailName}`;

    this.key = rotatingKey(this, 'Key', `CloudTrail ${this.trailName} log files`);
    this.allowCloudTrailToEncrypt(trailArn);
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      // Server access logs can only be delivered to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      ...protectedBucket(),
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'cloudtrail-bucket/',
      ...protectedBucket(),
    });
    this.allowCloudTrailToDeliver(trailArn);
    acknowledgeBucketFindings(this.bucket, this.accessLogsBucket);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.logsEncryptionKey ?? logsKey(this, 'LogsKey', `CloudTrail ${this.trailName} CloudWatch Logs copy`),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const logsRole = this.cloudWatchLogsRole();

    this.trail = new cloudtrail.CfnTrail(this, 'Trail', {
      trailName: this.trailName,
      isLogging: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      kmsKeyId: this.key.keyArn,
      s3BucketName: this.bucket.bucketName,
      cloudWatchLogsLogGroupArn: this.logGroup.logGroupArn,
      cloudWatchLogsRoleArn: logsRole.roleArn,
      advancedEventSelectors: eventSelectors(props.s3DataEvents),
      // Unusual API call and error rates (a leaked key's burst of Describe* calls) are flagged as Insights events.
      insightSelectors: props.insights ? [{ insightType: 'ApiCallRateInsight' }, { insightType: 'ApiErrorRateInsight' }] : undefined,
    });
    // CloudTrail validates delivery when the trail is created: the policies must exist first.
    this.trail.node.addDependency(this.bucket.policy!, logsRole);
  }

  /**
   * CloudTrail may create data keys for this trail only, and describe the key.
   * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
   */
  private allowCloudTrailToEncrypt(trailArn: string): void {
    const stack = Stack.of(this);
    const fromThisTrail = { StringEquals: { 'aws:SourceArn': trailArn } };
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToEncryptLogs',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          ...fromThisTrail,
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*` },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudTrailToDescribeKey',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:DescribeKey'],
        resources: ['*'],
        conditions: fromThisTrail,
      }),
    );
  }

  /**
   * CloudTrail may read the bucket ACL and write log files under AWSLogs/<account>/, for this trail only.
   * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
   */
  private allowCloudTrailToDeliver(trailArn: string): void {
    const account = Stack.of(this).account;
    const fromThisTrail = { 'aws:SourceArn': trailArn };
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailAclCheck',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['s3:GetBucketAcl'],
        resources: [this.bucket.bucketArn],
        conditions: { StringEquals: fromThisTrail },
      }),
    );
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailWrite',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`AWSLogs/${account}/*`)],
        conditions: { StringEquals: { ...fromThisTrail, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }),
    );
  }

  /** The role CloudTrail delivers events to CloudWatch Logs with: this log group's streams only, through a managed policy of its own. */
  private cloudWatchLogsRole(): iam.Role {
    const role = new iam.Role(this, 'LogsRole', {
      description: `CloudTrail ${this.trailName} delivery to CloudWatch Logs`,
      // No aws:SourceArn/SourceAccount condition: CloudTrail sends neither for this role (CloudTrail User Guide), and
      // hardeks' confused-deputy check exempts cloudtrail.amazonaws.com for that reason.
      assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com'),
    });
    role.addManagedPolicy(
      new iam.ManagedPolicy(this, 'LogsDelivery', {
        description: `CloudTrail ${this.trailName}: write events into its log group`,
        statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] })],
      }),
    );
    return role;
  }
}

/** Rule-pack findings that are the right design for audit-log buckets, with the reason. */
function acknowledgeBucketFindings(trailBucket: s3.Bucket, accessLogsBucket: s3.Bucket): void {
  for (const bucket of [trailBucket, accessLogsBucket]) {
    acknowledgeRule(
      bucket,
      NIST_800_53_R5,
      'S3BucketReplicationEnabled',
      'Cross-region replication of audit logs belongs to the organization\'s log archive account; here versioning and retention on deletion protect every object.',
    );
  }
  acknowledgeRule(accessLogsBucket, NIST_800_53_R5, 'S3DefaultEncryptionKMS', 'S3 delivers server access logs only to buckets encrypted with SSE-S3, not SSE-KMS.');
}

/** Settings every log bucket shares: no public access, TLS only, versioned, owner-enforced, kept on stack deletion. */
function protectedBucket(): Pick<s3.BucketProps, 'blockPublicAccess' | 'enforceSSL' | 'minimumTLSVersion' | 'versioned' | 'objectOwnership' | 'removalPolicy'> {
  return {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
  };
}

/** Every management event, read and write; and every S3 object event unless turned off. */
function eventSelectors(s3DataEvents: boolean): cloudtrail.CfnTrail.AdvancedEventSelectorProperty[] {
  const management = { name: 'All management events', fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] };
  const s3Objects = {
    name: 'All S3 object events',
    fieldSelectors: [
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
    ],
  };
  return s3DataEvents ? [management, s3Objects] : [management];
}
