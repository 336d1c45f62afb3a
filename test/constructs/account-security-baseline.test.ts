import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AccountSecurityBaseline, GuardDutyMode, HardeningErrorCode, HardeningValidationError, type AccountSecurityBaselineProps } from '../../constructs';
import { appWithoutFlags, resourcesOfType } from '../fixtures/constructs';

function baselineStack(props: AccountSecurityBaselineProps = {}): { stack: Stack; baseline: AccountSecurityBaseline } {
  const stack = new Stack(appWithoutFlags(), 'Baseline');
  return { stack, baseline: new AccountSecurityBaseline(stack, 'Baseline', props) };
}

function errorCodeOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof HardeningValidationError) return error.code;
    throw error;
  }
  throw new Error('expected a HardeningValidationError');
}

/** The AWS API calls the baseline's custom resources make on create, as `Service:Action` with their parameters. */
function accountSettingCalls(template: Template): { call: string; parameters?: Record<string, unknown> }[] {
  return Object.values(resourcesOfType(template, 'Custom::AWS')).map((r) => {
    const create = JSON.parse(r.Properties.Create as string) as { service: string; action: string; parameters?: Record<string, unknown> };
    return { call: `${create.service}:${create.action}`, ...(create.parameters ? { parameters: create.parameters } : {}) };
  });
}

describe('AccountSecurityBaseline: CloudTrail', () => {
  const template = Template.fromStack(baselineStack().stack);

  test('one multi-region trail with log file validation, KMS, CloudWatch Logs, every management event and S3 object events', () => {
    template.resourceCountIs('AWS::CloudTrail::Trail', 1);
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KMSKeyId: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
      CloudWatchLogsRoleArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
      AdvancedEventSelectors: [
        { Name: Match.anyValue(), FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        { Name: Match.anyValue(), FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }] },
      ],
      InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }],
    });
  });

  test('the trail bucket blocks public access, is KMS-encrypted and versioned, and logs access to a second bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } })] },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.anyValue() }, LogFilePrefix: 'cloudtrail-bucket/' },
    });
    for (const [, bucket] of Object.entries(template.findResources('AWS::S3::Bucket'))) expect(bucket.DeletionPolicy).toBe('Retain');
  });

  test('both buckets refuse plain HTTP, and CloudTrail may write only for this trail', () => {
    const policies = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy')).map((p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement);
    expect(policies).toHaveLength(2);
    for (const statements of policies) {
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    }
    const write = policies.flat().find((s) => s.Sid === 'AWSCloudTrailWrite') as { Condition: { StringEquals: Record<string, unknown> } };
    expect(write.Condition.StringEquals).toEqual(expect.objectContaining({ 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': expect.anything() }));
  });

  test('the trail key rotates and lets CloudTrail encrypt for this trail only', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowCloudTrailToEncryptLogs', Condition: Match.objectLike({ StringEquals: { 'aws:SourceArn': Match.anyValue() } }) })]) },
    });
  });

  test('the CloudWatch Logs copy is retained a year and KMS-encrypted', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
  });

  test('turned off (an organization trail already records the account), no trail is created', () => {
    const off = Template.fromStack(baselineStack({ cloudTrail: false }).stack);
    off.resourceCountIs('AWS::CloudTrail::Trail', 0);
    off.resourceCountIs('AWS::S3::Bucket', 0);
  });

  test('S3 data events and Insights can be turned off for cost', () => {
    const lean = Template.fromStack(baselineStack({ s3DataEvents: false, insights: false }).stack);
    lean.hasResourceProperties('AWS::CloudTrail::Trail', {
      AdvancedEventSelectors: [{ Name: Match.anyValue(), FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      InsightSelectors: Match.absent(),
    });
  });

  test('trail log retention under 90 days is refused with LOG_RETENTION', () => {
    expect(errorCodeOf(() => baselineStack({ trailLogRetention: logs.RetentionDays.ONE_WEEK }))).toBe(HardeningErrorCode.LOG_RETENTION);
  });
});

