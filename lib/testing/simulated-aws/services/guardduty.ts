import type { Administrator, Finding, GetDetectorResponse } from '@aws-sdk/client-guardduty';
import { REST_JSON_STYLE, awsError } from '../errors';
import { page } from '../paging';
import type { CallContext, SimService } from '../simulated-aws';
import type { ByRegion } from '../world';

/** A finding as far as statistics need it: its severity and whether it is archived (`Service.Archived`). */
export type GuardDutyWorldFinding = Pick<Finding, 'Id' | 'Type' | 'Severity' | 'Service'>;

/** One detector in the SDK's shapes: GetDetector's answer, the administrator (if any) and its findings. */
export interface GuardDutyWorldDetector {
  readonly detectorId: string;
  readonly detector: GetDetectorResponse;
  readonly administrator?: Administrator;
  readonly findings?: readonly GuardDutyWorldFinding[];
}

/** A region without detectors is a region where GuardDuty is off: ListDetectors answers an empty list. */
export interface GuardDutyRegionWorld {
  readonly detectors: readonly GuardDutyWorldDetector[];
}

declare module '../world' {
  interface SimServices {
    guardduty?: ByRegion<GuardDutyRegionWorld>;
  }
}

const regionOf = (call: CallContext): GuardDutyRegionWorld => call.world.services.guardduty?.[call.region] ?? { detectors: [] };

function detector(call: CallContext, detectorId: string): GuardDutyWorldDetector {
  const found = regionOf(call).detectors.find((d) => d.detectorId === detectorId);
  if (!found) throw awsError('BadRequestException', 400, 'The request is rejected because the input detectorId is not owned by the current account.');
  return found;
}

type Condition = { Eq?: string[]; Neq?: string[] };

/** The criteria the simulation understands: whether a finding is archived. */
function matches(finding: GuardDutyWorldFinding, criterion: Readonly<Record<string, Condition>>): boolean {
  return Object.entries(criterion).every(([field, condition]) => {
    if (field !== 'service.archived') throw new Error(`simulated AWS: GuardDuty criterion ${field} is not simulated`);
    const archived = String(finding.Service?.Archived ?? false);
    return (condition.Eq === undefined || condition.Eq.includes(archived)) && (condition.Neq === undefined || !condition.Neq.includes(archived));
  });
}

/** Severity values as GuardDuty prints them in statistics keys (`8.0`). */
const severityKey = (severity: number) => severity.toFixed(1);

export const guarddutyService: SimService = {
  service: 'guardduty',
  errors: REST_JSON_STYLE,
  operations: {
    ListDetectors: (input: { MaxResults?: number; NextToken?: string }, call) => {
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 50)) {
        throw awsError('BadRequestException', 400, 'The request is rejected because maxResults must be between 1 and 50.');
      }
      const p = page(regionOf(call).detectors.map((d) => d.detectorId), input.NextToken, Math.min(input.MaxResults ?? 50, call.pageSize));
      return { DetectorIds: p.items, ...(p.next ? { NextToken: p.next } : {}) };
    },
    GetDetector: (input: { DetectorId: string }, call) => detector(call, input.DetectorId).detector,
    GetAdministratorAccount: (input: { DetectorId: string }, call) => {
      const admin = detector(call, input.DetectorId).administrator;
      return admin ? { Administrator: admin } : {};
    },
    GetFindingsStatistics: (input: { DetectorId: string; FindingStatisticTypes?: string[]; FindingCriteria?: { Criterion?: Record<string, Condition> } }, call) => {
      const found = detector(call, input.DetectorId);
      if (!input.FindingStatisticTypes?.includes('COUNT_BY_SEVERITY')) throw new Error('simulated AWS: only COUNT_BY_SEVERITY statistics are simulated');
      const counts: Record<string, number> = {};
      for (const finding of found.findings ?? []) {
        if (!matches(finding, input.FindingCriteria?.Criterion ?? {})) continue;
        const key = severityKey(finding.Severity ?? 0);
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return { FindingStatistics: { CountBySeverity: counts } };
    },
  },
};

const EXAMPLE_ACCOUNT = '210987654321';
const EXAMPLE_ADMINISTRATOR = '345678901234';

const finding = (id: string, severity: number, archived = false): GuardDutyWorldFinding => ({
  Id: id,
  Type: 'Recon:EC2/PortProbeUnprotectedPort',
  Severity: severity,
  Service: { Archived: archived },
});

/**
 * GuardDuty in two regions, exercising every call path: eu-west-1 has a detector managed by a
 * delegated administrator, with every protection plan listed and findings in each severity band
 * (critical and archived ones included); us-east-1 has no detector at all.
 */
export function exampleGuardDutyWorld(account: string = EXAMPLE_ACCOUNT): ByRegion<GuardDutyRegionWorld> {
  return {
    'eu-west-1': {
      detectors: [
        {
          detectorId: '6cc5a1b2c3d4e5f60718293a4b5c6d7e',
          detector: {
            CreatedAt: '2024-02-01T10:00:00.000Z',
            UpdatedAt: '2026-10-01T10:00:00.000Z',
            FindingPublishingFrequency: 'FIFTEEN_MINUTES',
            ServiceRole: `arn:aws:iam::${account}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
            Status: 'ENABLED',
            Tags: { owner: 'security' },
            Features: [
              { Name: 'CLOUD_TRAIL', Status: 'ENABLED' },
              { Name: 'DNS_LOGS', Status: 'ENABLED' },
              { Name: 'FLOW_LOGS', Status: 'ENABLED' },
              { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
              { Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' },
              { Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' },
              { Name: 'RDS_LOGIN_EVENTS', Status: 'DISABLED' },
              { Name: 'LAMBDA_NETWORK_LOGS', Status: 'DISABLED' },
              {
                Name: 'RUNTIME_MONITORING',
                Status: 'ENABLED',
                AdditionalConfiguration: [
                  { Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' },
                  { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'DISABLED' },
                  { Name: 'EC2_AGENT_MANAGEMENT', Status: 'DISABLED' },
                ],
              },
            ],
          },
          administrator: { AccountId: EXAMPLE_ADMINISTRATOR, InvitationId: 'c8b2f1e0a9d84c7b', RelationshipStatus: 'Enabled', InvitedAt: '2024-02-01T10:05:00.000Z' },
          findings: [finding('f-critical', 9.2), finding('f-high', 8), finding('f-medium-1', 5), finding('f-medium-2', 4.5), finding('f-low', 2), finding('f-archived-high', 8, true)],
        },
      ],
    },
    'us-east-1': { detectors: [] },
  };
}
