import { defineResourceCheck, fail, pass, type ResourceCheck } from '../../../engine/check';
import type { Frameworks, Severity } from '../../../engine/types';
import { DETECTOR_ONLY, administratorEvidence, administratorNote, featureNamed, isEnabled, isSuspended, suspendedVerdict, unlistedFeatureVerdict } from './features';

export interface ProtectionPlan {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** The plan's name in messages: "S3 Protection". */
  readonly plan: string;
  /** The detector feature that turns it on: S3_DATA_EVENTS. */
  readonly feature: string;
  readonly description: string;
  readonly risk: string;
  readonly remediation: string;
  readonly references: readonly string[];
  readonly frameworks: Partial<Frameworks>;
}

/**
 * A check that one GuardDuty protection plan is on for each detector. A suspended detector fails
 * (nothing runs); a member account's finding names the administrator account, which alone can
 * change the plan; a plan GuardDuty does not offer in the region is NOT_APPLICABLE.
 */
export function defineProtectionPlanCheck(spec: ProtectionPlan): ResourceCheck<'guardduty.detector'> {
  const { plan, feature: featureName, ...meta } = spec;
  return defineResourceCheck({
    ...meta,
    kind: 'guardduty.detector',
    parts: DETECTOR_ONLY,
    evaluate(detector) {
      if (isSuspended(detector)) return suspendedVerdict(detector, plan);
      const feature = featureNamed(detector, featureName);
      if (feature === undefined) return unlistedFeatureVerdict(detector, plan, featureName);
      const evidence = { feature: featureName, ...administratorEvidence(detector) };
      return isEnabled(feature)
        ? pass(`${plan} is enabled.`, { evidence })
        : fail(`${plan} is not enabled (${featureName} is DISABLED).${administratorNote(detector)}`, { evidence });
    },
  });
}
