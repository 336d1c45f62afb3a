import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct, type IConstruct } from 'constructs';
import { SEVERITIES, type Severity } from '../lib/engine/types';
import { HardeksError } from '../lib/errors';
import { auditPolicyDocument } from '../lib/sources/live/permissions';
import { logsKey } from './keys';
import { acknowledgeRule, AWS_SOLUTIONS, flattenReference, NIST_800_53_R5 } from './nag-acknowledgements';
import { requireRetention } from './retention';
import { verifyWithHardeks } from './self-verification';

/** A scheduled or organization audit configured in a way that cannot work; `code` is stable. */
export class AuditConstructError extends HardeksError {
  constructor(code: string, message: string, scope?: IConstruct) {
    super(code, scope ? `${scope.node.path}: ${message}` : message);
  }
}

/** Settings the scheduled and the organization audit share. */
export interface AuditDeliveryOptions {
  /**
   * When the audit runs.
   * @default events.Schedule.rate(Duration.days(1))
   */
  readonly schedule?: events.Schedule;
  /**
   * Check services to audit (`eks`, `iam`, `ec2`, `vpc`, `kms`, `cloudtrail`, `guardduty`); what
   * they read is collected too.
   * @default - every service
   */
  readonly services?: string[];
  /**
   * New FAIL findings at or above this severity are published to the topic.
   * @default 'high'
   */
  readonly notifySeverity?: string;
  /**
   * How long reports are kept in the bucket.
   * @default Duration.days(365)
   */
  readonly reportRetention?: Duration;
  /**
   * How long the function's logs are kept (at least 90 days).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The longest one invocation may run: collection stops `safetyMargin` before it, so that the
   * report is always delivered; regions not reached by then are reported UNKNOWN.
   * @default Duration.minutes(15)
   */
  readonly timeout?: Duration;
  /**
   * Time kept back from the invocation's remaining time to judge and deliver the report.
   * @default Duration.seconds(60)
   */
  readonly safetyMargin?: Duration;
  /** @default 1024 */
  readonly memorySize?: number;
  /**
   * Key of a suppressions file (YAML or JSON) in the report bucket: the accepted risks.
   * @default - none
   */
  readonly suppressionsKey?: string;
  /**
   * The function code.
   * @default - the bundle shipped in the package (dist/lambda/audit, built by `npm run build`)
   */
  readonly code?: lambda.Code;
  /**
   * Audit this construct's resources with hardeks' checks at synth; a FAIL fails the synth.
   * @default true
   */
  readonly verify?: boolean;
}

export interface ScheduledAuditProps extends AuditDeliveryOptions {
  /**
   * Regions to audit.
   * @default - every region enabled in the account
   */
  readonly regions?: string[];
  /**
   * Import findings into Security Hub (in each finding's region) and archive the resolved ones.
   * Security Hub must be enabled in those regions.
   * @default false
   */
  readonly securityHub?: boolean;
  /**
   * Import every finding into this one region (a Security Hub aggregation region).
   * @default - each finding's own region
   */
  readonly securityHubRegion?: string;
  /**
   * Audit through this role (in this account or another) instead of the function's own role,
   * which then holds only sts:AssumeRole on it.
   * @default - the function's role, read-only
   */
  readonly auditRoleArn?: string;
  /** External id the audit role requires. @default - none */
  readonly externalId?: string;
}

/** The bundle's handler names (bin/audit-lambda.ts). */
export const AUDIT_HANDLERS = {
  scheduled: 'index.handler',
  plan: 'index.planOrganization',
  target: 'index.auditTarget',
  summary: 'index.summarizeOrganization',
} as const;

/**
 * A hardeks audit of this account on a schedule: an EventBridge rule invokes a Node.js function
 * that audits the account within its time budget, writes JSON and HTML reports to an encrypted
 * bucket, publishes new failures at or above a severity to a KMS-encrypted topic, and optionally
 * syncs Security Hub. Failed invocations land in a dead-letter queue and raise an alarm on the
 * topic. The function's role is read-only for the audit (its policy is generated from what the
 * collectors declare) and may write only to its own bucket, topic, queue, logs and Security Hub.
 */
