import type { Check } from '../../engine/check';
import { eksControlPlaneLogging } from './control-plane-logging';
import { eksEndpointNotPublic } from './endpoint-not-public';
import { eksSecretsEncrypted } from './secrets-encrypted';

/** EKS checks in report order. */
export const EKS_CHECKS: readonly Check[] = [eksEndpointNotPublic, eksSecretsEncrypted, eksControlPlaneLogging];
