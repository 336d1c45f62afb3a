import { defineResourceCheck, fail, pass, type Verdict } from '../../engine/check';
import type { PasswordPolicy } from '../../model';
import { PASSWORD_POLICY, securityHubIam } from './support/references';

const REQUIREMENTS = [
  { name: 'uppercase', field: 'requireUppercase', what: 'an uppercase letter' },
  { name: 'lowercase', field: 'requireLowercase', what: 'a lowercase letter' },
  { name: 'numbers', field: 'requireNumbers', what: 'a number' },
  { name: 'symbols', field: 'requireSymbols', what: 'a symbol' },
] as const satisfies readonly { name: string; field: keyof PasswordPolicy; what: string }[];

export const iamPasswordPolicyComplexity = defineResourceCheck({
  id: 'iam-password-policy-complexity',
  kind: 'iam.account',
  parts: ['passwordPolicy'],
  title: 'The password policy requires uppercase, lowercase, numbers and symbols',
  severity: 'medium',
  description: 'One finding per character class (key `Requirement::uppercase|lowercase|numbers|symbols`): the account password policy requires it.',
  risk: 'Passwords drawn from fewer character classes are easier to guess and crack.',
  remediation: 'aws iam update-account-password-policy --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols (repeat the other settings).',
  references: [PASSWORD_POLICY, securityHubIam(11), securityHubIam(12), securityHubIam(13), securityHubIam(14)],
  frameworks: { securityHub: ['IAM.11', 'IAM.12', 'IAM.13', 'IAM.14', 'IAM.7'] },

  evaluate(account) {
    const policy = account.passwordPolicy;
    return REQUIREMENTS.map((r): Verdict => {
      const key = `Requirement::${r.name}`;
      if (!policy) return fail(`No password policy is set, so passwords need not contain ${r.what}.`, { key });
      return policy[r.field] ? pass(`Passwords must contain ${r.what}.`, { key }) : fail(`Passwords need not contain ${r.what}.`, { key });
    });
  },
});
