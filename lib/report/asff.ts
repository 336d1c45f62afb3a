import type { Finding, Report, Severity, Status } from '../engine/types';
import { InputError } from '../errors';
import type { ResourceKind } from '../model';
import { checksOfReport, frameworkLabels, resourceName, type CheckInfo, type FormatOptions } from './catalog-info';
import { identityDigest } from './identity';

export interface AsffOptions extends FormatOptions {
  /**
   * The region findings are imported into (BatchImportFindings accepts only findings whose
   * ProductArn names its own region). Default: each finding's region; account-wide (global)
   * findings go to the report's first region, else us-east-1.
   */
  readonly region?: string;
  /** The account for findings whose source does not know it (templates); must be 12 digits. */
  readonly accountId?: string;
}

/** The ASFF field limits BatchImportFindings enforces; values are cut to fit, never rejected. */
export const ASFF_LIMITS = { id: 512, generatorId: 512, title: 256, description: 1024, recommendation: 512, types: 50, resources: 32, relatedRequirements: 32, productFields: 50 } as const;

/** AWS's resource type names, where ASFF has one; `Other` for the rest. */
const RESOURCE_TYPE: Partial<Record<ResourceKind | 'account', string>> = {
  account: 'AwsAccount',
  'iam.account': 'AwsAccount',
  'iam.user': 'AwsIamUser',
  'iam.group': 'AwsIamGroup',
  'iam.role': 'AwsIamRole',
  'iam.policy': 'AwsIamPolicy',
  'ec2.vpc': 'AwsEc2Vpc',
  'ec2.subnet': 'AwsEc2Subnet',
  'ec2.security-group': 'AwsEc2SecurityGroup',
  'ec2.network-acl': 'AwsEc2NetworkAcl',
  'ec2.instance': 'AwsEc2Instance',
  'ec2.launch-template': 'AwsEc2LaunchTemplate',
  'ec2.volume': 'AwsEc2Volume',
  'ec2.network-interface': 'AwsEc2NetworkInterface',
  // EBS default encryption and IMDS defaults are account settings of a region.
  'ec2.region-settings': 'AwsAccount',
  'kms.key': 'AwsKmsKey',
  'cloudtrail.trail': 'AwsCloudTrailTrail',
  's3.bucket': 'AwsS3Bucket',
  'guardduty.detector': 'AwsGuardDutyDetector',
  'eks.cluster': 'AwsEksCluster',
};

export function asffResourceType(kind: ResourceKind | 'account'): string {
  return RESOURCE_TYPE[kind] ?? 'Other';
}

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFORMATIONAL' };
const SEVERITY_NORMALIZED: Record<Severity, number> = { critical: 90, high: 70, medium: 40, low: 1, info: 0 };

/** PASSED/FAILED are judgements; WARNING: information was missing; NOT_AVAILABLE: the check could not run or did not apply. */
const COMPLIANCE_STATUS: Record<Status, string> = { PASS: 'PASSED', FAIL: 'FAILED', UNKNOWN: 'WARNING', ERROR: 'NOT_AVAILABLE', NOT_APPLICABLE: 'NOT_AVAILABLE' };

/** An ASFF finding (the fields hardeks sets). */
export type AsffFinding = Record<string, unknown> & { Id: string; ProductArn: string };

/**
 * AWS Security Finding Format for Security Hub (BatchImportFindings takes at most 100 per call).
 * Every finding is exported, PASS included, so Security Hub sees a fixed problem as resolved; Ids
 * are derived from the finding's identity, so re-importing updates findings instead of duplicating them.
 */
export function formatAsff(report: Report, options: AsffOptions = {}): string {
  return `${JSON.stringify(toAsff(report, options), null, 2)}\n`;
}

export function toAsff(report: Report, options: AsffOptions = {}): AsffFinding[] {
  const checks = new Map(checksOfReport(report, options.catalog).map((c) => [c.id, c]));
  const fallbackRegion = options.region ?? firstRegion(report) ?? 'us-east-1';
  return report.findings.map((f) => toAsffFinding(f, checks.get(f.checkId), report, options, fallbackRegion));
}

