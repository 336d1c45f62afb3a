import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { wildcardMatches } from '../../policy';
import { attachesAdministratorAccess } from './support/policy-verdicts';
import { LEAST_PRIVILEGE } from './support/references';

export const iamRolesNoAdministratorAccess = defineResourceCheck({
  id: 'iam-roles-no-administrator-access',
  kind: 'iam.role',
  title: 'No IAM role has the AdministratorAccess policy attached',
  severity: 'high',
  description:
    'The AWS managed AdministratorAccess policy is not attached to the role. Option `allowedRoles` (default: none) lists role names or ARNs, with `*` and `?` wildcards, ' +
    'that are meant to be administrators (an organization access role, a break-glass role): they are NOT_APPLICABLE.',
  risk: 'AdministratorAccess grants every action on every resource: one leaked credential or one compromised workload owns the account.',
  remediation: 'Detach AdministratorAccess and grant a policy scoped to the job; keep break-glass administration behind a role that requires MFA.',
  references: ['https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html', LEAST_PRIVILEGE],
  frameworks: { cisAws: { '3.0': ['1.16'], '4.0': ['1.16'] } },
  defaultOptions: { allowedRoles: [] as string[] },

  evaluate(role, ctx) {
    const name = must(role.name);
    const allowed = ctx.options.allowedRoles as readonly string[];
    if (allowed.some((pattern) => wildcardMatches(pattern, name) || wildcardMatches(pattern, must(role.arn)))) return notApplicable(`Role ${name} is an allow-listed administrator role.`);
    if (attachesAdministratorAccess(role.attachedPolicies)) return fail(`The AWS managed AdministratorAccess policy is attached to role ${name}.`);
    return pass(`AdministratorAccess is not attached to role ${name}.`);
  },
});
