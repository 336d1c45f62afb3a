import { defineResourceCheck, fail, pass } from '../../engine/check';
import { DETECTOR_ONLY, FEATURE, administratorEvidence, administratorNote, isSuspended, suspendedVerdict, unlistedFeatureVerdict } from './lib/features';
import { eksRuntimeMonitoring } from './lib/runtime';

const PLAN = 'EKS Runtime Monitoring';

export const guarddutyEksRuntimeMonitoringEnabled = defineResourceCheck({
  id: 'guardduty-eks-runtime-monitoring-enabled',
  kind: 'guardduty.detector',
  parts: DETECTOR_ONLY,
  title: 'GuardDuty Runtime Monitoring covers EKS, with the security agent managed',
  severity: 'high',
  description:
    'Each GuardDuty detector has runtime monitoring for EKS on, through either the unified RUNTIME_MONITORING feature or the ' +
    'legacy EKS_RUNTIME_MONITORING feature — never both: AWS refuses enabling both, and a migrated account reports the legacy ' +
    'feature DISABLED. The EKS_ADDON_MANAGEMENT configuration must be on, so GuardDuty deploys and updates the security agent ' +
    'on every cluster; set option `allowManualAgent: true` (default false) if you deploy the aws-guardduty-agent add-on ' +
    'yourself, and let `guardduty-eks-cluster-runtime-monitored` verify it is on each cluster.',
  risk:
    'Without runtime monitoring, what runs inside containers and on nodes (reverse shells, crypto-miners, container escapes, ' +
    'credential theft from the instance metadata service) raises no finding; the audit log only shows Kubernetes API calls.',
  remediation:
    'aws guardduty update-detector --detector-id <id> --features \'[{"Name":"RUNTIME_MONITORING","Status":"ENABLED",' +
    '"AdditionalConfiguration":[{"Name":"EKS_ADDON_MANAGEMENT","Status":"ENABLED"}]}]\' (from the administrator account for members). ' +
    'Accounts still on EKS_RUNTIME_MONITORING can migrate to RUNTIME_MONITORING; do not try to enable both.',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring-configuration.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-7',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-11',
  ],
  frameworks: { securityHub: ['GuardDuty.7', 'GuardDuty.11'] },
  defaultOptions: { allowManualAgent: false },

  evaluate(detector, ctx) {
    if (isSuspended(detector)) return suspendedVerdict(detector, PLAN);
    const runtime = eksRuntimeMonitoring(detector);
    if (!runtime.listed) return unlistedFeatureVerdict(detector, PLAN, FEATURE.runtime);
    const evidence = { ...runtime, ...administratorEvidence(detector) };
    if (runtime.enabledBy === undefined) {
      return fail(`Neither ${FEATURE.runtime} nor ${FEATURE.legacyEksRuntime} is enabled.${administratorNote(detector)}`, { evidence });
    }
    if (runtime.agentManagedByGuardDuty) {
      return pass(`${runtime.enabledBy} is enabled and GuardDuty manages the EKS security agent.`, { evidence });
    }
    if (ctx.options.allowManualAgent === true) {
      return pass(`${runtime.enabledBy} is enabled; the EKS security agent is deployed by hand (allowManualAgent).`, { evidence });
    }
    return fail(
      `${runtime.enabledBy} is enabled but GuardDuty does not manage the EKS security agent (EKS_ADDON_MANAGEMENT is off), ` +
        `so clusters without a hand-installed aws-guardduty-agent add-on are not monitored.${administratorNote(detector)}`,
      { evidence },
    );
  },
});