export class ScheduledAudit extends Construct {
  public readonly function: lambda.Function;
  public readonly role: iam.Role;
  public readonly bucket: s3.Bucket;
  public readonly topic: sns.Topic;
  public readonly key: kms.Key;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly logGroup: logs.LogGroup;
  public readonly rule: events.Rule;
  public readonly errorsAlarm: cloudwatch.Alarm;
  public readonly deadLettersAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ScheduledAuditProps = {}) {
    super(scope, id);
    validateRegions(this, 'regions', props.regions);
    if (props.securityHubRegion !== undefined) validateRegions(this, 'securityHubRegion', [props.securityHubRegion]);
    if (props.securityHubRegion !== undefined && !props.securityHub) throw new AuditConstructError('AUDIT_SECURITY_HUB_REGION', 'securityHubRegion needs securityHub: true', this);
    if (props.externalId !== undefined && props.auditRoleArn === undefined) throw new AuditConstructError('AUDIT_EXTERNAL_ID', 'externalId needs auditRoleArn', this);

    const base = new AuditBase(this, props);
    this.bucket = base.bucket;
    this.topic = base.topic;
    this.key = base.key;
    this.deadLetterQueue = base.deadLetterQueue;

    const securityHub = props.securityHub ?? false;
    const audit = props.auditRoleArn
      ? [new iam.PolicyStatement({ sid: 'AssumeTheAuditRole', actions: ['sts:AssumeRole'], resources: [props.auditRoleArn] })]
      : auditReadStatements();
    const fn = base.auditFunction('Function', {
      handler: AUDIT_HANDLERS.scheduled,
      description: 'hardeks scheduled audit of this account',
      statements: [...audit, ...base.deliveryStatements({ publish: true, securityHub })],
      environment: {
        ...(props.regions ? { HARDEKS_REGIONS: props.regions.join(',') } : {}),
        ...(securityHub ? { HARDEKS_SECURITY_HUB: 'true' } : {}),
        ...(props.securityHubRegion ? { HARDEKS_SECURITY_HUB_REGION: props.securityHubRegion } : {}),
        ...(props.auditRoleArn ? { HARDEKS_ROLE_ARN: props.auditRoleArn } : {}),
        ...(props.externalId ? { HARDEKS_EXTERNAL_ID: props.externalId } : {}),
      },
      // One audit at a time: a run that overlaps the next would compare with a moving baseline.
      reservedConcurrency: 1,
    });
    this.function = fn.function;
    this.role = fn.role;
    this.logGroup = fn.logGroup;
    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Runs the hardeks audit of this account',
      schedule: props.schedule ?? events.Schedule.rate(Duration.days(1)),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2, maxEventAge: Duration.hours(2), deadLetterQueue: this.deadLetterQueue })],
    });
    this.errorsAlarm = base.alarmOn('ErrorsAlarm', this.function.metricErrors({ period: Duration.minutes(15), statistic: 'Sum' }), 'The hardeks audit function failed: see its log group and the dead-letter queue.');
    this.deadLettersAlarm = base.deadLettersAlarm();
    base.acknowledge(this.function);
    if (props.verify ?? true) verifyWithHardeks(this);
  }
}

/**
 * The parts every audit shares: a rotating key, the report bucket (with its access-log bucket),
 * the topic, the dead-letter queue, and the way audit functions are built and alarmed.
 */
export class AuditBase {
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  readonly topic: sns.Topic;
  readonly deadLetterQueue: sqs.Queue;
  private readonly code: lambda.Code;

