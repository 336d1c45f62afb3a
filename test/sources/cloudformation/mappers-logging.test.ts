import { fixture, resource } from './fixture';

const inventory = fixture('logging.yaml');
const feature = (features: { name: unknown; status: unknown }[], name: string) => features.find((f) => f.name === name)?.status;

describe('AWS::KMS::Key and AWS::KMS::Alias', () => {
  test('defaults: enabled symmetric key, rotation off, 30-day window, the KMS default key policy', () => {
    expect(resource(inventory, 'kms.key', 'PlainKey')).toMatchObject({
      keyId: 'cfn:Test/PlainKey',
      keyManager: 'CUSTOMER',
      keyState: 'Enabled',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      keyMaterialOrigin: 'AWS_KMS',
      multiRegion: false,
      rotationEnabled: false,
      pendingWindowDays: 30,
      aliases: [],
      policy: { Statement: [{ Effect: 'Allow', Principal: { AWS: [{ unresolved: 'arn:<AWS::Partition>:iam::<AWS::AccountId>:root' }] }, Action: ['kms:*'], Resource: ['*'] }] },
    });
  });

  test('explicit settings and folded aliases', () => {
    const key = resource(inventory, 'kms.key', 'RotatedKey');
    expect(key).toMatchObject({ description: 'trail key', rotationEnabled: true, rotationPeriodDays: 180, pendingWindowDays: 7, aliases: ['alias/trail'] });
    expect(key.policy).toMatchObject({ Statement: [{ Principal: { Service: ['cloudtrail.amazonaws.com'] }, Action: ['kms:GenerateDataKey*'] }] });
  });

  test('rotation does not apply to asymmetric keys; a disabled key says so', () => {
    const key = resource(inventory, 'kms.key', 'SigningKey');
    expect(key.keyState).toBe('Disabled');
    expect(key.rotationEnabled).toBeUndefined();
  });
});

describe('AWS::CloudTrail::Trail', () => {
  test('defaults: single-region, global events, no validation, every management event', () => {
    expect(resource(inventory, 'cloudtrail.trail', 'PlainTrail')).toMatchObject({
      homeRegion: { unresolved: '<AWS::Region>' },
      isMultiRegion: false,
      isOrganizationTrail: false,
      includeGlobalServiceEvents: true,
      logFileValidationEnabled: false,
      s3BucketName: 'cfn:Test/TrailBucket',
      hasInsightSelectors: false,
      status: { isLogging: true },
      eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }],
      advancedEventSelectors: [],
    });
    expect(resource(fixture('logging.yaml', { region: 'eu-west-1', accountId: '111122223333' }), 'cloudtrail.trail', 'PlainTrail')).toMatchObject({
      homeRegion: 'eu-west-1',
      ownerAccountId: '111122223333',
    });
  });

  test('explicit settings and selectors', () => {
    expect(resource(inventory, 'cloudtrail.trail', 'FullTrail')).toMatchObject({
      name: 'org',
      isMultiRegion: true,
      isOrganizationTrail: true,
      includeGlobalServiceEvents: false,
      logFileValidationEnabled: true,
      kmsKeyId: 'cfn:Test/RotatedKey',
      s3KeyPrefix: 'trail',
      hasInsightSelectors: true,
      eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }],
      advancedEventSelectors: [
        {
          name: 's3',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'], notStartsWith: ['arn:aws:s3:::logs/'] },
          ],
        },
      ],
    });
  });
});

describe('AWS::S3::Bucket and AWS::S3::BucketPolicy', () => {
  test('a new bucket blocks public access by default; its separate policy is folded in', () => {
    const bucket = resource(inventory, 's3.bucket', 'TrailBucket');
    expect(bucket).toMatchObject({
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      aclGrantsPublicAccess: false,
      accessLogging: { enabled: false },
      versioning: 'Disabled',
      mfaDelete: false,
      objectLockEnabled: false,
    });
    expect(bucket.policy).toMatchObject({ Statement: [{ Action: ['s3:PutObject'], Resource: ['cfn:Test/TrailBucket/AWSLogs/*'] }] });
  });

  test('a partial block configuration leaves the rest off; a public canned ACL is public', () => {
    expect(resource(inventory, 's3.bucket', 'OpenBucket')).toMatchObject({
      name: 'open',
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
      aclGrantsPublicAccess: true,
      policy: null,
      accessLogging: { enabled: true, targetBucket: 'cfn:Test/TrailBucket' },
      versioning: 'Enabled',
      objectLockEnabled: true,
    });
  });
});

describe('AWS::GuardDuty::Detector', () => {
  test('CreateDetector enables every optional protection not mentioned, except Runtime Monitoring', () => {
    const d = resource(inventory, 'guardduty.detector', 'DefaultDetector');
    expect(d).toMatchObject({ status: 'ENABLED', findingPublishingFrequency: 'SIX_HOURS' });
    for (const name of ['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS']) expect(feature(d.features, name)).toBe('ENABLED');
    expect(feature(d.features, 'RUNTIME_MONITORING')).toBeUndefined();
  });

  test('declared features win over defaults', () => {
    const d = resource(inventory, 'guardduty.detector', 'TunedDetector');
    expect(d).toMatchObject({ status: 'DISABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' });
    expect(feature(d.features, 'EKS_AUDIT_LOGS')).toBe('DISABLED');
    expect(d.features.find((f) => f.name === 'RUNTIME_MONITORING')).toEqual({
      name: 'RUNTIME_MONITORING',
      status: 'ENABLED',
      additionalConfiguration: [{ name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' }],
    });
    expect(feature(d.features, 'S3_DATA_EVENTS')).toBe('ENABLED');
  });

  test('legacy DataSources are read as the features they stand for', () => {
    const d = resource(inventory, 'guardduty.detector', 'LegacyDetector');
    expect(feature(d.features, 'S3_DATA_EVENTS')).toBe('DISABLED');
    expect(feature(d.features, 'EKS_AUDIT_LOGS')).toBe('ENABLED');
  });
});
