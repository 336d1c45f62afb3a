import { guarddutyRdsProtectionEnabled } from '../../../lib/checks/guardduty/rds-protection-enabled';
import { protectionPlanCases } from './protection-plan-cases';

describe('guardduty-rds-protection-enabled', () => {
  protectionPlanCases(guarddutyRdsProtectionEnabled, 'RDS_LOGIN_EVENTS');
});
