import type { Check } from '../../engine/check';

/** guardduty checks in report order. */
export const GUARDDUTY_CHECKS: readonly Check[] = [];