describe('AccountSecurityBaseline: GuardDuty', () => {
  test('the detector monitors EKS audit logs and runs the EKS runtime agent through GuardDuty', () => {
    const template = Template.fromStack(baselineStack().stack);
    template.hasResourceProperties('AWS::GuardDuty::Detector', {
      Enable: true,
      Features: Match.arrayWith([
        { Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' },
        { Name: 'RUNTIME_MONITORING', Status: 'ENABLED', AdditionalConfiguration: Match.arrayWith([{ Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' }]) },
      ]),
    });
    // The legacy EKS-only feature is not configured alongside its replacement.
    expect(JSON.stringify(template.findResources('AWS::GuardDuty::Detector'))).not.toContain('EKS_RUNTIME_MONITORING');
  });

  test('adopt-existing creates no detector (one already exists), records its id and says who keeps it configured', () => {
    // GIVEN an account whose organization already runs a detector
    const { stack, baseline } = baselineStack({ guardDuty: GuardDutyMode.ADOPT_EXISTING, existingDetectorId: '12abc34d567e8fa901bc2d34e56789f0' });
    // THEN no second detector is declared
    Template.fromStack(stack).resourceCountIs('AWS::GuardDuty::Detector', 0);
    expect(baseline.detectorId).toBe('12abc34d567e8fa901bc2d34e56789f0');
    Annotations.fromStack(stack).hasInfo('/Baseline/Baseline', Match.stringLikeRegexp('EKS_AUDIT_LOGS'));
  });

  test('a detector id without adopt-existing is refused with GUARDDUTY_MODE', () => {
    expect(errorCodeOf(() => baselineStack({ existingDetectorId: 'abc' }))).toBe(HardeningErrorCode.GUARDDUTY_MODE);
  });

  test('NONE leaves GuardDuty alone', () => {
    Template.fromStack(baselineStack({ guardDuty: GuardDutyMode.NONE }).stack).resourceCountIs('AWS::GuardDuty::Detector', 0);
  });
});

describe('AccountSecurityBaseline: account settings', () => {
  const template = Template.fromStack(baselineStack().stack);

  test('EBS encryption and IMDSv2 (hop limit 1) become the region\'s defaults', () => {
    const calls = accountSettingCalls(template);
    expect(calls).toContainEqual({ call: 'EC2:EnableEbsEncryptionByDefault' });
    expect(calls).toContainEqual({ call: 'EC2:ModifyInstanceMetadataDefaults', parameters: expect.objectContaining({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 }) });
  });

  test('the password policy meets CIS: 14 characters, all character classes, 24 remembered, 90-day expiry', () => {
    const policy = accountSettingCalls(template).find((c) => c.call === 'IAM:UpdateAccountPasswordPolicy');
    expect(policy?.parameters).toEqual(
      expect.objectContaining({ MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, PasswordReusePrevention: 24, MaxPasswordAge: 90 }),
    );
  });

  test('each call may do its one action and nothing else', () => {
    for (const policy of Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))) {
      const statements = (policy.Properties.PolicyDocument as { Statement: { Action: string }[] }).Statement;
      expect(statements).toHaveLength(1);
      expect(['ec2:EnableEbsEncryptionByDefault', 'ec2:ModifyInstanceMetadataDefaults', 'iam:UpdateAccountPasswordPolicy']).toContain(statements[0]!.Action);
    }
  });

  test('IAM Access Analyzer watches the account, and a support role exists for incidents', () => {
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT' });
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: [{ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('AWSSupportAccess$')])] }] });
  });

  test('an IMDS default hop limit of 2 is an explicit opt-in, flagged at synth', () => {
    const { stack } = baselineStack({ imdsDefaultHopLimit: 2 });
    expect(accountSettingCalls(Template.fromStack(stack))).toContainEqual({ call: 'EC2:ModifyInstanceMetadataDefaults', parameters: expect.objectContaining({ HttpPutResponseHopLimit: 2 }) });
    Annotations.fromStack(stack).hasWarning('/Baseline/Baseline', Match.stringLikeRegexp('IMDS hop limit is 2'));
    expect(errorCodeOf(() => baselineStack({ imdsDefaultHopLimit: 4 }))).toBe(HardeningErrorCode.IMDS_HOP_LIMIT);
  });

  test('a weaker password policy is refused with PASSWORD_POLICY', () => {
    expect(errorCodeOf(() => baselineStack({ passwordPolicyOptions: { minimumLength: 8 } }))).toBe(HardeningErrorCode.PASSWORD_POLICY);
    expect(errorCodeOf(() => baselineStack({ passwordPolicyOptions: { maxAgeDays: 365 } }))).toBe(HardeningErrorCode.PASSWORD_POLICY);
  });

  test.each([
    ['cloudTrail', { cloudTrail: false }, 'AWS::CloudTrail::Trail'],
    ['guardDuty', { guardDuty: GuardDutyMode.NONE }, 'AWS::GuardDuty::Detector'],
    ['accessAnalyzer', { accessAnalyzer: false }, 'AWS::AccessAnalyzer::Analyzer'],
    ['account settings', { ebsEncryptionByDefault: false, imdsV2ByDefault: false, passwordPolicy: false }, 'Custom::AWS'],
  ] as const)('%s is optional', (_part, props: AccountSecurityBaselineProps, type) => {
    const template = Template.fromStack(baselineStack(props).stack);
    template.resourceCountIs(type, 0);
    // The other parts are still there.
    expect(Object.keys(template.toJSON().Resources).length).toBeGreaterThan(0);
  });

  test('without a support role, no role is created but the ones that parts need', () => {
    const template = Template.fromStack(baselineStack({ supportRole: false }).stack);
    expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain('AWSSupportAccess');
  });
});
