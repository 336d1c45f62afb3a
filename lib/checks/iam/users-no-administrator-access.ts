import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { attachesAdministratorAccess } from './support/policy-verdicts';
import { LEAST_PRIVILEGE } from './support/references';

export const iamUsersNoAdministratorAccess = defineResourceCheck({
  id: 'iam-users-no-administrator-access',
  kind: 'iam.user',
  title: 'No IAM user has the AdministratorAccess policy attached',
  severity: 'critical',
  description:
    'The AWS managed AdministratorAccess policy is not attached directly to the user (group attachments are judged by iam-groups-no-administrator-access).',
  risk: 'AdministratorAccess grants every action on every resource: one leaked credential or one compromised workload owns the account.',
  remediation: 'Detach AdministratorAccess and grant a policy scoped to the job; keep break-glass administration behind a role that requires MFA.',
  references: ['https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html', LEAST_PRIVILEGE],
  frameworks: { cisAws: { '3.0': ['1.16'], '4.0': ['1.16'] } },

  evaluate(user) {
    const name = must(user.name);
    if (attachesAdministratorAccess(user.attachedPolicies)) return fail(`The AWS managed AdministratorAccess policy is attached to user ${name}.`);
    return pass(`AdministratorAccess is not attached to user ${name}.`);
  },
});
