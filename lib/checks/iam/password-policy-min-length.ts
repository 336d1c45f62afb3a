import { defineResourceCheck, fail, pass } from '../../engine/check';
import { CIS_AWS, PASSWORD_POLICY, securityHubIam } from './support/references';

export const iamPasswordPolicyMinLength = defineResourceCheck({
  id: 'iam-password-policy-min-length',
  kind: 'iam.account',
  parts: ['passwordPolicy'],
  title: 'The password policy requires at least 14 characters',
  severity: 'medium',
  description: 'The account password policy requires a minimum length of at least `minimumLength` characters (option, default 14). No policy means IAM’s default of 8.',
  risk: 'Short passwords fall to offline cracking and online guessing far sooner.',
  remediation: 'aws iam update-account-password-policy --minimum-password-length 14 (repeat the other settings: the call replaces the whole policy).',
  references: [PASSWORD_POLICY, securityHubIam(15), CIS_AWS],
  frameworks: { securityHub: ['IAM.15', 'IAM.7'], cisAws: { '3.0': ['1.8'], '4.0': ['1.8'] } },
  defaultOptions: { minimumLength: 14 },

  evaluate(account, ctx) {
    const required = ctx.options.minimumLength as number;
    const actual = account.passwordPolicy?.minimumLength;
    if (actual === undefined) return fail(`No password policy is set, so passwords need only 8 characters (required: ${required}).`);
    const evidence = { minimumLength: actual, required };
    return actual >= required ? pass(`Passwords need at least ${actual} characters.`, { evidence }) : fail(`Passwords need only ${actual} characters (required: ${required}).`, { evidence });
  },
});
