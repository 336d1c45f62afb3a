import { guarddutyEksAuditLogMonitoringEnabled } from '../../../lib/checks/guardduty/eks-audit-log-monitoring-enabled';
import { protectionPlanCases } from './protection-plan-cases';

describe('guardduty-eks-audit-log-monitoring-enabled', () => {
  protectionPlanCases(guarddutyEksAuditLogMonitoringEnabled, 'EKS_AUDIT_LOGS');
});
