import { z } from 'zod';
import { resourceBase } from './common';
import { resolvable } from './resolvable';

const rstring = resolvable(z.string());
const status = resolvable(z.enum(['ENABLED', 'DISABLED']));

/**
 * A GuardDuty protection feature (`GetDetector` Features): S3_DATA_EVENTS, EKS_AUDIT_LOGS,
 * EBS_MALWARE_PROTECTION, RDS_LOGIN_EVENTS, LAMBDA_NETWORK_LOGS, RUNTIME_MONITORING (with
 * additional configuration EKS_ADDON_MANAGEMENT, ECS_FARGATE_AGENT_MANAGEMENT, EC2_AGENT_MANAGEMENT)
 * and the legacy EKS_RUNTIME_MONITORING.
 */
export const detectorFeatureSchema = z.strictObject({
  name: rstring,
  status,
  additionalConfiguration: z.array(z.strictObject({ name: rstring, status })),
});

export const detectorSchema = z.strictObject({
  kind: z.literal('guardduty.detector'),
  ...resourceBase,
  detectorId: rstring,
  status,
  findingPublishingFrequency: rstring.optional(),
  features: z.array(detectorFeatureSchema),
  /** The administrator account managing this detector (delegated admin or invitation), if any. */
  administrator: z.strictObject({ accountId: z.string(), relationshipStatus: z.string() }).optional(),
  /** Counts of current (not archived) findings by severity band; absent when not collected. */
  activeFindings: z.strictObject({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }).optional(),
});

export interface Detector extends z.infer<typeof detectorSchema> {}
export type DetectorFeature = z.infer<typeof detectorFeatureSchema>;
