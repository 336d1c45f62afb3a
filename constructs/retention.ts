import type * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { HardeningErrorCode, HardeningValidationError } from './errors';

/**
 * Security logs are kept at least this long: incidents are often found weeks after they start, and
 * CIS AWS asks for 90 days of CloudTrail/flow-log history at the least.
 */
export const MINIMUM_RETENTION_DAYS = 90;

/** The retention, or a validation error when it is shorter than the hardened minimum. */
export function requireRetention(retention: logs.RetentionDays, prop: string, scope: IConstruct): logs.RetentionDays {
  // RetentionDays values are the number of days (INFINITE is 9999).
  if (retention < MINIMUM_RETENTION_DAYS) {
    throw new HardeningValidationError(HardeningErrorCode.LOG_RETENTION, `${prop} must keep logs at least ${MINIMUM_RETENTION_DAYS} days; got ${retention}`, scope);
  }
  return retention;
}
