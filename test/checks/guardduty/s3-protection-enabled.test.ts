import { guarddutyS3ProtectionEnabled } from '../../../lib/checks/guardduty/s3-protection-enabled';
import { protectionPlanCases } from './protection-plan-cases';

describe('guardduty-s3-protection-enabled', () => {
  protectionPlanCases(guarddutyS3ProtectionEnabled, 'S3_DATA_EVENTS');
});
