import type { Check } from '../../engine/check';

/** kms checks in report order. */
export const KMS_CHECKS: readonly Check[] = [];
