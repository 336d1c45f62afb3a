import type { Check } from '../../engine/check';

/** vpc checks in report order. */
export const VPC_CHECKS: readonly Check[] = [];
