import { AuditConfigurationError, configFromEnvironment, requireOrganizationSettings } from '../../lib/lambda/config';
import { AuditBudgetError, collectionDeadline } from '../../lib/lambda/budget';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    configFromEnvironment(env);
  } catch (error) {
    if (error instanceof AuditConfigurationError) return error.problems.map((p) => p.split(':')[0]!);
    throw error;
  }
  throw new Error('expected an AuditConfigurationError');
};

describe('audit Lambda configuration', () => {
  test('the bucket alone is enough: every other setting has a safe default', () => {
    expect(configFromEnvironment({ HARDEKS_REPORT_BUCKET: 'reports-bucket', PATH: '/usr/bin', AWS_REGION: 'eu-west-1' })).toEqual({
      reportBucket: 'reports-bucket',
      notifySeverity: 'high',
      safetyMarginMs: 60_000,
      taskTimeoutMs: 120_000,
      htmlReport: true,
      securityHub: false,
    });
  });

  test('lists are trimmed, de-duplicated and sorted; numbers and flags are parsed', () => {
    const config = configFromEnvironment({
      HARDEKS_REPORT_BUCKET: 'reports-bucket',
      HARDEKS_REGIONS: ' us-east-1, eu-west-1,,us-east-1 ',
      HARDEKS_SERVICES: 'eks,iam',
      HARDEKS_SAFETY_MARGIN_SECONDS: '45',
      HARDEKS_SECURITY_HUB: 'yes',
      HARDEKS_SECURITY_HUB_REGION: 'eu-west-1',
      HARDEKS_HTML_REPORT: '0',
      HARDEKS_NOTIFY_SEVERITY: 'critical',
      HARDEKS_EXCLUDED_ACCOUNTS: '111111111111',
    });
    expect(config).toMatchObject({
      regions: ['eu-west-1', 'us-east-1'],
      services: ['eks', 'iam'],
      safetyMarginMs: 45_000,
      securityHub: true,
      securityHubRegion: 'eu-west-1',
      htmlReport: false,
      notifySeverity: 'critical',
      excludedAccounts: ['111111111111'],
    });
  });

  test('a missing bucket is one clear error with a stable code', () => {
    expect(() => configFromEnvironment({})).toThrow(AuditConfigurationError);
    expect(() => configFromEnvironment({})).toThrow(expect.objectContaining({ code: 'LAMBDA_CONFIG_INVALID', problems: ['HARDEKS_REPORT_BUCKET: required'] }));
  });

  test('every problem is reported at once, misspelt settings included', () => {
    expect(
      problemsOf({
        HARDEKS_REPORT_BUCKET: 'Not_A_Bucket',
        HARDEKS_REGIONS: 'eu-west-1,moon-base',
        HARDEKS_NOTIFY_SEVERITY: 'urgent',
        HARDEKS_SAFETY_MARGIN_SECONDS: '0',
        HARDEKS_TASK_TIMEOUT_SECONDS: 'soon',
        HARDEKS_SECURITY_HUB: 'maybe',
        HARDEKS_TOPIC_ARN: 'arn:aws:sqs:eu-west-1:123456789012:queue',
        HARDEKS_NOTIFY_SEVERTY: 'high',
      }).sort(),
    ).toEqual(
      ['HARDEKS_NOTIFY_SEVERITY', 'HARDEKS_NOTIFY_SEVERTY', 'HARDEKS_REGIONS', 'HARDEKS_REPORT_BUCKET', 'HARDEKS_SAFETY_MARGIN_SECONDS', 'HARDEKS_SECURITY_HUB', 'HARDEKS_TASK_TIMEOUT_SECONDS', 'HARDEKS_TOPIC_ARN'].sort(),
    );
  });

  test('settings that depend on each other, and names the catalog does not know', () => {
    expect(problemsOf({ HARDEKS_REPORT_BUCKET: 'reports-bucket', HARDEKS_EXTERNAL_ID: 'ext-id-1' })).toEqual(['HARDEKS_EXTERNAL_ID']);
    expect(problemsOf({ HARDEKS_REPORT_BUCKET: 'reports-bucket', HARDEKS_SECURITY_HUB_REGION: 'eu-west-1' })).toEqual(['HARDEKS_SECURITY_HUB_REGION']);
    expect(problemsOf({ HARDEKS_REPORT_BUCKET: 'reports-bucket', HARDEKS_SERVICES: 'eks,lambda' })).toEqual(['HARDEKS_SERVICES']);
    expect(problemsOf({ HARDEKS_REPORT_BUCKET: 'reports-bucket', HARDEKS_CHECKS: 'eks-endpoint-not-public,eks-no-such-check' })).toEqual(['HARDEKS_CHECKS']);
    expect(problemsOf({ HARDEKS_REPORT_BUCKET: 'reports-bucket', HARDEKS_ROLE_ARN: 'arn:aws:iam::123:user/bob' })).toEqual(['HARDEKS_ROLE_ARN']);
  });

  test('an organization audit needs the member role and the regions', () => {
    const config = configFromEnvironment({ HARDEKS_REPORT_BUCKET: 'reports-bucket' });
    expect(() => requireOrganizationSettings(config)).toThrow(expect.objectContaining({ code: 'LAMBDA_CONFIG_INVALID', problems: [expect.stringMatching(/^HARDEKS_MEMBER_ROLE_NAME/), expect.stringMatching(/^HARDEKS_REGIONS/)] }));
    expect(requireOrganizationSettings(configFromEnvironment({ HARDEKS_REPORT_BUCKET: 'reports-bucket', HARDEKS_MEMBER_ROLE_NAME: 'hardeks-member-audit', HARDEKS_REGIONS: 'eu-west-1' }))).toEqual({
      memberRoleName: 'hardeks-member-audit',
      regions: ['eu-west-1'],
    });
  });
});

describe('the collection deadline', () => {
  test('is the remaining time less the safety margin', () => {
    expect(collectionDeadline(1_000, 900_000, 60_000)).toBe(841_000);
  });

  test('no time left after the margin is an error, not an empty audit', () => {
    expect(() => collectionDeadline(1_000, 60_000, 60_000)).toThrow(AuditBudgetError);
    expect(() => collectionDeadline(1_000, 10_000, 60_000)).toThrow(expect.objectContaining({ code: 'LAMBDA_TIME_TOO_SHORT' }));
  });
});
