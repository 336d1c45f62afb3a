import type { Check } from '../engine/check';
import { CLOUDTRAIL_CHECKS } from './cloudtrail';
import { EC2_CHECKS } from './ec2';
import { EKS_CHECKS } from './eks';
import { GUARDDUTY_CHECKS } from './guardduty';
import { IAM_CHECKS } from './iam';
import { KMS_CHECKS } from './kms';
import { VPC_CHECKS } from './vpc';

/**
 * Every check hardeks ships, in report order: one explicit list per service (lib/checks/<service>/index.ts).
 * No file-system discovery, so the Lambda bundle and the registry conformance test see exactly this list.
 */
export const ALL_CHECKS: readonly Check[] = Object.freeze([
  ...IAM_CHECKS,
  ...EC2_CHECKS,
  ...VPC_CHECKS,
  ...KMS_CHECKS,
  ...CLOUDTRAIL_CHECKS,
  ...GUARDDUTY_CHECKS,
  ...EKS_CHECKS,
]);
