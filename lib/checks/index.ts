import type { Check } from '../engine/check';
import { eksControlPlaneLogging } from './eks/control-plane-logging';
import { eksEndpointNotPublic } from './eks/endpoint-not-public';
import { eksSecretsEncrypted } from './eks/secrets-encrypted';

/**
 * Every check hardeks ships, in report order. Explicit on purpose: no file-system discovery, so the
 * Lambda bundle and the registry conformance test see exactly this list.
 */
export const ALL_CHECKS: readonly Check[] = Object.freeze([eksEndpointNotPublic, eksSecretsEncrypted, eksControlPlaneLogging]);

export { eksControlPlaneLogging, eksEndpointNotPublic, eksSecretsEncrypted };
