import type { Check } from '../../engine/check';

/** cloudtrail checks in report order. */
export const CLOUDTRAIL_CHECKS: readonly Check[] = [];
