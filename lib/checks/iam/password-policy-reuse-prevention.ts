import { defineResourceCheck, fail, pass } from '../../engine/check';
import { CIS_AWS, PASSWORD_POLICY, securityHubIam } from './support/references';

export const iamPasswordPolicyReusePrevention = defineResourceCheck({
  id: 'iam-password-policy-reuse-prevention',
  kind: 'iam.account',
  parts: ['passwordPolicy'],
  title: 'The password policy prevents reuse of the last 24 passwords',
  severity: 'low',
  description: 'The account password policy remembers at least `remembered` previous passwords (option, default 24, the IAM maximum).',
  risk: 'Users who can cycle back to an old password keep credentials that may already have leaked.',
  remediation: 'aws iam update-account-password-policy --password-reuse-prevention 24 (repeat the other settings: the call replaces the whole policy).',
  references: [PASSWORD_POLICY, securityHubIam(16), CIS_AWS],
  frameworks: { securityHub: ['IAM.16'], cisAws: { '3.0': ['1.9'], '4.0': ['1.9'] } },
  defaultOptions: { remembered: 24 },

  evaluate(account, ctx) {
    const required = ctx.options.remembered as number;
    if (!account.passwordPolicy) return fail('No password policy is set, so passwords may be reused.');
    const actual = account.passwordPolicy.passwordReusePrevention;
    if (actual === undefined) return fail('The password policy does not prevent password reuse.', { evidence: { required } });
    const evidence = { passwordReusePrevention: actual, required };
    return actual >= required ? pass(`The last ${actual} passwords cannot be reused.`, { evidence }) : fail(`Only the last ${actual} passwords are remembered (required: ${required}).`, { evidence });
  },
});
