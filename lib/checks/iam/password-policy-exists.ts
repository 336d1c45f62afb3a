import { defineResourceCheck, fail, pass } from '../../engine/check';
import { PASSWORD_POLICY, securityHubIam } from './support/references';

export const iamPasswordPolicyExists = defineResourceCheck({
  id: 'iam-password-policy-exists',
  kind: 'iam.account',
  parts: ['passwordPolicy'],
  title: 'The account has an IAM password policy',
  severity: 'medium',
  description: 'An account password policy is set (GetAccountPasswordPolicy does not answer NoSuchEntity). Its individual requirements are judged by the other iam-password-policy-* checks.',
  risk: 'Without a policy, IAM applies its default: 8 characters, no complexity, no reuse prevention and no expiry for console passwords.',
  remediation: 'Set a password policy: aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters.',
  references: [PASSWORD_POLICY, securityHubIam(7)],
  frameworks: { securityHub: ['IAM.7'] },

  evaluate(account) {
    return account.passwordPolicy ? pass('An account password policy is set.') : fail('The account has no password policy; IAM defaults apply.');
  },
});
