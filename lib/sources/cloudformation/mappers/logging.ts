import { isUnresolved, unresolved, type DetectorFeature, type EventSelector, type PolicyDocument, type Resolvable } from '../../../model';
import { bool, get, int, knownString, oneOf, str, strList, type MapContext } from '../context';
import { concat, finalize, type Resolved } from '../intrinsics';
import { folds, owns, policyDocument, type Mapper } from './mapper';

// ---- KMS ---------------------------------------------------------------------------------------

/** What KMS attaches when CreateKey gets no policy: the owning account may grant access through IAM. */
function defaultKeyPolicy(x: MapContext): PolicyDocument {
  const root = finalize(concat(['arn:', x.scope.pseudo('AWS::Partition') ?? unresolved('<AWS::Partition>'), ':iam::', x.scope.pseudo('AWS::AccountId') ?? unresolved('<AWS::AccountId>'), ':root']));
  return {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: [root as Resolvable<string>] }, Action: ['kms:*'], Resource: ['*'] }],
  };
}

function keyState(enabled: Resolvable<boolean> | undefined): Resolvable<string> {
  if (enabled === undefined || enabled === true) return 'Enabled';
  return isUnresolved(enabled) ? enabled : 'Disabled';
}

// ---- CloudTrail --------------------------------------------------------------------------------

function eventSelector(s: Record<string, Resolved>, x: MapContext): EventSelector {
  const excluded = strList(s.ExcludeManagementEventSources);
  return {
    readWriteType: oneOf(s.ReadWriteType, ['ReadOnly', 'WriteOnly', 'All'] as const) ?? 'All',
    includeManagementEvents: bool(s.IncludeManagementEvents) ?? true,
    dataResources: x.objects(s.DataResources, 'EventSelectors.DataResources').map((d) => ({ type: str(d.Type) ?? unresolved('<Type>'), values: strList(d.Values) ?? [] })),
    ...(excluded !== undefined ? { excludeManagementEventSources: excluded } : {}),
  };
}

const FIELD_OPERATORS = [
  ['Equals', 'equals'],
  ['NotEquals', 'notEquals'],
  ['StartsWith', 'startsWith'],
  ['NotStartsWith', 'notStartsWith'],
  ['EndsWith', 'endsWith'],
  ['NotEndsWith', 'notEndsWith'],
] as const;

/** A trail logs every management event, read and write, until selectors say otherwise: the selector GetEventSelectors reports for it. */
const DEFAULT_EVENT_SELECTOR: EventSelector = { readWriteType: 'All', includeManagementEvents: true, dataResources: [] };

// ---- S3 ----------------------------------------------------------------------------------------

const PUBLIC_CANNED_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);

// ---- GuardDuty ---------------------------------------------------------------------------------

/**
 * CreateDetector turns on every optional protection the request does not mention, except Runtime
 * Monitoring (and its legacy EKS-only form), which must be asked for.
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html
 */
const ON_UNLESS_DECLARED = ['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION', 'RDS_LOGIN_EVENTS', 'LAMBDA_NETWORK_LOGS'];

const enabledStatus = (value: Resolvable<boolean> | undefined): Resolvable<'ENABLED' | 'DISABLED'> | undefined =>
  value === undefined ? undefined : isUnresolved(value) ? value : value ? 'ENABLED' : 'DISABLED';

/** The legacy DataSources block, as the features it stands for. */
function featuresFromDataSources(sources: Resolved | undefined): DetectorFeature[] {
  const legacy: [string, Resolvable<'ENABLED' | 'DISABLED'> | undefined][] = [
    ['S3_DATA_EVENTS', enabledStatus(bool(get(sources, 'S3Logs', 'Enable')))],
    ['EKS_AUDIT_LOGS', enabledStatus(bool(get(sources, 'Kubernetes', 'AuditLogs', 'Enable')))],
    ['EBS_MALWARE_PROTECTION', enabledStatus(bool(get(sources, 'MalwareProtection', 'ScanEc2InstanceWithFindings', 'EbsVolumes')))],
  ];
  return legacy.flatMap(([name, status]) => (status === undefined ? [] : [{ name, status, additionalConfiguration: [] }]));
}

