import type { Check } from '../../engine/check';
import { guarddutyEksAuditLogMonitoringEnabled } from './eks-audit-log-monitoring-enabled';
import { guarddutyEksClusterRuntimeMonitored } from './eks-cluster-runtime-monitored';
import { guarddutyEksRuntimeMonitoringEnabled } from './eks-runtime-monitoring-enabled';
import { guarddutyEnabledInRegion } from './enabled-in-region';
import { guarddutyLambdaProtectionEnabled } from './lambda-protection-enabled';
import { guarddutyMalwareProtectionEnabled } from './malware-protection-enabled';
import { guarddutyNoActiveHighSeverityFindings } from './no-active-high-severity-findings';
import { guarddutyRdsProtectionEnabled } from './rds-protection-enabled';
import { guarddutyS3ProtectionEnabled } from './s3-protection-enabled';

/** guardduty checks in report order: the detector and its open findings, the EKS protections, then the other plans. */
export const GUARDDUTY_CHECKS: readonly Check[] = [
  guarddutyEnabledInRegion,
  guarddutyNoActiveHighSeverityFindings,
  guarddutyEksAuditLogMonitoringEnabled,
  guarddutyEksRuntimeMonitoringEnabled,
  guarddutyEksClusterRuntimeMonitored,
  guarddutyMalwareProtectionEnabled,
  guarddutyS3ProtectionEnabled,
  guarddutyRdsProtectionEnabled,
  guarddutyLambdaProtectionEnabled,
];
