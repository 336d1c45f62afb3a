import type { Check } from '../engine/check';
import { EKS_CHECKS } from './eks';

/**
 * Every check hardeks ships, in report order: one explicit list per service (lib/checks/<service>/index.ts).
 * No file-system discovery, so the Lambda bundle and the registry conformance test see exactly this list.
 */
export const ALL_CHECKS: readonly Check[] = Object.freeze([...EKS_CHECKS]);
