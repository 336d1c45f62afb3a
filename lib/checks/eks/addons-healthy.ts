import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { eksGuide, wellArchitected } from './lib/references';

/** Add-on states in which the add-on is not doing its job. */
const UNHEALTHY = new Set(['DEGRADED', 'CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED']);

export const eksAddonsHealthy = defineResourceCheck({
  id: 'eks-addons-healthy',
  kind: 'eks.addon',
  title: 'EKS add-ons are healthy',
  severity: 'low',
  description:
    'The add-on is not DEGRADED, CREATE_FAILED, UPDATE_FAILED or DELETE_FAILED, and reports no health issue. The finding names ' +
    'the health issues EKS reports. Add-ons a template declares carry no state and are NOT_APPLICABLE.',
  risk:
    'Several add-ons are security controls: a degraded vpc-cni stops enforcing network policies, a degraded Pod Identity or ' +
    'GuardDuty agent leaves pods without credentials or the cluster without runtime detection, and nobody is told.',
  remediation: 'Read the health issues (aws eks describe-addon) and fix their cause (missing permissions, replicas that cannot schedule, conflicting configuration), then update the add-on.',
  references: [eksGuide('eks-add-ons'), eksGuide('updating-an-add-on'), wellArchitected('sec_detect_investigate_events_noncompliant_resources')],
  frameworks: { wellArchitected: ['SEC04-BP04'] },

  evaluate(addon) {
    const name = must(addon.name);
    const cluster = must(addon.clusterName);
    if (addon.status === undefined) return notApplicable(`The add-on ${name} of ${cluster} records no state (declared in a template).`);
    const issues = addon.health ?? [];
    const evidence = { status: addon.status, issues };
    if (UNHEALTHY.has(addon.status)) {
      const why = issues.length > 0 ? `: ${issues.map((i) => `${i.code}${i.message ? ` (${i.message})` : ''}`).join('; ')}` : '';
      return fail(`The ${name} add-on of ${cluster} is ${addon.status}${why}.`, { evidence });
    }
    if (issues.length > 0) return fail(`The ${name} add-on of ${cluster} is ${addon.status} but reports ${issues.map((i) => i.code).join(', ')}.`, { evidence });
    return pass(`The ${name} add-on of ${cluster} is ${addon.status}.`, { evidence });
  },
});
