/**
 * ScheduledAudit: the synthesized template (schedule, encryption, DLQ, alarms), its role judged by
 * hardeks' own IAM checks, and cdk-nag's packs over it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ScheduledAudit, type ScheduledAuditProps } from '../../constructs/scheduled-audit';
import { ALL_CHECKS } from '../../lib/checks';
import { auditPermissions } from '../../lib/sources/live/permissions';
import { appAsCdkCliBuildsIt, appWithoutFlags, auditStack, resourcesOfType } from '../fixtures/constructs';
import { ensureAuditBundle } from '../lambda/bundle-support';
import { auditRoleStatements, brief, errorCodeOf, isReadOnly, refersTo } from '../lambda/construct-support';

beforeAll(() => ensureAuditBundle(), 60_000);

function auditStackWith(props: ScheduledAuditProps = {}, app: App = appWithoutFlags()): { stack: Stack; audit: ScheduledAudit; template: Template } {
  const stack = new Stack(app, 'Audit');
  const audit = new ScheduledAudit(stack, 'Audit', props);
  return { stack, audit, template: Template.fromStack(stack) };
}

describe('ScheduledAudit: the template', () => {
  const { stack, audit, template } = auditStackWith({ securityHub: true, regions: ['eu-west-1', 'us-east-1'] });
  const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as never);

  test('an EventBridge rule runs the function daily, retrying delivery and keeping what it cannot deliver', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [id(audit.function), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [id(audit.deadLetterQueue), 'Arn'] } } })],
    });
  });

  test('the schedule is configurable', () => {
    const weekly = auditStackWith({ schedule: events.Schedule.cron({ weekDay: 'MON', hour: '4', minute: '0' }) }).template;
    weekly.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 4 ? * MON *)' });
  });

  test('the function: Node.js 24 on arm64, the shipped bundle, one run at a time, a DLQ, its own retained encrypted log group', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 900,
      ReservedConcurrentExecutions: 1,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [id(audit.deadLetterQueue), 'Arn'] } },
      LoggingConfig: { LogGroup: { Ref: id(audit.logGroup) } },
      Environment: {
        Variables: Match.objectLike({
          HARDEKS_REPORT_BUCKET: { Ref: id(audit.bucket) },
          HARDEKS_TOPIC_ARN: { Ref: id(audit.topic) },
          HARDEKS_REGIONS: 'eu-west-1,us-east-1',
          HARDEKS_NOTIFY_SEVERITY: 'high',
          HARDEKS_SECURITY_HUB: 'true',
          HARDEKS_SAFETY_MARGIN_SECONDS: '60',
        }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0 });
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [id(audit.key), 'Arn'] } } });
  });

  test('the report bucket: KMS-encrypted, no public access, TLS only, versioned, access-logged, expiring by lifecycle, retained', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [id(audit.key), 'Arn'] } } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'reports/' }),
        LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'ExpireReports', Status: 'Enabled', ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } })] },
      }),
    });
    const reportPolicy = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy')).find((p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: id(audit.bucket) }));
    expect((reportPolicy?.Properties.PolicyDocument as { Statement: unknown[] }).Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  test('report retention is configurable', () => {
    auditStackWith({ reportRetention: Duration.days(90) }).template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] } });
  });

  test('the topic is KMS-encrypted with the rotating key and refuses plain HTTP; only this account\'s alarms may publish besides the function', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [id(audit.key), 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const statements = Object.values(resourcesOfType(template, 'AWS::SNS::TopicPolicy')).flatMap((p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(statements).toContainEqual(expect.objectContaining({ Sid: 'AlarmsPublish', Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: expect.objectContaining({ StringEquals: expect.anything() }) }));
  });

  test('the dead-letter queue is encrypted, TLS only, and watched by an alarm; function errors raise another; both notify the topic', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: id(audit.function) } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: id(audit.topic) }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', AlarmActions: [{ Ref: id(audit.topic) }] });
  });
});

describe('ScheduledAudit: the role', () => {
  test('trusted by Lambda only, with one customer managed policy and no inline policy', () => {
    const { template, audit, stack } = auditStackWith();
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] },
      ManagedPolicyArns: [{ Ref: Match.anyValue() }],
    });
    expect(stack.resolve(audit.role.roleArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^AuditFunctionRole/), 'Arn'] });
  });

  test('its read permissions are exactly the collectors\' declared ones, and every write names its own bucket, topic, queue, logs or Security Hub import', () => {
    const { template, audit, stack } = auditStackWith({ securityHub: true });
    const statements = auditRoleStatements(template);
    const read = statements.find((s) => s.Sid === 'HardeksReadOnlyAudit')!;
    expect([read.Action].flat().sort()).toEqual(auditPermissions());
    const own = [audit.bucket.bucketArn, audit.topic.topicArn, audit.deadLetterQueue.queueArn, audit.logGroup.logGroupArn, audit.key.keyArn].map((x) => JSON.stringify(stack.resolve(x)));
    for (const s of statements.filter((x) => x.Sid !== 'HardeksReadOnlyAudit')) {
      for (const action of [s.Action].flat()) {
        if (isReadOnly(action) && action !== 's3:GetObject') continue;
        const allowed = [s.Resource].flat().every((r) => own.some((o) => refersTo(r, o)) || /:securityhub:\*:/.test(JSON.stringify(r)));
        expect({ sid: s.Sid, action, allowed }).toEqual({ sid: s.Sid, action, allowed: true });
      }
    }
    // Security Hub: import of this account's findings, and setting RESOLVED on them; nothing else.
    expect(statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('securityhub:'))).map((s) => ({ sid: s.Sid, actions: s.Action, condition: s.Condition }))).toEqual([
      { sid: 'ImportOwnFindings', actions: 'securityhub:BatchImportFindings', condition: undefined },
      { sid: 'ResolveFixedFindings', actions: 'securityhub:BatchUpdateFindings', condition: { 'ForAnyValue:StringEquals': { 'securityhub:ASFFSyntaxPath/Workflow.Status': ['RESOLVED'] } } },
    ]);
  });

  test('without Security Hub it has no Security Hub permission; through an audit role it reads nothing itself', () => {
    expect(auditRoleStatements(auditStackWith().template).flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('securityhub:'))).toEqual([]);
    const viaRole = auditRoleStatements(auditStackWith({ auditRoleArn: 'arn:aws:iam::444455556666:role/hardeks-audit', externalId: 'ext-7f3a' }).template);
    expect(viaRole.find((s) => s.Sid === 'HardeksReadOnlyAudit')).toBeUndefined();
    expect(viaRole.find((s) => s.Sid === 'AssumeTheAuditRole')).toMatchObject({ Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::444455556666:role/hardeks-audit' });
  });

  test('hardeks\' own checks judge the synthesized stack: no FAIL, and the role is neither admin nor able to escalate', () => {
    const { stack } = auditStackWith({ securityHub: true });
    const report = auditStack(stack, ALL_CHECKS);
    expect(report.findings.filter((f) => f.status === 'FAIL').map(brief)).toEqual([]);
    expect(report.findings.filter((f) => f.status === 'ERROR').map(brief)).toEqual([]);
    const roleFindings = report.findings.filter((f) => f.resource.kind === 'iam.role' && /AuditFunctionRole/.test(f.resource.id));
    for (const checkId of ['iam-roles-no-administrator-access', 'iam-roles-no-privilege-escalation']) {
      expect({ checkId, statuses: roleFindings.filter((f) => f.checkId === checkId).map((f) => f.status) }).toEqual({ checkId, statuses: [expect.stringMatching(/^(PASS|NOT_APPLICABLE)$/)] });
    }
    const policyFindings = report.findings.filter((f) => f.resource.kind === 'iam.policy' && /AuditFunctionPolicy/.test(f.resource.id));
    for (const checkId of ['iam-policies-no-privilege-escalation', 'iam-attached-policies-no-full-admin', 'iam-policies-no-assume-role-on-all', 'iam-policies-no-service-wildcards']) {
      const statuses = policyFindings.filter((f) => f.checkId === checkId).map((f) => f.status);
      expect({ checkId, judged: statuses.length > 0, statuses: [...new Set(statuses)] }).toEqual({ checkId, judged: true, statuses: ['PASS'] });
    }
  });
});

describe('ScheduledAudit: cdk-nag', () => {
  test('AwsSolutions and NIST 800-53 R5 pass; every acknowledgement names one finding and gives its reason', () => {
    const { app, outdir } = appAsCdkCliBuildsIt();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
    auditStackWith({ securityHub: true, regions: ['eu-west-1'] }, app);
    try {
      app.synth();
      const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
        pluginReports: { pluginName: string; conclusion: string; violations: unknown[]; suppressedViolations?: { ruleName: string; reason: string }[] }[];
      };
      for (const pack of ['AwsSolutions', 'NIST.800.53.R5']) {
        const plugin = report.pluginReports.find((p) => p.pluginName === pack);
        expect({ pack, conclusion: plugin?.conclusion, violations: plugin?.violations }).toEqual({ pack, conclusion: 'success', violations: [] });
        for (const { ruleName, reason } of plugin?.suppressedViolations ?? []) expect({ ruleName, reasoned: reason.length >= 40 }).toEqual({ ruleName, reasoned: true });
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('ScheduledAudit: configuration errors', () => {
  test.each<[string, ScheduledAuditProps, string]>([
    ['an unknown severity', { notifySeverity: 'urgent' }, 'AUDIT_SEVERITY'],
    ['a region that is not one', { regions: ['eu-west-1', 'Europe'] }, 'AUDIT_REGIONS'],
    ['no region at all', { regions: [] }, 'AUDIT_REGIONS'],
    ['a safety margin as long as the timeout', { timeout: Duration.minutes(5), safetyMargin: Duration.minutes(5) }, 'AUDIT_TIME_BUDGET'],
    ['logs kept less than 90 days', { logRetention: logs.RetentionDays.ONE_MONTH }, 'LOG_RETENTION'],
    ['an external id without a role', { externalId: 'ext-7f3a' }, 'AUDIT_EXTERNAL_ID'],
    ['a Security Hub region without Security Hub', { securityHubRegion: 'eu-west-1' }, 'AUDIT_SECURITY_HUB_REGION'],
  ])('%s is refused at construction', (_what, props, code) => {
    expect(errorCodeOf(() => new ScheduledAudit(new Stack(appWithoutFlags(), 'Bad'), 'Audit', props))).toBe(code);
  });
});

