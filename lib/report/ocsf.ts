import type { Finding, Report, Severity, Status } from '../engine/types';
import { checksOfReport, frameworkLabels, resourceName, type CheckInfo, type FormatOptions } from './catalog-info';
import { identityDigest } from './identity';
import { asffResourceType } from './asff';

/** The OCSF schema version the events follow. */
export const OCSF_VERSION = '1.3.0';

/** Findings category, Compliance Finding class; Create activity (each audit reports what it found then). */
export const OCSF_COMPLIANCE_FINDING = { categoryUid: 2, categoryName: 'Findings', classUid: 2003, className: 'Compliance Finding', activityId: 1, activityName: 'Create' } as const;

const SEVERITY_ID: Record<Severity, number> = { info: 1, low: 2, medium: 3, high: 4, critical: 5 };
const SEVERITY_CAPTION: Record<Severity, string> = { info: 'Informational', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/**
 * OCSF compliance statuses: 1 Pass, 2 Warning (no result for lack of information), 3 Fail,
 * 99 Other (an error in the check, or a check that did not apply) with the hardeks status as caption.
 */
const COMPLIANCE_STATUS: Record<Status, { id: number; caption: string }> = {
  PASS: { id: 1, caption: 'Pass' },
  UNKNOWN: { id: 2, caption: 'Warning' },
  FAIL: { id: 3, caption: 'Fail' },
  ERROR: { id: 99, caption: 'Error' },
  NOT_APPLICABLE: { id: 99, caption: 'Not Applicable' },
};

export type OcsfEvent = Record<string, unknown> & { class_uid: number; type_uid: number };

/**
 * OCSF Compliance Finding events (class 2003), one per finding, as a JSON array: the shape
 * Amazon Security Lake custom sources and Prowler's OCSF output use.
 */
export function formatOcsf(report: Report, options: FormatOptions = {}): string {
  return `${JSON.stringify(toOcsf(report, options), null, 2)}\n`;
}

export function toOcsf(report: Report, options: FormatOptions = {}): OcsfEvent[] {
  const checks = new Map(checksOfReport(report, options.catalog).map((c) => [c.id, c]));
  return report.findings.map((f) => toEvent(f, checks.get(f.checkId), report));
}

function toEvent(f: Finding, check: CheckInfo | undefined, report: Report): OcsfEvent {
  const time = Date.parse(report.metadata.generatedAt);
  const { categoryUid, categoryName, classUid, className, activityId, activityName } = OCSF_COMPLIANCE_FINDING;
  const status = COMPLIANCE_STATUS[f.status];
  const uid = `hardeks-${f.checkId}-${identityDigest(f)}`;
  return {
    category_uid: categoryUid,
    category_name: categoryName,
    class_uid: classUid,
    class_name: className,
    activity_id: activityId,
    activity_name: activityName,
    type_uid: classUid * 100 + activityId,
    type_name: `${className}: ${activityName}`,
    severity_id: SEVERITY_ID[f.severity],
    severity: SEVERITY_CAPTION[f.severity],
    time,
    time_dt: report.metadata.generatedAt,
    message: f.message,
    // The finding's lifecycle: new, or suppressed when the risk was accepted.
    status_id: f.suppressed ? 3 : 1,
    status: f.suppressed ? 'Suppressed' : 'New',
    ...(f.suppressed ? { status_detail: f.suppressed.reason } : {}),
    metadata: {
      version: OCSF_VERSION,
      uid,
      event_code: f.checkId,
      profiles: ['cloud', 'datetime'],
      product: { name: 'hardeks', vendor_name: 'hardeks', version: report.metadata.tool.version, uid: 'hardeks' },
    },
    finding_info: {
      uid,
      title: f.title,
      desc: check?.description ?? f.title,
      types: [f.service, ...(f.key ? [f.key] : [])],
      created_time: time,
      created_time_dt: report.metadata.generatedAt,
      first_seen_time: time,
      last_seen_time: time,
      product_uid: 'hardeks',
    },
    compliance: {
      standards: standardsOf(f),
      requirements: frameworkLabels(f.frameworks),
      control: f.checkId,
      status_id: status.id,
      status: status.caption,
      status_code: f.status,
      status_detail: f.message,
    },
    remediation: { desc: f.remediation, ...(check && check.references.length > 0 ? { references: [...check.references] } : {}) },
    cloud: {
      provider: 'AWS',
      ...(/^\d{12}$/.test(f.resource.accountId) ? { account: { uid: f.resource.accountId, type: 'AWS Account', type_id: 10 } } : {}),
      region: f.resource.region,
    },
    resources: [
      {
        uid: f.resource.id,
        name: resourceName(f),
        type: asffResourceType(f.resource.kind),
        region: f.resource.region,
        group: { name: f.service },
        ...(f.resource.origin?.kind === 'cfn' ? { data: { stack: f.resource.origin.stack, logical_id: f.resource.origin.logicalId, file: f.resource.origin.file, line: f.resource.origin.line } } : {}),
      },
    ],
    unmapped: {
      check_id: f.checkId,
      hardeks_status: f.status,
      ...(f.key ? { key: f.key } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.suppressed ? { suppression: f.suppressed } : {}),
    },
  };
}

/** The frameworks a finding counts towards (OCSF `compliance.standards` is required). */
function standardsOf(f: Finding): string[] {
  const standards = [
    ...(f.frameworks.securityHub.length > 0 ? ['AWS Security Hub controls'] : []),
    ...Object.keys(f.frameworks.cisAws).map((v) => `CIS AWS Foundations Benchmark v${v}`),
    ...Object.keys(f.frameworks.cisEks).map((v) => `CIS Amazon EKS Benchmark v${v}`),
    ...(f.frameworks.wellArchitected.length > 0 ? ['AWS Well-Architected Framework (security pillar)'] : []),
  ];
  return standards.length > 0 ? standards : ['hardeks'];
}
