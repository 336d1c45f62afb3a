import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  type Trail as SdkTrail,
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
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { inventorySchema, type S3Bucket, type Trail } from '../../../lib/model';
import {
  aclGrantsPublicAccess,
  bucketRegion,
  cloudtrailCollector,
  recordsTrailHere,
  toEventSelector,
  toTrail,
  trailBucketCollector,
} from '../../../lib/sources/live/collectors/cloudtrail';
import { EXAMPLE_MANAGEMENT_ACCOUNT, cloudtrailService, exampleCloudTrailWorld, exampleTrailBuckets } from '../../../lib/testing/simulated-aws/services/cloudtrail';
import { exampleS3World, s3Service } from '../../../lib/testing/simulated-aws/services/s3';
import {
  SIM_ACCOUNT,
  alone,
  calledActions,
  closeClientFactories,
  collectFrom,
  collectMocked,
  findingsFor,
  mockAccount,
  sdkError,
  simWorldWith,
  simulateWith,
} from '../../fixtures/live-kms-cloudtrail-guardduty';

const MGMT = EXAMPLE_MANAGEMENT_ACCOUNT;
const EU = 'eu-west-1';
const US = 'us-east-1';
const trailArn = (region: string, account: string, name: string) => `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;
const at = { accountId: SIM_ACCOUNT, region: EU, partition: 'aws' };
/** Checks that read a trail's bucket: they must never PASS on a bucket that could not be read. */
const BUCKET_CHECKS = ['cloudtrail-bucket-not-public', 'cloudtrail-bucket-access-logging-enabled'];

afterEach(closeClientFactories);

/** DescribeTrails as a member account sees it: its own trail, and the organization's trail with the management account in its ARN. */
const ownTrail: SdkTrail = {
  Name: 'audit',
  S3BucketName: `audit-logs-${SIM_ACCOUNT}`,
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  HomeRegion: EU,
  TrailARN: trailArn(EU, SIM_ACCOUNT, 'audit'),
  LogFileValidationEnabled: true,
  KmsKeyId: `arn:aws:kms:${EU}:${SIM_ACCOUNT}:key/k`,
  HasCustomEventSelectors: true,
  HasInsightSelectors: false,
  IsOrganizationTrail: false,
};
const orgTrail: SdkTrail = {
  Name: 'org-trail',
  S3BucketName: `org-logs-${MGMT}`,
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  HomeRegion: US,
  TrailARN: trailArn(US, MGMT, 'org-trail'),
  LogFileValidationEnabled: true,
  HasCustomEventSelectors: false,
  HasInsightSelectors: false,
  IsOrganizationTrail: true,
};
/** An old trail as DescribeTrails answers it with most optional fields missing. */
const bareTrail: SdkTrail = { Name: 'legacy', S3BucketName: 'legacy-logs', HomeRegion: EU, TrailARN: trailArn(EU, SIM_ACCOUNT, 'legacy') };

describe('CloudTrail mapping (pure)', () => {
  test.each([
    ['a trail homed in an audited region, listed there', US, [EU, US], US, true],
    ['a trail homed in an audited region, listed elsewhere (shadow)', US, [EU, US], EU, false],
    ['an organization trail homed outside the audit, first audited region', 'us-west-2', [US, EU], EU, true],
    ['an organization trail homed outside the audit, later audited region', 'us-west-2', [US, EU], US, false],
  ])('%s', (_name, home, audited, region, recorded) => {
    expect(recordsTrailHere({ HomeRegion: home }, region, audited)).toBe(recorded);
  });

  test('a trail with most fields missing gets CloudTrail defaults; no selector form means all management events', () => {
    const trail = toTrail(bareTrail, {}, { TrailARN: bareTrail.TrailARN }, at);
    expect(trail).toEqual<Trail>({
      kind: 'cloudtrail.trail',
      id: bareTrail.TrailARN!,
      origin: { kind: 'aws', arn: bareTrail.TrailARN!, accountId: SIM_ACCOUNT, region: EU },
      name: 'legacy',
      arn: bareTrail.TrailARN!,
      homeRegion: EU,
      ownerAccountId: SIM_ACCOUNT,
      isMultiRegion: false,
      isOrganizationTrail: false,
      includeGlobalServiceEvents: true,
      logFileValidationEnabled: false,
      s3BucketName: 'legacy-logs',
      hasInsightSelectors: false,
      status: { isLogging: false },
      eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }],
      advancedEventSelectors: [],
    });
  });

  test('basic selectors default to read and write with management events; empty exclusions are dropped', () => {
    expect(toEventSelector({ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }], ExcludeManagementEventSources: [] })).toEqual({
      readWriteType: 'All',
      includeManagementEvents: true,
      dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }],
    });
  });

  test.each([
    ['AllUsers', true, 'http://acs.amazonaws.com/groups/global/AllUsers'],
    ['AuthenticatedUsers', true, 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers'],
    ['LogDelivery', false, 'http://acs.amazonaws.com/groups/s3/LogDelivery'],
  ])('an ACL grant to the %s group is public: %s', (_name, expected, uri) => {
    expect(aclGrantsPublicAccess([{ Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'FULL_CONTROL' }, { Grantee: { Type: 'Group', URI: uri }, Permission: 'READ' }])).toBe(expected);
  });

  test.each([
    [undefined, US],
    ['', US],
    ['EU', EU],
    ['ap-southeast-2', 'ap-southeast-2'],
  ])('LocationConstraint %p is region %s', (constraint, region) => {
    expect(bucketRegion(constraint, US)).toBe(region);
  });
});

describe('CloudTrail collector with recorded responses (aws-sdk-client-mock)', () => {
  let account: ReturnType<typeof mockAccount>;
  const cloudtrail = mockClient(CloudTrailClient);
  beforeEach(() => {
    account = mockAccount();
    cloudtrail.reset();
  });
  afterEach(() => account.restore());
  afterAll(() => cloudtrail.restore());

  function recorded() {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [ownTrail, orgTrail, bareTrail] });
    cloudtrail.on(GetTrailStatusCommand).resolves({
      IsLogging: true,
      LatestDeliveryTime: new Date('2026-11-20T08:57:02.123Z'),
      LatestDeliveryError: '',
      LatestCloudWatchLogsDeliveryError: 'AccessDeniedException',
      StartLoggingTime: new Date('2024-01-01T00:00:00Z'),
      TimeLoggingStarted: '2024-01-01T00:00:00Z',
    });
    cloudtrail.on(GetEventSelectorsCommand, { TrailName: ownTrail.TrailARN }).resolves({
      TrailARN: ownTrail.TrailARN,
      AdvancedEventSelectors: [{ Name: 'S3 writes', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'readOnly', Equals: ['false'] }] }],
    });
    cloudtrail.on(GetEventSelectorsCommand, { TrailName: orgTrail.TrailARN }).resolves({
      TrailARN: orgTrail.TrailARN,
      EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }], ExcludeManagementEventSources: [] }],
    });
    cloudtrail.on(GetEventSelectorsCommand, { TrailName: bareTrail.TrailARN }).resolves({ TrailARN: bareTrail.TrailARN });
    cloudtrail.on(ListTagsCommand).resolves({ ResourceTagList: [{ ResourceId: ownTrail.TrailARN, TagsList: [{ Key: 'owner', Value: 'security' }] }, { ResourceId: bareTrail.TrailARN, TagsList: [] }] });
  }

  test('an organization trail seen from a member account keeps its foreign ARN, owner and home region', async () => {
    recorded();
    const inventory = await collectMocked([cloudtrailCollector]);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const trails = new Map(inventory.resources['cloudtrail.trail']!.map((t) => [t.name, t]));
    expect([...trails.keys()].sort()).toEqual(['audit', 'legacy', 'org-trail']);
    expect(trails.get('org-trail')).toMatchObject({
      id: orgTrail.TrailARN,
      ownerAccountId: MGMT,
      homeRegion: US,
      isOrganizationTrail: true,
      // Audited from the member account, and us-east-1 is not audited here: recorded in eu-west-1.
      origin: { kind: 'aws', accountId: SIM_ACCOUNT, region: EU },
      eventSelectors: [{ readWriteType: 'ReadOnly', includeManagementEvents: false, dataResources: [{ type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] }] }],
      advancedEventSelectors: [],
    });
    expect(trails.get('org-trail')).not.toHaveProperty('tags');
    expect(trails.get('audit')).toMatchObject({
      tags: { owner: 'security' },
      status: { isLogging: true, latestDeliveryTime: '2026-11-20T08:57:02.123Z', latestCloudWatchLogsDeliveryError: 'AccessDeniedException' },
      eventSelectors: [],
      advancedEventSelectors: [{ name: 'S3 writes', fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }, { field: 'readOnly', equals: ['false'] }] }],
    });
    expect(trails.get('audit')!.status).not.toHaveProperty('latestDeliveryError');
    expect(trails.get('legacy')).toMatchObject({ tags: {}, eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }] });
    // Status and selectors are asked by ARN (required for shadow and organization trails); tags only for this account's trails.
    expect(cloudtrail.commandCalls(GetTrailStatusCommand).map((c) => c.args[0].input.Name).sort()).toEqual([ownTrail.TrailARN, bareTrail.TrailARN, orgTrail.TrailARN].sort());
    expect(cloudtrail.commandCalls(ListTagsCommand).map((c) => c.args[0].input.ResourceIdList)).toEqual([[ownTrail.TrailARN, bareTrail.TrailARN]]);
    expect(cloudtrail.commandCalls(DescribeTrailsCommand).map((c) => c.args[0].input)).toEqual([{ includeShadowTrails: true }]);
  });

  test('each trail is recorded once even though every region lists a multi-region trail', async () => {
    cloudtrail.on(DescribeTrailsCommand).callsFake(async (_input, getClient) => {
      const region = await getClient().config.region();
      // Both regions list both multi-region trails; only the home region owns each.
      return { trailList: region === EU ? [ownTrail, orgTrail] : [orgTrail, ownTrail] };
    });
    cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudtrail.on(GetEventSelectorsCommand).resolves({});
    cloudtrail.on(ListTagsCommand).resolves({ ResourceTagList: [] });
    const inventory = await collectMocked([cloudtrailCollector], [EU, US]);
    const trails = inventory.resources['cloudtrail.trail']!;
    expect(trails.map((t) => [t.name, t.origin.kind === 'aws' && t.origin.region])).toEqual([
      ['audit', EU],
      ['org-trail', US],
    ]);
  });

  test('a denied GetTrailStatus (organization trail in a member account) marks that trail only', async () => {
    recorded();
    cloudtrail.on(GetTrailStatusCommand, { Name: orgTrail.TrailARN }).rejects(sdkError('AccessDeniedException', 400, 'not authorized to perform cloudtrail:GetTrailStatus on the organization trail'));
    const inventory = await collectMocked([cloudtrailCollector]);
    const incomplete = inventory.resources['cloudtrail.trail']!.filter((t) => t.incomplete);
    expect(incomplete.map((t) => [t.id, t.incomplete?.code, t.incomplete?.operation])).toEqual([[orgTrail.TrailARN, 'ACCESS_DENIED', 'GetTrailStatus']]);
    expect(inventory.coverage).toContainEqual({ kind: 'cloudtrail.trail', region: EU, status: 'ok' });
  });
});

describe('trail buckets with recorded responses (aws-sdk-client-mock)', () => {
  let account: ReturnType<typeof mockAccount>;
  const cloudtrail = mockClient(CloudTrailClient);
  const s3 = mockClient(S3Client);
  const regionsAsked: Record<string, string[]> = {};
  const inRegion = <T>(answer: T | (() => T)) => async (input: { Bucket: string }, getClient: () => { config: { region: () => Promise<string> } }) => {
    (regionsAsked[input.Bucket] ??= []).push(await getClient().config.region());
    return typeof answer === 'function' ? (answer as () => T)() : answer;
  };
  const rejectIn = (error: Error) => inRegion(() => Promise.reject(error));
  beforeEach(() => {
    account = mockAccount();
    cloudtrail.reset();
    s3.reset();
    for (const key of Object.keys(regionsAsked)) delete regionsAsked[key];
  });
  afterEach(() => account.restore());
  afterAll(() => [cloudtrail, s3].forEach((m) => m.restore()));

  test('reads each bucket in its own region; "not configured" answers are facts, not errors', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [{ ...ownTrail, S3BucketName: 'bare' }, { ...bareTrail, S3BucketName: 'hardened' }, { ...orgTrail, S3BucketName: 'bare' }] });
    // A bucket created with the legacy EU constraint, nothing configured, readable by everyone through its ACL.
    s3.on(GetBucketLocationCommand, { Bucket: 'bare' }).resolves({ LocationConstraint: 'EU' });
    s3.on(GetPublicAccessBlockCommand, { Bucket: 'bare' }).callsFake(rejectIn(sdkError('NoSuchPublicAccessBlockConfiguration', 404)));
    s3.on(GetBucketPolicyCommand, { Bucket: 'bare' }).callsFake(rejectIn(sdkError('NoSuchBucketPolicy', 404)));
    s3.on(GetBucketAclCommand, { Bucket: 'bare' }).callsFake(inRegion({ Owner: { ID: 'owner' }, Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] }));
    s3.on(GetBucketLoggingCommand, { Bucket: 'bare' }).callsFake(inRegion({}));
    s3.on(GetBucketVersioningCommand, { Bucket: 'bare' }).callsFake(inRegion({}));
    s3.on(GetObjectLockConfigurationCommand, { Bucket: 'bare' }).callsFake(rejectIn(sdkError('ObjectLockConfigurationNotFoundError', 404)));
    s3.on(GetBucketTaggingCommand, { Bucket: 'bare' }).callsFake(rejectIn(sdkError('NoSuchTagSet', 404)));
    // A us-east-1 bucket (no constraint) with everything configured and a policy S3 calls public.
    s3.on(GetBucketLocationCommand, { Bucket: 'hardened' }).resolves({});
    s3.on(GetPublicAccessBlockCommand, { Bucket: 'hardened' }).callsFake(inRegion({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true } }));
    s3.on(GetBucketPolicyCommand, { Bucket: 'hardened' }).callsFake(inRegion({ Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::hardened/*"}]}' }));
    s3.on(GetBucketPolicyStatusCommand, { Bucket: 'hardened' }).callsFake(inRegion({ PolicyStatus: { IsPublic: true } }));
    s3.on(GetBucketAclCommand, { Bucket: 'hardened' }).callsFake(inRegion({ Owner: { ID: 'owner' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }] }));
    s3.on(GetBucketLoggingCommand, { Bucket: 'hardened' }).callsFake(inRegion({ LoggingEnabled: { TargetBucket: 'access-logs', TargetPrefix: 'hardened/' } }));
    s3.on(GetBucketVersioningCommand, { Bucket: 'hardened' }).callsFake(inRegion({ Status: 'Enabled', MFADelete: 'Enabled' }));
    s3.on(GetObjectLockConfigurationCommand, { Bucket: 'hardened' }).callsFake(inRegion({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } }));
    s3.on(GetBucketTaggingCommand, { Bucket: 'hardened' }).callsFake(inRegion({ TagSet: [{ Key: 'owner', Value: 'security' }] }));

    const inventory = await collectMocked([trailBucketCollector]);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const buckets = new Map(inventory.resources['s3.bucket']!.map((b) => [b.name, b]));
    expect(buckets.get('bare')).toEqual<S3Bucket>({
      kind: 's3.bucket',
      id: 'arn:aws:s3:::bare',
      origin: { kind: 'aws', arn: 'arn:aws:s3:::bare', accountId: SIM_ACCOUNT, region: 'global' },
      tags: {},
      name: 'bare',
      arn: 'arn:aws:s3:::bare',
      publicAccessBlock: null,
      policyIsPublic: false,
      policy: null,
      aclGrantsPublicAccess: true,
      accessLogging: { enabled: false },
      versioning: 'Disabled',
      mfaDelete: false,
      objectLockEnabled: false,
    });
    expect(buckets.get('hardened')).toMatchObject({
      tags: { owner: 'security' },
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false },
      policyIsPublic: true,
      policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::hardened/*'] }] },
      aclGrantsPublicAccess: false,
      accessLogging: { enabled: true, targetBucket: 'access-logs' },
      versioning: 'Enabled',
      mfaDelete: true,
      objectLockEnabled: true,
    });
    // The bucket named by two trails is read once; without a policy, its policy status is not asked.
    expect(s3.commandCalls(GetBucketLocationCommand)).toHaveLength(2);
    expect(s3.commandCalls(GetBucketPolicyStatusCommand).map((c) => c.args[0].input.Bucket)).toEqual(['hardened']);
    expect(new Set(regionsAsked.bare)).toEqual(new Set([EU]));
    expect(new Set(regionsAsked.hardened)).toEqual(new Set([US]));
  });

  test('an error other than "not configured" marks the bucket, never reads as "none"', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [{ ...ownTrail, S3BucketName: 'locked' }] });
    s3.on(GetBucketLocationCommand).resolves({});
    s3.on(GetPublicAccessBlockCommand).rejects(sdkError('AccessDenied', 403, 'Access Denied'));
    s3.on(GetBucketPolicyCommand).rejects(sdkError('NoSuchBucketPolicy', 404));
    s3.on(GetBucketAclCommand).resolves({ Grants: [] });
    s3.on(GetBucketLoggingCommand).resolves({});
    s3.on(GetBucketVersioningCommand).resolves({});
    s3.on(GetObjectLockConfigurationCommand).rejects(sdkError('ObjectLockConfigurationNotFoundError', 404));
    s3.on(GetBucketTaggingCommand).rejects(sdkError('NoSuchTagSet', 404));
    const inventory = await collectMocked([trailBucketCollector]);
    const [bucket] = inventory.resources['s3.bucket']!;
    expect(bucket!.incomplete).toMatchObject({ code: 'ACCESS_DENIED', service: 's3', operation: 'GetPublicAccessBlock' });
    expect(bucket).not.toHaveProperty('aclGrantsPublicAccess');
    expect(inventory.coverage).toContainEqual({ kind: 's3.bucket', region: 'global', status: 'ok' });
  });
});

describe('CloudTrail and trail buckets through the simulated AWS', () => {
  const world = () => simWorldWith({ cloudtrail: exampleCloudTrailWorld(SIM_ACCOUNT), s3: exampleS3World(SIM_ACCOUNT) });
  const simulate = (w = world()) => simulateWith(w, [cloudtrailService, s3Service]);
  const collectors = [cloudtrailCollector, trailBucketCollector];
  const buckets = exampleTrailBuckets(SIM_ACCOUNT);
  const orgTrailArn = trailArn('us-west-2', MGMT, 'org-trail');

  test('records every trail once, and reads every trail bucket in its region', async () => {
    const sim = simulate();
    const inventory = await collectFrom(sim, collectors);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const trails = inventory.resources['cloudtrail.trail']!;
    expect(trails.map((t) => [t.name, t.origin.kind === 'aws' && t.origin.region])).toEqual([
      ['eu-app-trail', EU],
      ['account-audit', US],
      // Homed in us-west-2, which this audit does not cover: recorded in the first audited region.
      ['org-trail', EU],
    ]);
    expect(trails.find((t) => t.name === 'org-trail')).toMatchObject({ id: orgTrailArn, ownerAccountId: MGMT, homeRegion: 'us-west-2', isOrganizationTrail: true });
    expect(trails.find((t) => t.name === 'account-audit')!.tags).toEqual({ owner: 'security', env: 'prod', 'cost-center': 'sec-01' });
    expect(trails.every((t) => !t.incomplete)).toBe(true);

    const byName = new Map(inventory.resources['s3.bucket']!.map((b) => [b.name, b]));
    // The eu-west-1 bucket (legacy EU constraint) is complete: every call went to its region.
    expect(byName.get(buckets.regional)).toMatchObject({ publicAccessBlock: null, policy: null, aclGrantsPublicAccess: true, versioning: 'Disabled' });
    expect(byName.get(buckets.regional)!.incomplete).toBeUndefined();
    expect(byName.get(buckets.audit)).toMatchObject({ policyIsPublic: false, objectLockEnabled: true, accessLogging: { enabled: true } });
    expect(sim.calls['s3:GetBucketPolicyStatus']).toBe(1);
    expect(sim.calls['cloudtrail:ListTags']).toBe(2);
    expect(inventory.coverage.filter((c) => c.kind === 's3.bucket')).toEqual([{ kind: 's3.bucket', region: 'global', status: 'ok' }]);
  });

  test('a trail bucket in another account is incomplete, and the bucket checks of its trail are UNKNOWN', async () => {
    const inventory = await collectFrom(simulate(), collectors);
    const org = inventory.resources['s3.bucket']!.find((b) => b.name === buckets.organization)!;
    expect(org.incomplete).toMatchObject({ code: 'ACCESS_DENIED', service: 's3', operation: 'GetBucketLocation' });
    const findings = findingsFor(inventory, ['cloudtrail.trail']).filter((f) => BUCKET_CHECKS.includes(f.checkId) && f.resource.id === orgTrailArn);
    expect(findings.map((f) => f.checkId).sort()).toEqual([...BUCKET_CHECKS].sort());
    expect(findings.map((f) => [f.checkId, f.status])).toEqual(BUCKET_CHECKS.map((id) => [id, 'UNKNOWN']));
  });

  test('an organization trail whose status is denied to the member account is marked, and only it', async () => {
    const w = world();
    // eu-west-1 records only the organization trail here, so the denial hits it alone.
    const trails = exampleCloudTrailWorld(SIM_ACCOUNT).trails.filter((t) => t.trail.Name !== 'eu-app-trail');
    const sim = simulate({ ...w, services: { ...w.services, cloudtrail: { trails } } }).inject({ operation: 'cloudtrail:GetTrailStatus', region: EU, type: 'access-denied' });
    const inventory = await collectFrom(sim, collectors);
    const recorded = inventory.resources['cloudtrail.trail']!;
    expect(recorded.filter((t) => t.incomplete).map((t) => [t.id, t.incomplete?.code, t.incomplete?.operation])).toEqual([[orgTrailArn, 'ACCESS_DENIED', 'GetTrailStatus']]);
    expect(inventory.coverage.filter((c) => c.kind === 'cloudtrail.trail').every((c) => c.status === 'ok')).toBe(true);
    const findings = findingsFor(inventory, ['cloudtrail.trail']);
    expect(findings.filter((f) => f.resource.id === orgTrailArn).every((f) => f.status === 'UNKNOWN')).toBe(true);
    // The account's own multi-region trail still covers eu-west-1.
    expect(findings.find((f) => f.checkId === 'cloudtrail-multi-region-trail-logging' && f.resource.region === EU)?.status).toBe('PASS');
  });

  test('AccessDenied on cloudtrail:DescribeTrails: coverage error, and every CloudTrail finding in that region is UNKNOWN', async () => {
    const sim = simulate().inject({ operation: 'cloudtrail:DescribeTrails', region: US, type: 'access-denied' });
    const inventory = await collectFrom(sim, collectors);
    expect(inventory.coverage.find((c) => c.kind === 'cloudtrail.trail' && c.region === US)).toMatchObject({
      status: 'error',
      issue: { code: 'ACCESS_DENIED', service: 'cloudtrail', operation: 'DescribeTrails' },
    });
    // The bucket task could not list us-east-1's trails either: the set of trail buckets is not known.
    expect(inventory.coverage.find((c) => c.kind === 's3.bucket')).toMatchObject({ status: 'error', issue: { code: 'ACCESS_DENIED', operation: 'DescribeTrails' } });
    const findings = findingsFor(inventory, ['cloudtrail.trail']);
    const us = findings.filter((f) => f.resource.region === US);
    expect(us.length).toBeGreaterThan(0);
    expect(us.every((f) => f.status === 'UNKNOWN')).toBe(true);
    expect(findings.filter((f) => BUCKET_CHECKS.includes(f.checkId)).every((f) => f.status === 'UNKNOWN')).toBe(true);
  });

  test('one failing bucket call marks only that bucket', async () => {
    const sim = simulate().inject({ operation: 's3:GetBucketAcl', region: EU, type: 'access-denied' });
    const inventory = await collectFrom(sim, collectors);
    const incomplete = inventory.resources['s3.bucket']!.filter((b) => b.incomplete).map((b) => [b.name, b.incomplete?.operation]);
    expect(incomplete.sort()).toEqual([
      [buckets.regional, 'GetBucketAcl'],
      [buckets.organization, 'GetBucketLocation'],
    ]);
    expect(inventory.resources['s3.bucket']!.find((b) => b.name === buckets.audit)!.incomplete).toBeUndefined();
  });

  test.each([...collectors.flatMap((c) => c.tasks.map((t) => [`${c.service} ${t.kind}`, c, t] as const))])(
    'task %s alone calls only what it declares, and the example world reaches every declared call',
    async (_name, collector, task) => {
      const sim = simulate();
      await collectFrom(sim, [alone(collector, task)]);
      expect(calledActions(sim)).toEqual([...task.permissions].sort());
    },
  );
});
