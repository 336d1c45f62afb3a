import type { Check } from '../../engine/check';

/** ec2 checks in report order. */
export const EC2_CHECKS: readonly Check[] = [];