function toAsffFinding(f: Finding, check: CheckInfo | undefined, report: Report, options: AsffOptions, fallbackRegion: string): AsffFinding {
  const accountId = accountOf(f, options);
  const partition = partitionOf(f, report);
  const region = options.region ?? (isRegion(f.resource.region) ? f.resource.region : fallbackRegion);
  const now = report.metadata.generatedAt;
  const controls = frameworkLabels(f.frameworks);
  const reference = check?.references[0];
  return {
    SchemaVersion: '2018-10-08',
    Id: cut(`hardeks/${accountId}/${region}/${f.checkId}/${identityDigest(f)}`, ASFF_LIMITS.id),
    ProductArn: `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`,
    ProductName: 'hardeks',
    CompanyName: 'hardeks',
    Region: region,
    GeneratorId: cut(`hardeks/${f.checkId}`, ASFF_LIMITS.generatorId),
    AwsAccountId: accountId,
    Types: ['Software and Configuration Checks/AWS Security Best Practices', ...(hasIndustryControls(f) ? ['Software and Configuration Checks/Industry and Regulatory Standards'] : [])],
    FirstObservedAt: now,
    LastObservedAt: now,
    CreatedAt: now,
    UpdatedAt: now,
    Severity: { Label: SEVERITY_LABEL[f.severity], Normalized: SEVERITY_NORMALIZED[f.severity], Original: f.severity },
    Title: cut(f.title, ASFF_LIMITS.title),
    Description: cut(f.message, ASFF_LIMITS.description),
    Remediation: { Recommendation: { Text: cut(f.remediation, ASFF_LIMITS.recommendation), ...(reference ? { Url: reference } : {}) } },
    ProductFields: productFields(f, report),
    Resources: [
      {
        Type: asffResourceType(f.resource.kind),
        Id: cut(f.resource.kind === 'account' ? `AWS::::Account:${accountId}` : f.resource.id, 512),
        Partition: partition,
        Region: region,
        ...(f.resource.origin?.kind === 'cfn' ? { Details: { Other: cfnDetails(f.resource.origin) } } : {}),
      },
    ],
    Compliance: {
      Status: COMPLIANCE_STATUS[f.status],
      ...(controls.length > 0 ? { RelatedRequirements: controls.slice(0, ASFF_LIMITS.relatedRequirements) } : {}),
      ...(f.status === 'UNKNOWN' || f.status === 'ERROR' ? { StatusReasons: [{ ReasonCode: f.status === 'UNKNOWN' ? 'DATA_NOT_COLLECTED' : 'CHECK_ERROR', Description: cut(f.message, 2048) }] } : {}),
    },
    // A suppressed finding is an accepted risk: Security Hub's workflow state for that is SUPPRESSED.
    Workflow: { Status: f.suppressed ? 'SUPPRESSED' : f.status === 'PASS' ? 'RESOLVED' : 'NEW' },
    RecordState: f.status === 'NOT_APPLICABLE' ? 'ARCHIVED' : 'ACTIVE',
    ...(f.suppressed ? { Note: { Text: cut(`Accepted risk: ${f.suppressed.reason}`, 512), UpdatedBy: 'hardeks', UpdatedAt: now } } : {}),
  };
}

function productFields(f: Finding, report: Report): Record<string, string> {
  const fields: Record<string, string> = {
    'hardeks/CheckId': f.checkId,
    'hardeks/Status': f.status,
    'hardeks/Service': f.service,
    'hardeks/ResourceKind': f.resource.kind,
    'hardeks/ResourceName': resourceName(f),
    'hardeks/Source': report.metadata.source.type,
    'hardeks/Version': report.metadata.tool.version,
  };
  if (f.key) fields['hardeks/Key'] = f.key;
  if (f.suppressed) {
    fields['hardeks/SuppressionReason'] = cut(f.suppressed.reason, 2048);
    if (f.suppressed.expires) fields['hardeks/SuppressionExpires'] = f.suppressed.expires;
  }
  return fields;
}

function cfnDetails(origin: { stack: string; logicalId: string; constructPath?: string; file?: string; line?: number }): Record<string, string> {
  return {
    Stack: origin.stack,
    LogicalId: origin.logicalId,
    ...(origin.constructPath ? { ConstructPath: origin.constructPath } : {}),
    ...(origin.file ? { Template: origin.file } : {}),
    ...(origin.line !== undefined ? { Line: String(origin.line) } : {}),
  };
}

const hasIndustryControls = (f: Finding) =>
  f.frameworks.securityHub.length > 0 || Object.keys(f.frameworks.cisAws).length > 0 || Object.keys(f.frameworks.cisEks).length > 0;

function accountOf(f: Finding, options: AsffOptions): string {
  const account = /^\d{12}$/.test(f.resource.accountId) ? f.resource.accountId : options.accountId;
  if (account === undefined || !/^\d{12}$/.test(account)) {
    throw new InputError(
      'ASFF_ACCOUNT_UNKNOWN',
      `Security Hub needs the 12-digit account of every finding, and ${f.resource.id} has none (${f.resource.accountId}); ` +
        'for a template audit pass --parameter AWS::AccountId=<account>',
    );
  }
  return account;
}

function partitionOf(f: Finding, report: Report): string {
  const fromArn = /^arn:([^:]+):/.exec(f.resource.id)?.[1];
  const declared = report.metadata.source.partition;
  return fromArn ?? (typeof declared === 'string' ? declared : 'aws');
}

const isRegion = (region: string) => /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region);

function firstRegion(report: Report): string | undefined {
  const regions = report.metadata.source.regions;
  return Array.isArray(regions) ? regions.find((r): r is string => typeof r === 'string' && isRegion(r)) : undefined;
}

/** Fits a value to a field limit, saying that it was cut. */
function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
