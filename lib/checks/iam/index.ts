import type { Check } from '../../engine/check';

/** iam checks in report order. */
export const IAM_CHECKS: readonly Check[] = [];