export const LOGGING_MAPPERS: readonly Mapper[] = [
  owns('AWS::KMS::Key', (x) => {
    const p = x.props;
    const keySpec = str(p.KeySpec) ?? 'SYMMETRIC_DEFAULT';
    const keyUsage = str(p.KeyUsage) ?? 'ENCRYPT_DECRYPT';
    const origin = knownString(p.Origin) ?? 'AWS_KMS';
    // Automatic rotation exists only for symmetric encryption keys with KMS-generated material.
    const rotates = (keySpec === 'SYMMETRIC_DEFAULT' || isUnresolved(keySpec)) && keyUsage !== 'GENERATE_VERIFY_MAC' && origin === 'AWS_KMS';
    const rotationEnabled = bool(p.EnableKeyRotation) ?? false;
    const description = knownString(p.Description);
    x.out.add(x.logicalId, {
      kind: 'kms.key',
      keyId: x.ref,
      arn: x.attribute('Arn'),
      ...(description !== undefined ? { description } : {}),
      keyManager: 'CUSTOMER',
      keyState: keyState(bool(p.Enabled)),
      keySpec,
      keyUsage,
      keyMaterialOrigin: origin,
      multiRegion: bool(p.MultiRegion) ?? false,
      ...(rotates ? { rotationEnabled } : {}),
      ...(rotates && rotationEnabled !== false ? { rotationPeriodDays: int(p.RotationPeriodInDays) ?? 365 } : {}),
      pendingWindowDays: int(p.PendingWindowInDays) ?? 30,
      policy: policyDocument(p.KeyPolicy, x, 'KeyPolicy') ?? defaultKeyPolicy(x),
      aliases: [],
      ...x.base(),
    });
  }),

  folds('AWS::KMS::Alias', (x) => {
    const key = x.out.owner(x.scope.findReferenced(x.props.TargetKeyId, ['AWS::KMS::Key']), 'kms.key');
    if (!key) return;
    key.aliases.push(str(x.props.AliasName) ?? unresolved('<AliasName>'));
    x.out.contributed(x.logicalId, key.id);
  }),

  owns('AWS::CloudTrail::Trail', (x) => {
    const p = x.props;
    const selectors = x.objects(p.EventSelectors, 'EventSelectors').map((s) => eventSelector(s, x));
    const advanced = x.objects(p.AdvancedEventSelectors, 'AdvancedEventSelectors').map((s) => ({
      ...(knownString(s.Name) !== undefined ? { name: knownString(s.Name)! } : {}),
      fieldSelectors: x.objects(s.FieldSelectors, 'AdvancedEventSelectors.FieldSelectors').map((f) => ({
        field: str(f.Field) ?? unresolved('<Field>'),
        ...Object.fromEntries(FIELD_OPERATORS.flatMap(([cfn, model]) => (f[cfn] !== undefined ? [[model, strList(f[cfn])!]] : []))),
      })),
    }));
    const insights = p.InsightSelectors;
    const account = x.scope.pseudo('AWS::AccountId');
    x.out.add(x.logicalId, {
      kind: 'cloudtrail.trail',
      name: x.ref,
      arn: x.attribute('Arn'),
      homeRegion: str(finalize(x.scope.pseudo('AWS::Region') ?? unresolved('<AWS::Region>')))!,
      ...(typeof account === 'string' ? { ownerAccountId: account } : {}),
      isMultiRegion: bool(p.IsMultiRegionTrail) ?? false,
      isOrganizationTrail: bool(p.IsOrganizationTrail) ?? false,
      includeGlobalServiceEvents: bool(p.IncludeGlobalServiceEvents) ?? true,
      logFileValidationEnabled: bool(p.EnableLogFileValidation) ?? false,
      ...(p.KMSKeyId !== undefined ? { kmsKeyId: str(p.KMSKeyId)! } : {}),
      s3BucketName: str(p.S3BucketName) ?? unresolved('<S3BucketName>'),
      ...(p.S3KeyPrefix !== undefined ? { s3KeyPrefix: str(p.S3KeyPrefix)! } : {}),
      ...(p.CloudWatchLogsLogGroupArn !== undefined ? { cloudWatchLogsLogGroupArn: str(p.CloudWatchLogsLogGroupArn)! } : {}),
      ...(p.SnsTopicName !== undefined ? { snsTopicArn: str(p.SnsTopicName)! } : {}),
      hasInsightSelectors: isUnresolved(insights) ? insights : Array.isArray(insights) && insights.length > 0,
      status: { isLogging: bool(p.IsLogging) ?? unresolved('<IsLogging>') },
      eventSelectors: selectors.length === 0 && advanced.length === 0 && !isUnresolved(p.EventSelectors) ? [DEFAULT_EVENT_SELECTOR] : selectors,
      advancedEventSelectors: advanced,
      ...x.base(),
    });
  }),

  owns('AWS::S3::Bucket', (x) => {
    const p = x.props;
    const block = p.PublicAccessBlockConfiguration;
    const flag = (name: string) => bool(get(block, name)) ?? false;
    const acl = str(p.AccessControl);
    const logging = p.LoggingConfiguration;
    const versioning = get(p, 'VersioningConfiguration', 'Status');
    x.out.add(x.logicalId, {
      kind: 's3.bucket',
      name: x.ref,
      arn: x.attribute('Arn'),
      // Since April 2023 S3 blocks public access on every new bucket unless told otherwise.
      publicAccessBlock:
        block === undefined
          ? { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }
          : { blockPublicAcls: flag('BlockPublicAcls'), ignorePublicAcls: flag('IgnorePublicAcls'), blockPublicPolicy: flag('BlockPublicPolicy'), restrictPublicBuckets: flag('RestrictPublicBuckets') },
      policy: null,
      aclGrantsPublicAccess: acl === undefined ? false : isUnresolved(acl) ? acl : PUBLIC_CANNED_ACLS.has(acl),
      accessLogging: {
        enabled: isUnresolved(logging) ? logging : logging !== undefined,
        ...(get(logging, 'DestinationBucketName') !== undefined ? { targetBucket: str(get(logging, 'DestinationBucketName'))! } : {}),
      },
      versioning: versioning === undefined ? 'Disabled' : (oneOf(versioning, ['Enabled', 'Suspended'] as const) ?? 'Disabled'),
      // CloudFormation cannot turn MFA delete on: a bucket it creates has it off.
      mfaDelete: false,
      objectLockEnabled: bool(p.ObjectLockEnabled) ?? false,
      ...x.base(),
    });
  }),

  folds('AWS::S3::BucketPolicy', (x) => {
    const bucket = x.out.owner(x.scope.findReferenced(x.props.Bucket, ['AWS::S3::Bucket']), 's3.bucket');
    if (!bucket) return;
    bucket.policy = policyDocument(x.props.PolicyDocument, x, 'PolicyDocument') ?? null;
    x.out.contributed(x.logicalId, bucket.id);
  }),

  owns('AWS::GuardDuty::Detector', (x) => {
    const p = x.props;
    const declared: DetectorFeature[] = [
      ...featuresFromDataSources(p.DataSources),
      ...x.objects(p.Features, 'Features').map((f) => ({
        name: str(f.Name) ?? unresolved('<Name>'),
        status: oneOf(f.Status, ['ENABLED', 'DISABLED'] as const) ?? unresolved('<Status>'),
        additionalConfiguration: x.objects(f.AdditionalConfiguration, 'Features.AdditionalConfiguration').map((a) => ({
          name: str(a.Name) ?? unresolved('<Name>'),
          status: oneOf(a.Status, ['ENABLED', 'DISABLED'] as const) ?? unresolved('<Status>'),
        })),
      })),
    ];
    const named = new Set(declared.map((f) => (isUnresolved(f.name) ? f.name.unresolved : f.name)));
    // With a feature whose name is unknown, nothing can be said about which defaults apply.
    const anyUnknownName = declared.some((f) => isUnresolved(f.name));
    const defaults: DetectorFeature[] = ON_UNLESS_DECLARED.filter((name) => !named.has(name)).map((name) => ({
      name,
      status: anyUnknownName ? unresolved(`<${name} default>`) : 'ENABLED',
      additionalConfiguration: [],
    }));
    x.out.add(x.logicalId, {
      kind: 'guardduty.detector',
      detectorId: x.ref,
      status: enabledStatus(bool(p.Enable)) ?? unresolved('<Enable>'),
      findingPublishingFrequency: str(p.FindingPublishingFrequency) ?? 'SIX_HOURS',
      features: [...declared, ...defaults],
      ...x.base(),
    });
  }),
];
