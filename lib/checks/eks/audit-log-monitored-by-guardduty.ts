import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { administratorNote, FEATURE, featureNamed, isEnabled, isSuspended } from '../guardduty/lib/features';

export const eksAuditLogMonitoredByGuardduty = defineResourceCheck({
  id: 'eks-audit-log-monitored-by-guardduty',
  kind: 'eks.cluster',
  title: 'GuardDuty monitors the Kubernetes audit log of each EKS cluster',
  severity: 'high',
  description:
    'Per cluster: the GuardDuty detector of the cluster\'s region is enabled with EKS Audit Log Monitoring (EKS_AUDIT_LOGS), ' +
    'so GuardDuty reads this cluster\'s Kubernetes audit log. A region without a detector, a suspended detector or the plan ' +
    'off fails; a region where GuardDuty does not offer the plan is NOT_APPLICABLE, as is a template that declares no detector. ' +
    'Runtime monitoring per cluster is judged by guardduty-eks-cluster-runtime-monitored.',
  risk:
    'Kubernetes API abuse on this cluster (anonymous access, Secrets read by an unusual identity, privileged pods, RBAC ' +
    'changes, known attacker tooling) raises no GuardDuty finding.',
  remediation:
    'aws guardduty update-detector --detector-id <id> --features \'[{"Name":"EKS_AUDIT_LOGS","Status":"ENABLED"}]\' in the ' +
    'cluster\'s region (from the GuardDuty administrator account in an organization).',
  references: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-eks-audit-log-monitoring.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-5'],
  frameworks: { securityHub: ['GuardDuty.5'] },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    // Throws Indeterminate when GuardDuty was not collected in the region: never a guess.
    const detectors = ctx.inventory.inRegion('guardduty.detector', ctx.region);
    if (detectors.length === 0 && ctx.inventory.inventory.source.type === 'template') {
      return notApplicable(`The template declares no GuardDuty detector; cluster ${name} is judged on the live account.`);
    }
    if (detectors.length === 0) return fail(`GuardDuty is not enabled in ${ctx.region}, so nothing watches the audit log of cluster ${name}.`);
    const active = detectors.find((d) => !isSuspended(d));
    if (!active) return fail(`The GuardDuty detector of ${ctx.region} is suspended, so nothing watches the audit log of cluster ${name}.${administratorNote(detectors[0]!)}`);
    const feature = featureNamed(active, FEATURE.eksAuditLogs);
    const evidence = { detector: active.id, feature: FEATURE.eksAuditLogs };
    if (feature === undefined) {
      return active.origin.kind === 'cfn'
        ? fail(`The detector does not enable EKS Audit Log Monitoring for cluster ${name}.`, { evidence })
        : notApplicable(`GuardDuty does not offer EKS Audit Log Monitoring in ${ctx.region}.`);
    }
    if (isEnabled(feature)) return pass(`GuardDuty reads the Kubernetes audit log of cluster ${name}.`, { evidence });
    return fail(`GuardDuty EKS Audit Log Monitoring is off in ${ctx.region}: the audit log of cluster ${name} is not watched.${administratorNote(active)}`, { evidence });
  },
});
