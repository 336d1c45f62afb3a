import { fail, must, mustAll, notApplicable, type Verdict } from '../../../engine/check';
import type { Detector, DetectorFeature } from '../../../model';

/** Feature names as GetDetector reports them. */
export const FEATURE = {
  s3: 'S3_DATA_EVENTS',
  eksAuditLogs: 'EKS_AUDIT_LOGS',
  malware: 'EBS_MALWARE_PROTECTION',
  rds: 'RDS_LOGIN_EVENTS',
  lambda: 'LAMBDA_NETWORK_LOGS',
  /** The unified plan (EKS, ECS on Fargate, EC2), with per-resource agent management. */
  runtime: 'RUNTIME_MONITORING',
  /** The EKS-only plan that RUNTIME_MONITORING superseded; AWS refuses enabling both. */
  legacyEksRuntime: 'EKS_RUNTIME_MONITORING',
} as const;

export const EKS_ADDON_MANAGEMENT = 'EKS_ADDON_MANAGEMENT';

/**
 * Coverage parts the detector checks depend on: none beyond the detector itself. The
 * administrator (GetAdministratorAccount) only adds a name to messages and the finding counts are
 * read only by guardduty-no-active-high-severity-findings, so a failure of either must not turn
 * these verdicts UNKNOWN.
 */
export const DETECTOR_ONLY: readonly string[] = [];

/** The feature of that name, if the detector lists it. Every feature name is read through `must()`. */
export function featureNamed(detector: Detector, name: string): DetectorFeature | undefined {
  const names = mustAll(detector.features.map((f) => f.name));
  const index = names.indexOf(name);
  return index < 0 ? undefined : detector.features[index];
}

export function isEnabled(feature: { status: DetectorFeature['status'] } | undefined): boolean {
  return feature !== undefined && must(feature.status) === 'ENABLED';
}

/** Whether an additional configuration (e.g. EKS_ADDON_MANAGEMENT) of a feature is on. */
export function additionalEnabled(feature: DetectorFeature, name: string): boolean {
  const names = mustAll(feature.additionalConfiguration.map((c) => c.name));
  const index = names.indexOf(name);
  return index >= 0 && isEnabled(feature.additionalConfiguration[index]);
}

export function isSuspended(detector: Detector): boolean {
  return must(detector.status) !== 'ENABLED';
}

/** The administrator account that manages this detector, when the relationship is active. */
export function activeAdministrator(detector: Detector): string | undefined {
  const admin = detector.administrator;
  return admin !== undefined && admin.relationshipStatus === 'Enabled' ? admin.accountId : undefined;
}

/** " Only its GuardDuty administrator, account X, can change this." — members cannot change protection plans themselves. */
export function administratorNote(detector: Detector): string {
  const admin = activeAdministrator(detector);
  return admin ? ` Only its GuardDuty administrator, account ${admin}, can change this.` : '';
}

export function administratorEvidence(detector: Detector): Record<string, unknown> {
  const admin = activeAdministrator(detector);
  return admin ? { administratorAccountId: admin } : {};
}

/** A suspended detector runs no protection plan, whatever the plan's own status says. */
export function suspendedVerdict(detector: Detector, plan: string): Verdict {
  return fail(`The GuardDuty detector is suspended, so ${plan} does not run.${administratorNote(detector)}`, {
    evidence: { detectorStatus: 'DISABLED', ...administratorEvidence(detector) },
  });
}

/**
 * A feature the detector does not list: on a live detector GuardDuty does not offer it in this
 * region (nothing to enable); a template that leaves it out does not turn it on.
 */
export function unlistedFeatureVerdict(detector: Detector, plan: string, featureName: string): Verdict {
  if (detector.origin.kind === 'cfn') return fail(`The detector does not enable ${plan} (feature ${featureName} is not declared).`);
  return notApplicable(`GuardDuty does not offer ${plan} in this region (the detector does not list ${featureName}).`);
}
