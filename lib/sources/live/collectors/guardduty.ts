import {
  GetAdministratorAccountCommand,
  GetDetectorCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  paginateListDetectors,
  type Administrator,
  type DataSourceConfigurationsResult,
  type GetDetectorResponse,
} from '@aws-sdk/client-guardduty';
import type { CollectionIssue, Detector, DetectorFeature, Origin } from '../../../model';
import type { Collector, TaskContext } from '../collector';
import { compact } from '../convert';
import type { Location } from './eks';

type ActiveFindings = NonNullable<Detector['activeFindings']>;

const origin = (arn: string, at: Location): Origin => ({ kind: 'aws', arn, accountId: at.accountId, region: at.region });
const detectorArn = (detectorId: string, at: Location) => `arn:${at.partition ?? 'aws'}:guardduty:${at.region}:${at.accountId}:detector/${detectorId}`;
const featureStatus = (status: string | undefined): 'ENABLED' | 'DISABLED' => (status === 'ENABLED' ? 'ENABLED' : 'DISABLED');

/**
 * Detectors created before protection plans were "features" may answer only the legacy
 * DataSources block; it maps onto the feature names GetDetector uses today.
 */
export function featuresFromDataSources(sources: DataSourceConfigurationsResult): DetectorFeature[] {
  const legacy: [string, string | undefined][] = [
    ['CLOUD_TRAIL', sources.CloudTrail?.Status],
    ['DNS_LOGS', sources.DNSLogs?.Status],
    ['FLOW_LOGS', sources.FlowLogs?.Status],
    ['S3_DATA_EVENTS', sources.S3Logs?.Status],
    ['EKS_AUDIT_LOGS', sources.Kubernetes?.AuditLogs?.Status],
    ['EBS_MALWARE_PROTECTION', sources.MalwareProtection?.ScanEc2InstanceWithFindings?.EbsVolumes?.Status],
  ];
  return legacy.filter(([, status]) => status !== undefined).map(([name, status]) => ({ name, status: featureStatus(status), additionalConfiguration: [] }));
}

/** GetDetector's Features (with their additional configuration), or the legacy DataSources when Features is absent. */
export function detectorFeatures(d: GetDetectorResponse): DetectorFeature[] {
  if (d.Features === undefined) return d.DataSources ? featuresFromDataSources(d.DataSources) : [];
  return d.Features.filter((f) => f.Name !== undefined).map((f) => ({
    name: f.Name!,
    status: featureStatus(f.Status),
    additionalConfiguration: (f.AdditionalConfiguration ?? []).filter((c) => c.Name !== undefined).map((c) => ({ name: c.Name!, status: featureStatus(c.Status) })),
  }));
}

/**
 * GuardDuty severity values to the model's bands, as the GuardDuty user guide defines them:
 * low 1.0–3.9, medium 4.0–6.9, high 7.0–8.9, critical 9.0–10.0. The model has no critical band,
 * so critical findings count as high (they are at least that).
 */
export function severityBand(severity: number): keyof ActiveFindings {
  if (severity >= 7) return 'high';
  if (severity >= 4) return 'medium';
  return 'low';
}

/** GetFindingsStatistics COUNT_BY_SEVERITY (`{ "8.0": 2, "5": 1 }`, keys are severity values) → counts per band. */
export function activeFindingsBySeverity(countBySeverity: Readonly<Record<string, number>> | undefined): ActiveFindings {
  const bands: ActiveFindings = { high: 0, medium: 0, low: 0 };
  for (const [severity, count] of Object.entries(countBySeverity ?? {})) {
    const value = Number.parseFloat(severity);
    if (Number.isNaN(value)) continue;
    bands[severityBand(value)] += count;
  }
  return bands;
}

/** Pure mapping from GetDetector (+ administrator and finding counts, when collected) to the model. */
export function toDetector(detectorId: string, d: GetDetectorResponse, at: Location, extra: { administrator?: Administrator; activeFindings?: ActiveFindings } = {}): Detector {
  const arn = detectorArn(detectorId, at);
  const admin = extra.administrator;
  return compact({
    kind: 'guardduty.detector' as const,
    id: arn,
    origin: origin(arn, at),
    tags: d.Tags ?? {},
    detectorId,
    status: featureStatus(d.Status),
    findingPublishingFrequency: d.FindingPublishingFrequency,
    features: detectorFeatures(d),
    administrator: admin?.AccountId ? { accountId: admin.AccountId, relationshipStatus: admin.RelationshipStatus ?? 'Unknown' } : undefined,
    activeFindings: extra.activeFindings,
  });
}

/** A detector whose GetDetector failed: known by id only, judged UNKNOWN; placeholders never look enabled. */
export function incompleteDetector(detectorId: string, issue: CollectionIssue, at: Location): Detector {
  const arn = detectorArn(detectorId, at);
  return { kind: 'guardduty.detector', id: arn, origin: origin(arn, at), incomplete: issue, detectorId, status: 'DISABLED', features: [] };
}

const at = (ctx: TaskContext): Location => ({ accountId: ctx.accountId, region: ctx.region, partition: ctx.partition });

/** Findings that are not archived are the active ones. */
const ACTIVE_FINDINGS = { Criterion: { 'service.archived': { Eq: ['false'] } } };

async function listDetectorIds(guardduty: GuardDutyClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListDetectors({ client: guardduty }, { MaxResults: 50 })) ids.push(...(page.DetectorIds ?? []));
  return ids;
}

async function collectDetector(ctx: TaskContext, guardduty: GuardDutyClient, DetectorId: string): Promise<Detector> {
  const described = await ctx.perResource('GetDetector', () => guardduty.send(new GetDetectorCommand({ DetectorId })));
  if (!described.ok) return incompleteDetector(DetectorId, described.issue, at(ctx));
  // Parts, not the detector: a check that does not read them is not held back when they fail.
  const [administrator, activeFindings] = await Promise.all([
    ctx.part('guardduty.detector', 'administrator', 'GetAdministratorAccount', async () => (await guardduty.send(new GetAdministratorAccountCommand({ DetectorId }))).Administrator, undefined),
    ctx.part(
      'guardduty.detector',
      'activeFindings',
      'GetFindingsStatistics',
      async () => {
        // COUNT_BY_SEVERITY answers every severity value at once; GroupBy SEVERITY caps at MaxResults without paging.
        const out = await guardduty.send(new GetFindingsStatisticsCommand({ DetectorId, FindingStatisticTypes: ['COUNT_BY_SEVERITY'], FindingCriteria: ACTIVE_FINDINGS }));
        return activeFindingsBySeverity(out.FindingStatistics?.CountBySeverity);
      },
      undefined,
    ),
  ]);
  return toDetector(DetectorId, described.value, at(ctx), compact({ administrator, activeFindings }));
}

export const guarddutyCollector: Collector = {
  service: 'guardduty',
  scope: 'regional',
  tasks: [
    {
      kind: 'guardduty.detector',
      permissions: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:GetAdministratorAccount', 'guardduty:GetFindingsStatistics'],
      async collect(ctx) {
        const guardduty = ctx.client(GuardDutyClient);
        // An empty list is a fact: GuardDuty is off in this region (the region check FAILs, it is not UNKNOWN).
        const ids = await listDetectorIds(guardduty);
        ctx.add('guardduty.detector', ...(await Promise.all(ids.map((id) => collectDetector(ctx, guardduty, id)))));
      },
    },
  ],
};
