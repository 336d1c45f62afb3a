import { FEATURE } from './lib/features';
import { defineProtectionPlanCheck } from './lib/protection-check';

export const guarddutyS3ProtectionEnabled = defineProtectionPlanCheck({
  id: 'guardduty-s3-protection-enabled',
  title: 'GuardDuty S3 Protection is enabled',
  severity: 'medium',
  plan: 'S3 Protection',
  feature: FEATURE.s3,
  description:
    'Each GuardDuty detector has the S3_DATA_EVENTS feature on, so GuardDuty analyses S3 data events for suspicious access. ' +
    'Security Hub rates GuardDuty.10 high; hardeks rates it medium because it does not protect the EKS layer itself.',
  risk: 'Without it, data exfiltration or destruction through S3 (anomalous GetObject or DeleteObject patterns, access from known bad IPs) goes unnoticed.',
  remediation: 'aws guardduty update-detector --detector-id <id> --features \'[{"Name":"S3_DATA_EVENTS","Status":"ENABLED"}]\'',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-10',
  ],
  frameworks: { securityHub: ['GuardDuty.10'] },
});
