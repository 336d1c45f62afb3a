import { must } from '../../../engine/check';
import type { Detector } from '../../../model';
import { EKS_ADDON_MANAGEMENT, FEATURE, additionalEnabled, featureNamed, isEnabled } from './features';

/** EKS runtime monitoring as a detector has it, from the unified or the legacy feature. */
export interface EksRuntimeMonitoring {
  /** Whether the detector lists either runtime feature at all. */
  readonly listed: boolean;
  /** The feature that turns it on, if any. */
  readonly enabledBy?: typeof FEATURE.runtime | typeof FEATURE.legacyEksRuntime;
  /** GuardDuty deploys and updates the aws-guardduty-agent add-on itself (EKS_ADDON_MANAGEMENT). */
  readonly agentManagedByGuardDuty: boolean;
}

/**
 * Accepts either the unified RUNTIME_MONITORING or the legacy EKS_RUNTIME_MONITORING, and never
 * asks for both: AWS refuses enabling both, and accounts migrated to the unified plan report the
 * legacy one as DISABLED. When both are on, the one with agent management wins.
 */
export function eksRuntimeMonitoring(detector: Detector): EksRuntimeMonitoring {
  const candidates = [featureNamed(detector, FEATURE.runtime), featureNamed(detector, FEATURE.legacyEksRuntime)];
  const listed = candidates.some((f) => f !== undefined);
  const on = candidates.filter(isEnabled);
  const managed = on.find((f) => f !== undefined && additionalEnabled(f, EKS_ADDON_MANAGEMENT));
  const chosen = managed ?? on[0];
  if (chosen === undefined) return { listed, agentManagedByGuardDuty: false };
  return {
    listed,
    enabledBy: must(chosen.name) as EksRuntimeMonitoring['enabledBy'],
    agentManagedByGuardDuty: managed !== undefined,
  };
}
