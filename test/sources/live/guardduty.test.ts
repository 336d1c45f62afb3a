import {
  GetAdministratorAccountCommand,
  GetDetectorCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  type GetDetectorResponse,
} from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { inventorySchema, type Detector } from '../../../lib/model';
import {
  activeFindingsBySeverity,
  detectorFeatures,
  guarddutyCollector,
  severityBand,
  toDetector,
} from '../../../lib/sources/live/collectors/guardduty';
import { exampleGuardDutyWorld, guarddutyService } from '../../../lib/testing/simulated-aws/services/guardduty';
import {
  AUDITED,
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

const EU = 'eu-west-1';
const US = 'us-east-1';
const DETECTOR = '6cc5a1b2c3d4e5f60718293a4b5c6d7e';
const detectorArn = (region: string, id = DETECTOR) => `arn:aws:guardduty:${region}:${SIM_ACCOUNT}:detector/${id}`;
const at = { accountId: SIM_ACCOUNT, region: EU, partition: 'aws' };

afterEach(closeClientFactories);

/** GetDetector as recorded: timestamps are strings in this API, feature times are Dates. */
const recordedDetector: GetDetectorResponse = {
  CreatedAt: '2024-02-01T10:00:00.000Z',
  FindingPublishingFrequency: 'SIX_HOURS',
  ServiceRole: `arn:aws:iam::${SIM_ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
  Status: 'ENABLED',
  UpdatedAt: '2026-10-01T10:00:00.000Z',
  DataSources: {
    CloudTrail: { Status: 'ENABLED' },
    DNSLogs: { Status: 'ENABLED' },
    FlowLogs: { Status: 'ENABLED' },
    S3Logs: { Status: 'DISABLED' },
    Kubernetes: { AuditLogs: { Status: 'ENABLED' } },
  },
  Tags: { owner: 'security' },
  Features: [
    { Name: 'S3_DATA_EVENTS', Status: 'DISABLED', UpdatedAt: new Date('2026-01-01T00:00:00Z') },
    { Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED', UpdatedAt: new Date('2026-01-01T00:00:00Z') },
    {
      Name: 'RUNTIME_MONITORING',
      Status: 'ENABLED',
      UpdatedAt: new Date('2026-01-01T00:00:00Z'),
      AdditionalConfiguration: [
        { Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED', UpdatedAt: new Date('2026-01-01T00:00:00Z') },
        { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'DISABLED', UpdatedAt: new Date('2026-01-01T00:00:00Z') },
      ],
    },
  ],
};

describe('GuardDuty mapping (pure)', () => {
  test.each([
    [1.0, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    // Critical (9.0–10.0) has no band of its own in the model: it counts as high.
    [9.0, 'high'],
    [10.0, 'high'],
  ])('severity %d is in band %s', (severity, band) => {
    expect(severityBand(severity)).toBe(band);
  });

  test('COUNT_BY_SEVERITY keys are severity values, with or without a decimal', () => {
    expect(activeFindingsBySeverity({ '9.2': 1, '8': 2, '8.0': 1, '5.5': 4, '2.0': 3, junk: 7 })).toEqual({ high: 4, medium: 4, low: 3 });
    expect(activeFindingsBySeverity(undefined)).toEqual({ high: 0, medium: 0, low: 0 });
  });

  test('features come from Features (with their additional configuration) rather than the legacy DataSources', () => {
    const detector = toDetector(DETECTOR, recordedDetector, at, { administrator: { AccountId: '345678901234', RelationshipStatus: 'Enabled', InvitedAt: '2024-02-01T10:05:00.000Z' }, activeFindings: { high: 1, medium: 0, low: 2 } });
    expect(detector).toEqual<Detector>({
      kind: 'guardduty.detector',
      id: detectorArn(EU),
      origin: { kind: 'aws', arn: detectorArn(EU), accountId: SIM_ACCOUNT, region: EU },
      tags: { owner: 'security' },
      detectorId: DETECTOR,
      status: 'ENABLED',
      findingPublishingFrequency: 'SIX_HOURS',
      features: [
        { name: 'S3_DATA_EVENTS', status: 'DISABLED', additionalConfiguration: [] },
        { name: 'EKS_AUDIT_LOGS', status: 'ENABLED', additionalConfiguration: [] },
        {
          name: 'RUNTIME_MONITORING',
          status: 'ENABLED',
          additionalConfiguration: [
            { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
            { name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'DISABLED' },
          ],
        },
      ],
      administrator: { accountId: '345678901234', relationshipStatus: 'Enabled' },
      activeFindings: { high: 1, medium: 0, low: 2 },
    });
  });

  test('a detector that answers only the legacy DataSources still lists its protection plans', () => {
    const { Features: _features, ...legacy } = recordedDetector;
    void _features;
    expect(detectorFeatures(legacy)).toEqual([
      { name: 'CLOUD_TRAIL', status: 'ENABLED', additionalConfiguration: [] },
      { name: 'DNS_LOGS', status: 'ENABLED', additionalConfiguration: [] },
      { name: 'FLOW_LOGS', status: 'ENABLED', additionalConfiguration: [] },
      { name: 'S3_DATA_EVENTS', status: 'DISABLED', additionalConfiguration: [] },
      { name: 'EKS_AUDIT_LOGS', status: 'ENABLED', additionalConfiguration: [] },
    ]);
  });

  test('a suspended detector without optional fields maps with no administrator and no counts', () => {
    const detector = toDetector(DETECTOR, { ServiceRole: undefined, Status: 'DISABLED' }, at);
    expect(detector).toMatchObject({ status: 'DISABLED', features: [], tags: {} });
    expect(detector).not.toHaveProperty('administrator');
    expect(detector).not.toHaveProperty('activeFindings');
    expect(detector).not.toHaveProperty('findingPublishingFrequency');
  });
});

describe('GuardDuty collector with recorded responses (aws-sdk-client-mock)', () => {
  let account: ReturnType<typeof mockAccount>;
  const guardduty = mockClient(GuardDutyClient);
  beforeEach(() => {
    account = mockAccount();
    guardduty.reset();
  });
  afterEach(() => account.restore());
  afterAll(() => guardduty.restore());

  test('maps the detector, its administrator and its active findings per severity band', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [DETECTOR] });
    guardduty.on(GetDetectorCommand).resolves(recordedDetector);
    guardduty.on(GetAdministratorAccountCommand).resolves({ Administrator: { AccountId: '345678901234', InvitationId: 'inv', RelationshipStatus: 'Enabled', InvitedAt: '2024-02-01T10:05:00.000Z' } });
    guardduty.on(GetFindingsStatisticsCommand).resolves({ FindingStatistics: { CountBySeverity: { '9.0': 1, '8.0': 2, '5.0': 3, '2.0': 5 } } });
    const inventory = await collectMocked([guarddutyCollector]);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    expect(inventory.resources['guardduty.detector']).toEqual([
      expect.objectContaining({ id: detectorArn(EU), administrator: { accountId: '345678901234', relationshipStatus: 'Enabled' }, activeFindings: { high: 3, medium: 3, low: 5 } }),
    ]);
    // Active = not archived, counted by severity in one call.
    expect(guardduty.commandCalls(GetFindingsStatisticsCommand).map((c) => c.args[0].input)).toEqual([
      { DetectorId: DETECTOR, FindingStatisticTypes: ['COUNT_BY_SEVERITY'], FindingCriteria: { Criterion: { 'service.archived': { Eq: ['false'] } } } },
    ]);
  });

  test('no detector is a fact: no resource, coverage ok', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    const inventory = await collectMocked([guarddutyCollector]);
    expect(inventory.resources['guardduty.detector'] ?? []).toEqual([]);
    expect(inventory.coverage).toEqual([{ kind: 'guardduty.detector', region: EU, status: 'ok' }]);
    expect(guardduty.commandCalls(GetDetectorCommand)).toHaveLength(0);
  });

  test('a failing GetFindingsStatistics is a failed part, not a detector without findings', async () => {
    guardduty.on(ListDetectorsCommand).resolves({ DetectorIds: [DETECTOR] });
    guardduty.on(GetDetectorCommand).resolves(recordedDetector);
    guardduty.on(GetAdministratorAccountCommand).resolves({});
    guardduty.on(GetFindingsStatisticsCommand).rejects(sdkError('AccessDeniedException', 403, 'not authorized to perform guardduty:GetFindingsStatistics'));
    const inventory = await collectMocked([guarddutyCollector]);
    const [detector] = inventory.resources['guardduty.detector']!;
    expect(detector!.incomplete).toBeUndefined();
    expect(detector).not.toHaveProperty('activeFindings');
    expect(detector).not.toHaveProperty('administrator');
    expect(inventory.coverage).toContainEqual({
      kind: 'guardduty.detector',
      region: EU,
      status: 'error',
      part: 'activeFindings',
      issue: expect.objectContaining({ code: 'ACCESS_DENIED', service: 'guardduty', operation: 'GetFindingsStatistics' }),
    });
    expect(inventory.coverage.filter((c) => c.part === 'administrator')).toEqual([]);
  });
});

describe('GuardDuty through the simulated AWS', () => {
  const world = () => simWorldWith({ guardduty: exampleGuardDutyWorld(SIM_ACCOUNT) });
  const simulate = () => simulateWith(world(), [guarddutyService]);
  const regionFinding = (findings: ReturnType<typeof findingsFor>, region: string) =>
    findings.find((f) => f.checkId === 'guardduty-enabled-in-region' && f.resource.region === region);

  test('a region without a detector is an empty list with coverage ok, so the region check FAILs there, not UNKNOWN', async () => {
    const inventory = await collectFrom(simulate(), [guarddutyCollector]);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    expect(inventory.coverage.filter((c) => c.kind === 'guardduty.detector')).toEqual([
      { kind: 'guardduty.detector', region: EU, status: 'ok' },
      { kind: 'guardduty.detector', region: US, status: 'ok' },
    ]);
    expect(inventory.resources['guardduty.detector']!.map((d) => d.id)).toEqual([detectorArn(EU)]);
    const findings = findingsFor(inventory, ['guardduty.detector']);
    expect(regionFinding(findings, US)).toMatchObject({ status: 'FAIL', resource: { id: `AWS::::Account:${SIM_ACCOUNT}`, region: US } });
    expect(regionFinding(findings, EU)).toMatchObject({ status: 'PASS' });
  });

  test('the detector carries its features, administrator and active (not archived) findings by band', async () => {
    const inventory = await collectFrom(simulate(), [guarddutyCollector]);
    const [detector] = inventory.resources['guardduty.detector']!;
    expect(detector).toMatchObject({
      detectorId: DETECTOR,
      status: 'ENABLED',
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      administrator: { accountId: '345678901234', relationshipStatus: 'Enabled' },
      // 9.2 and 8 are high (the archived 8 is not counted), 5 and 4.5 medium, 2 low.
      activeFindings: { high: 2, medium: 2, low: 1 },
      tags: { owner: 'security' },
    });
    expect(detector!.features.find((f) => f.name === 'RUNTIME_MONITORING')?.additionalConfiguration).toContainEqual({ name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' });
  });

  test('AccessDenied on guardduty:ListDetectors: coverage error, and every GuardDuty finding in that region is UNKNOWN', async () => {
    const sim = simulate().inject({ operation: 'guardduty:ListDetectors', region: US, type: 'access-denied' });
    const inventory = await collectFrom(sim, [guarddutyCollector]);
    expect(inventory.coverage.find((c) => c.kind === 'guardduty.detector' && c.region === US)).toMatchObject({
      status: 'error',
      issue: { code: 'ACCESS_DENIED', service: 'guardduty', operation: 'ListDetectors' },
    });
    const findings = findingsFor(inventory, ['guardduty.detector']);
    const us = findings.filter((f) => f.resource.region === US);
    expect(us.length).toBeGreaterThan(0);
    expect(us.every((f) => f.status === 'UNKNOWN')).toBe(true);
    expect(regionFinding(findings, EU)?.status).toBe('PASS');
  });

  test('a failing GetDetector marks that detector only, and nothing about it PASSes', async () => {
    const sim = simulate().inject({ operation: 'guardduty:GetDetector', region: EU, type: 'access-denied' });
    const inventory = await collectFrom(sim, [guarddutyCollector]);
    const [detector] = inventory.resources['guardduty.detector']!;
    expect(detector!.incomplete).toMatchObject({ code: 'ACCESS_DENIED', operation: 'GetDetector' });
    expect(inventory.coverage.filter((c) => c.kind === 'guardduty.detector').every((c) => c.status === 'ok')).toBe(true);
    // Nothing more is asked about a detector that could not be read.
    expect(sim.calls['guardduty:GetAdministratorAccount']).toBeUndefined();
    const eu = findingsFor(inventory, ['guardduty.detector']).filter((f) => f.resource.region === EU);
    expect(eu.length).toBeGreaterThan(0);
    expect(eu.every((f) => f.status === 'UNKNOWN')).toBe(true);
  });

  test.each(guarddutyCollector.tasks.map((t) => [t.kind, t] as const))('task %s alone calls only what it declares, and the example world reaches every declared call', async (_kind, task) => {
    const sim = simulate();
    await collectFrom(sim, [alone(guarddutyCollector, task)], { regions: AUDITED });
    expect(calledActions(sim)).toEqual([...task.permissions].sort());
  });
});
