import { defineResourceCheck, fail, must, notApplicable, pass, unknown, type CheckContext, type Verdict } from '../../engine/check';
import type { Detector, EksCluster } from '../../model';
import { isSuspended } from './lib/features';
import { eksRuntimeMonitoring } from './lib/runtime';

/** The EKS add-on that is the GuardDuty security agent. */
const AGENT_ADDON = 'aws-guardduty-agent';
/** Cluster tag GuardDuty reads: `false` excludes a cluster from automated agent management, `true` includes it when management is off. */
const MANAGED_TAG = 'GuardDutyManaged';
/** Add-on states in which the agent runs. */
const RUNNING_ADDON_STATES = new Set(['ACTIVE', 'UPDATING']);

export const guarddutyEksClusterRuntimeMonitored = defineResourceCheck({
  id: 'guardduty-eks-cluster-runtime-monitored',
  kind: 'eks.cluster',
  title: 'Each EKS cluster runs the GuardDuty runtime security agent',
  severity: 'medium',
  description:
    'Per cluster: the region\'s GuardDuty detector is enabled with runtime monitoring for EKS (RUNTIME_MONITORING or the legacy ' +
    'EKS_RUNTIME_MONITORING), and the agent reaches this cluster — through GuardDuty\'s automated agent management ' +
    '(EKS_ADDON_MANAGEMENT) unless the cluster is tagged GuardDutyManaged=false, through the inclusion tag GuardDutyManaged=true, ' +
    'or through an aws-guardduty-agent add-on installed by hand that is ACTIVE. Account-level settings say nothing about a cluster ' +
    'excluded by tag or missing its add-on; this check does. GuardDuty runtime monitoring does not support clusters that run only on ' +
    'Fargate or hybrid nodes: suppress those. On a template that declares no detector, NOT_APPLICABLE.',
  risk: 'A cluster without the agent is blind at runtime even when the account "has runtime monitoring": that is the cluster an attacker will use.',
  remediation:
    'Turn on EKS_ADDON_MANAGEMENT for the detector (and remove a GuardDutyManaged=false tag), or install the add-on: ' +
    'aws eks create-addon --cluster-name <cluster> --addon-name aws-guardduty-agent.',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/how-runtime-monitoring-works-eks.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/eks-runtime-monitoring-coverage.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring-configuration.html',
  ],
  frameworks: { securityHub: ['GuardDuty.7', 'GuardDuty.11'] },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    // Throws Indeterminate when GuardDuty was not collected in the region: never a guess.
    const detectors = ctx.inventory.inRegion('guardduty.detector', ctx.region);
    if (detectors.length === 0 && ctx.inventory.inventory.source.type === 'template') {
      return notApplicable(`The template declares no GuardDuty detector; cluster ${name} is judged on the live account.`);
    }
    const detector = activeDetector(detectors);
    if ('verdict' in detector) return detector.verdict;
    return judgeCluster(cluster, name, detector.active, ctx);
  },
});

function activeDetector(detectors: readonly Detector[]): { active: Detector } | { verdict: Verdict } {
  const complete = detectors.filter((d) => !d.incomplete);
  const active = complete.find((d) => !isSuspended(d));
  if (active) return { active };
  if (complete.length < detectors.length) return { verdict: unknown('The GuardDuty detector of the region could not be fully read.') };
  return { verdict: fail(detectors.length === 0 ? 'GuardDuty is not enabled in the region.' : 'The GuardDuty detector of the region is suspended.') };
}

function judgeCluster(cluster: EksCluster, name: string, detector: Detector, ctx: CheckContext): Verdict {
  const runtime = eksRuntimeMonitoring(detector);
  const evidence = { detector: detector.id, enabledBy: runtime.enabledBy ?? null, agentManagedByGuardDuty: runtime.agentManagedByGuardDuty };
  if (runtime.enabledBy === undefined) {
    return fail(`GuardDuty runtime monitoring for EKS is off in the region, so cluster ${name} is not monitored.`, { evidence });
  }
  const tag = cluster.tags?.[MANAGED_TAG];
  if (runtime.agentManagedByGuardDuty) {
    return tag === 'false'
      ? fail(`Cluster ${name} is excluded from GuardDuty's agent management by the tag ${MANAGED_TAG}=false.`, { evidence: { ...evidence, tag } })
      : pass(`GuardDuty manages the runtime security agent on cluster ${name}.`, { evidence });
  }
  if (tag === 'true') return pass(`GuardDuty manages the runtime security agent on cluster ${name} (tag ${MANAGED_TAG}=true).`, { evidence });
  return judgeAgentAddon(cluster, name, ctx, evidence);
}

function judgeAgentAddon(cluster: EksCluster, name: string, ctx: CheckContext, evidence: Record<string, unknown>): Verdict {
  const addons = ctx.inventory.inRegion('eks.addon', ctx.region).filter((a) => a.clusterId === cluster.id);
  const agent = addons.find((a) => must(a.name) === AGENT_ADDON);
  if (agent === undefined) {
    return fail(`Cluster ${name} has no ${AGENT_ADDON} add-on, and GuardDuty does not manage the agent (EKS_ADDON_MANAGEMENT is off).`, { evidence });
  }
  // A template declares the add-on without a state; a live add-on must be running.
  if (agent.status === undefined || RUNNING_ADDON_STATES.has(agent.status)) {
    const state = agent.status ? ` (${agent.status})` : '';
    return pass(`Cluster ${name} runs the ${AGENT_ADDON} add-on${state}.`, { evidence: { ...evidence, addon: agent.id } });
  }
  return fail(`The ${AGENT_ADDON} add-on of cluster ${name} is ${agent.status}.`, {
    evidence: { ...evidence, addon: agent.id, addonStatus: agent.status },
  });
}
