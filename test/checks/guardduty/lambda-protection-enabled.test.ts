import { guarddutyLambdaProtectionEnabled } from '../../../lib/checks/guardduty/lambda-protection-enabled';
import { protectionPlanCases } from './protection-plan-cases';

describe('guardduty-lambda-protection-enabled', () => {
  protectionPlanCases(guarddutyLambdaProtectionEnabled, 'LAMBDA_NETWORK_LOGS');
});
