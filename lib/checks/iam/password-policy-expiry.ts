import { defineResourceCheck, fail, pass } from '../../engine/check';
import { PASSWORD_POLICY, securityHubIam } from './support/references';

export const iamPasswordPolicyExpiry = defineResourceCheck({
  id: 'iam-password-policy-expiry',
  kind: 'iam.account',
  parts: ['passwordPolicy'],
  title: 'The password policy expires passwords within 90 days',
  severity: 'low',
  description: 'The account password policy sets a maximum password age of at most `maxAgeDays` days (option, default 90).',
  risk: 'Passwords that never expire stay valid indefinitely after they leak. (NIST SP 800-63B prefers no forced rotation with MFA and breach screening; raise or ignore this check if that is your policy.)',
  remediation: 'aws iam update-account-password-policy --max-password-age 90 (repeat the other settings: the call replaces the whole policy).',
  references: [PASSWORD_POLICY, securityHubIam(17)],
  frameworks: { securityHub: ['IAM.17', 'IAM.7'] },
  defaultOptions: { maxAgeDays: 90 },

  evaluate(account, ctx) {
    const limit = ctx.options.maxAgeDays as number;
    if (!account.passwordPolicy) return fail('No password policy is set, so passwords never expire.');
    const age = account.passwordPolicy.maxPasswordAge;
    if (age === undefined) return fail('Passwords never expire.', { evidence: { maxAgeDays: limit } });
    const evidence = { maxPasswordAge: age, maxAgeDays: limit };
    return age <= limit ? pass(`Passwords expire after ${age} days.`, { evidence }) : fail(`Passwords expire only after ${age} days (limit: ${limit}).`, { evidence });
  },
});
