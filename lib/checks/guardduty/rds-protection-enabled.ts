import { FEATURE } from './lib/features';
import { defineProtectionPlanCheck } from './lib/protection-check';

export const guarddutyRdsProtectionEnabled = defineProtectionPlanCheck({
  id: 'guardduty-rds-protection-enabled',
  title: 'GuardDuty RDS Protection is enabled',
  severity: 'low',
  plan: 'RDS Protection',
  feature: FEATURE.rds,
  description:
    'Each GuardDuty detector has the RDS_LOGIN_EVENTS feature on, so GuardDuty profiles Aurora login activity. ' +
    'Security Hub rates GuardDuty.9 high; hardeks rates it low, as it is outside the EKS layer it audits.',
  risk: 'Without it, brute-force or anomalous logins to Aurora databases (often reached from compromised pods) raise no finding.',
  remediation: 'aws guardduty update-detector --detector-id <id> --features \'[{"Name":"RDS_LOGIN_EVENTS","Status":"ENABLED"}]\'',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-9',
  ],
  frameworks: { securityHub: ['GuardDuty.9'] },
});
