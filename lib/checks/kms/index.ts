import type { Check } from '../../engine/check';
import { kmsCustomerKeysEnabled } from './customer-keys-enabled';
import { kmsKeyPolicyCrossAccountConditions } from './key-policy-cross-account-conditions';
import { kmsKeyPolicyNotPublic } from './key-policy-not-public';
import { kmsKeyRotationEnabled } from './key-rotation-enabled';
import { kmsKeysNotPendingDeletion } from './keys-not-pending-deletion';

/** KMS checks in report order. */
export const KMS_CHECKS: readonly Check[] = [kmsKeyPolicyNotPublic, kmsKeysNotPendingDeletion, kmsKeyPolicyCrossAccountConditions, kmsKeyRotationEnabled, kmsCustomerKeysEnabled];
