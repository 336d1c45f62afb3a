import { FEATURE } from './lib/features';
import { defineProtectionPlanCheck } from './lib/protection-check';

export const guarddutyEksAuditLogMonitoringEnabled = defineProtectionPlanCheck({
  id: 'guardduty-eks-audit-log-monitoring-enabled',
  title: 'GuardDuty EKS Audit Log Monitoring is enabled',
  severity: 'high',
  plan: 'EKS Audit Log Monitoring',
  feature: FEATURE.eksAuditLogs,
  description:
    'Each GuardDuty detector has the EKS_AUDIT_LOGS feature on, so GuardDuty reads the Kubernetes audit log of every EKS cluster ' +
    'in the region (its own copy: the cluster\'s control-plane logging does not need to be on). A suspended detector fails; in a ' +
    'member account the finding names the administrator account that controls the plan.',
  risk:
    'Without it, Kubernetes API abuse (anonymous access, secrets read by an unusual identity, privileged pods, RBAC changes) ' +
    'produces no GuardDuty finding.',
  remediation:
    'aws guardduty update-detector --detector-id <id> --features \'[{"Name":"EKS_AUDIT_LOGS","Status":"ENABLED"}]\' ' +
    '(from the administrator account for members, with update-organization-configuration to auto-enable it).',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-eks-audit-log-monitoring.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-5',
  ],
  frameworks: { securityHub: ['GuardDuty.5'] },
});
