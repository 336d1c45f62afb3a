import { FEATURE } from './lib/features';
import { defineProtectionPlanCheck } from './lib/protection-check';

export const guarddutyLambdaProtectionEnabled = defineProtectionPlanCheck({
  id: 'guardduty-lambda-protection-enabled',
  title: 'GuardDuty Lambda Protection is enabled',
  severity: 'low',
  plan: 'Lambda Protection',
  feature: FEATURE.lambda,
  description:
    'Each GuardDuty detector has the LAMBDA_NETWORK_LOGS feature on, so GuardDuty watches the network activity of Lambda ' +
    'functions. Security Hub rates GuardDuty.6 high; hardeks rates it low, as it is outside the EKS layer it audits.',
  risk: 'Without it, a compromised function that mines cryptocurrency or talks to a command-and-control host raises no finding.',
  remediation: 'aws guardduty update-detector --detector-id <id> --features \'[{"Name":"LAMBDA_NETWORK_LOGS","Status":"ENABLED"}]\'',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/configuring-lambda-protection.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-6',
  ],
  frameworks: { securityHub: ['GuardDuty.6'] },
});