  constructor(
    private readonly scope: Construct,
    private readonly props: AuditDeliveryOptions,
  ) {
    if (props.notifySeverity !== undefined && !(SEVERITIES as readonly string[]).includes(props.notifySeverity)) {
      throw new AuditConstructError('AUDIT_SEVERITY', `notifySeverity must be one of ${SEVERITIES.join(', ')}; got ${props.notifySeverity}`, scope);
    }
    if (props.safetyMargin && props.timeout && props.safetyMargin.toSeconds() >= props.timeout.toSeconds()) {
      throw new AuditConstructError('AUDIT_TIME_BUDGET', `safetyMargin (${props.safetyMargin.toSeconds()} s) must be shorter than timeout (${props.timeout.toSeconds()} s)`, scope);
    }
    scope.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    this.code = props.code ?? auditBundleCode();
    // One key for reports, notifications and logs; CloudWatch Logs may use it for this account's log groups only.
    this.key = logsKey(scope, 'Key', `${scope.node.path}: hardeks reports, notifications and logs`);
    this.accessLogsBucket = new s3.Bucket(scope, 'AccessLogs', {
      // Server access logs can only be delivered to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: props.reportRetention ?? Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      ...protectedBucket(),
    });
    this.bucket = new s3.Bucket(scope, 'Reports', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'reports/',
      lifecycleRules: [
        {
          id: 'ExpireReports',
          expiration: props.reportRetention ?? Duration.days(365),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      ...protectedBucket(),
    });
    this.topic = new sns.Topic(scope, 'Topic', { displayName: 'hardeks audit', masterKey: this.key, enforceSSL: true });
    this.allowAlarmsToPublish();
    this.deadLetterQueue = new sqs.Queue(scope, 'DeadLetters', {
      // Invocation events only (no findings); SQS-managed encryption needs no key policy for Lambda and EventBridge.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeBuckets(this.bucket, this.accessLogsBucket);
  }

  /** A function running the audit bundle with its own role (managed policy only) and a retained, encrypted log group. */
  auditFunction(
    id: string,
    options: { handler: string; description: string; statements: iam.PolicyStatement[]; environment: Record<string, string>; reservedConcurrency?: number; roleName?: string; timeout?: Duration },
  ): { function: lambda.Function; role: iam.Role; logGroup: logs.LogGroup } {
    const logGroup = new logs.LogGroup(this.scope, `${id}Logs`, {
      retention: requireRetention(this.props.logRetention ?? logs.RetentionDays.ONE_YEAR, 'logRetention', this.scope),
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const policy = new iam.ManagedPolicy(this.scope, `${id}Policy`, {
      description: `${options.description}: read-only audit, writes to its own bucket, topic, queue and logs`,
      statements: [
        ...options.statements,
        new iam.PolicyStatement({ sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:log-stream:*`] }),
        new iam.PolicyStatement({ sid: 'DeadLetters', actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
      ],
    });
    acknowledgeWildcards(policy);
    // No inline default policy: CDK grants cannot widen the role behind the managed policy's back.
    const role = new iam.Role(this.scope, `${id}Role`, {
      description: options.description,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [policy],
      ...(options.roleName ? { roleName: options.roleName } : {}),
    });
    const timeout = options.timeout ?? this.props.timeout ?? Duration.minutes(15);
    const fn = new lambda.Function(this.scope, id, {
      description: options.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: this.code,
      handler: options.handler,
      role: role.withoutPolicyUpdates(),
      timeout,
      memorySize: this.props.memorySize ?? 1024,
      logGroup,
      deadLetterQueue: this.deadLetterQueue,
      // A failed audit is reported (alarm, dead letter); the next scheduled run retries it.
      retryAttempts: 0,
      ...(options.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: options.reservedConcurrency } : {}),
      environment: {
        HARDEKS_REPORT_BUCKET: this.bucket.bucketName,
        HARDEKS_TOPIC_ARN: this.topic.topicArn,
        HARDEKS_NOTIFY_SEVERITY: (this.props.notifySeverity ?? 'high') as Severity,
        HARDEKS_SAFETY_MARGIN_SECONDS: String((this.props.safetyMargin ?? Duration.seconds(60)).toSeconds()),
        ...(this.props.services ? { HARDEKS_SERVICES: this.props.services.join(',') } : {}),
        ...(this.props.suppressionsKey ? { HARDEKS_SUPPRESSIONS_KEY: this.props.suppressionsKey } : {}),
        ...options.environment,
      },
    });
    fn.node.addDependency(policy);
    return { function: fn, role, logGroup };
  }

  /**
   * What a function may write: objects of its own bucket, its own topic, and (when asked) Security
   * Hub imports of this account's own findings. Nothing else.
   */
  deliveryStatements(options: { publish: boolean; securityHub: boolean }): iam.PolicyStatement[] {
    const stack = Stack.of(this.scope);
    const statements = [
      new iam.PolicyStatement({ sid: 'ReadWriteReports', actions: ['s3:GetObject', 's3:PutObject'], resources: [this.bucket.arnForObjects('*')] }),
      new iam.PolicyStatement({ sid: 'ListReports', actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
      new iam.PolicyStatement({ sid: 'UseTheReportKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [this.key.keyArn] }),
    ];
    if (options.publish) statements.push(new iam.PolicyStatement({ sid: 'PublishSummary', actions: ['sns:Publish'], resources: [this.topic.topicArn] }));
    if (options.securityHub) {
      statements.push(
        new iam.PolicyStatement({
          sid: 'ImportOwnFindings',
          actions: ['securityhub:BatchImportFindings'],
          resources: [`arn:${stack.partition}:securityhub:*:${stack.account}:product/${stack.account}/default`],
        }),
        new iam.PolicyStatement({
          sid: 'ResolveFixedFindings',
          actions: ['securityhub:BatchUpdateFindings'],
          resources: [`arn:${stack.partition}:securityhub:*:${stack.account}:hub/default`],
          // The workflow status RESOLVED is the only field the audit sets.
          conditions: { 'ForAnyValue:StringEquals': { 'securityhub:ASFFSyntaxPath/Workflow.Status': ['RESOLVED'] } },
        }),
      );
    }
    return statements;
  }

  alarmOn(id: string, metric: cloudwatch.IMetric, description: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this.scope, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new cwActions.SnsAction(this.topic));
    return alarm;
  }

  /** Events that could not be delivered or processed wait in the queue: someone should look. */
  deadLettersAlarm(): cloudwatch.Alarm {
    return this.alarmOn(
      'DeadLettersAlarm',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(15), statistic: 'Maximum' }),
      'An audit invocation failed or could not be delivered: its event is in the dead-letter queue.',
    );
  }

  /** CloudWatch alarms of this account may publish to the topic, and use its key for that. */
  private allowAlarmsToPublish(): void {
    const stack = Stack.of(this.scope);
    const fromOwnAlarms = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:*` },
    };
    const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    this.topic.addToResourcePolicy(new iam.PolicyStatement({ sid: 'AlarmsPublish', principals: [cloudWatch], actions: ['sns:Publish'], resources: [this.topic.topicArn], conditions: fromOwnAlarms }));
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({ sid: 'AlarmsUseTopicKey', principals: [cloudWatch], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'], conditions: fromOwnAlarms }),
    );
  }

  /** Rule-pack findings that are the right design for an audit function, with the reason. */
  acknowledge(fn: lambda.Function): void {
    acknowledgeRule(fn, NIST_800_53_R5, 'LambdaInsideVPC', 'The audit calls AWS APIs only and reaches nothing inside a VPC; a VPC would only add NAT or endpoints for every audited service.');
  }
}

/** The audit's read permissions: generated from what the collectors declare, read-only by construction. */
export function auditReadStatements(): iam.PolicyStatement[] {
  return auditPolicyDocument().Statement.map((s) => iam.PolicyStatement.fromJson({ ...s, Sid: 'HardeksReadOnlyAudit' }));
}

/**
 * The audit bundle shipped in the package: `dist/lambda/audit/index.js`, built by `npm run build`
 * (`npm run bundle:lambda`) with esbuild. Prebundled, so a synth needs neither Docker nor esbuild
 * nor TypeScript sources, which also suits CDK apps written in other languages.
 */
export function auditBundleCode(): lambda.Code {
  return lambda.Code.fromAsset(auditBundleDirectory());
}

export function auditBundleDirectory(): string {
  const root = packageRoot(__dirname);
  const dir = join(root, 'dist', 'lambda', 'audit');
  if (!existsSync(join(dir, 'index.js'))) {
    throw new AuditConstructError('AUDIT_BUNDLE_MISSING', `the audit function bundle ${join(dir, 'index.js')} does not exist: run \`npm run build\` (or \`npm run bundle:lambda\`) first, or pass \`code\``);
  }
  return dir;
}

function packageRoot(from: string): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hardeks') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new AuditConstructError('AUDIT_BUNDLE_MISSING', `cannot find the hardeks package above ${from}`);
    dir = parent;
  }
}

export function validateRegions(scope: IConstruct, prop: string, regions: readonly string[] | undefined): void {
  if (regions === undefined) return;
  const bad = regions.filter((r) => !Token.isUnresolved(r) && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r));
  if (regions.length === 0 || bad.length > 0) {
    throw new AuditConstructError('AUDIT_REGIONS', `${prop} must name regions such as eu-west-1${bad.length > 0 ? `; got ${bad.join(', ')}` : ''}`, scope);
  }
}

/** Why each statement of an audit function's policy names a wildcard resource, by statement id. */
const WILDCARD_REASONS: Readonly<Record<string, string>> = {
  HardeksReadOnlyAudit: 'Read-only audit of the whole account: List/Describe/Get actions generated from the collectors\' declarations, most of which accept no resource but *.',
  ReadWriteReports: 'Report objects of this construct\'s own bucket, one per account, date and run.',
  WriteOwnLogs: 'Log streams of the function\'s own log group, which Lambda names at run time.',
  ImportOwnFindings: 'This account\'s own findings, imported in each region that receives them (the region is the finding\'s own).',
  ResolveFixedFindings: 'This account\'s own Security Hub in each region its findings live in; the condition lets it set only the workflow status RESOLVED.',
  ListAccounts: 'organizations:ListAccounts accepts no resource but *; it lists the organization\'s accounts and changes nothing.',
  AssumeMemberRoles: 'The member audit role of each account of the organization, by its one fixed name; the role trusts this function\'s role only, with an external id.',
};

/** AwsSolutions-IAM5 acknowledgements, one per wildcard resource, each with the reason its statement needs it. */
export function acknowledgeWildcards(policy: iam.ManagedPolicy): void {
  const stack = Stack.of(policy);
  const document = stack.resolve(policy.document) as { Statement: { Sid?: string; Resource?: unknown }[] };
  for (const statement of document.Statement) {
    const resources = statement.Resource === undefined ? [] : Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
    for (const flat of resources.map(flattenReference).filter((r) => r.includes('*'))) {
      const reason = WILDCARD_REASONS[statement.Sid ?? ''];
      if (!reason) throw new AuditConstructError('AUDIT_WILDCARD', `statement ${statement.Sid ?? '(no Sid)'} names ${flat} without a recorded reason`, policy);
      acknowledgeRule(policy, AWS_SOLUTIONS, 'IAM5', reason, `Resource::${flat}`);
    }
  }
}

/** Report buckets: no public access, TLS only, versioned, owner-enforced, kept on stack deletion. */
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

function acknowledgeBuckets(reports: s3.Bucket, accessLogs: s3.Bucket): void {
  for (const bucket of [reports, accessLogs]) {
    acknowledgeRule(bucket, NIST_800_53_R5, 'S3BucketReplicationEnabled', 'Audit reports are regenerated by every run and expire by lifecycle; versioning and retention on deletion protect them, and replication would only double their cost.');
  }
  acknowledgeRule(accessLogs, NIST_800_53_R5, 'S3DefaultEncryptionKMS', 'S3 delivers server access logs only to buckets encrypted with SSE-S3, not SSE-KMS.');
}
