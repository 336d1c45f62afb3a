import { defineResourceCheck, must } from '../../engine/check';
import { permissionsOfUser, partitionOf } from './support/permission-sets';
import { escalationVerdicts } from './support/policy-verdicts';
import { LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE } from './support/references';

export const iamUsersNoPrivilegeEscalation = defineResourceCheck({
  id: 'iam-users-no-privilege-escalation',
  kind: 'iam.user',
  title: 'No IAM user can escalate its own privileges',
  severity: 'high',
  description:
    'Evaluates the user’s effective permissions (its inline and attached policies and those of its groups, capped by its permissions boundary, ' +
    'minus unconditional Denies) against known privilege-escalation paths: iam:PassRole with a compute, CloudFormation or EKS create action, ' +
    'iam:CreatePolicyVersion, iam:SetDefaultPolicyVersion, iam:Attach*Policy, iam:Put*Policy, iam:AddUserToGroup, iam:CreateAccessKey, ' +
    'iam:CreateLoginProfile, iam:UpdateLoginProfile, iam:UpdateAssumeRolePolicy with sts:AssumeRole, lambda:UpdateFunctionCode and others. ' +
    'One FAIL per path found (key `Path::<id>`); a full administrator is reported once as `Path::full-admin`. IAM actions count only when ' +
    'allowed on every user, group, role or policy of the account, so self-service grants on `${aws:username}` are not paths. ' +
    'No Security Hub or CIS control covers escalation paths (CIS 1.16 is about full-admin policies), so the check maps to Well-Architected ' +
    'SEC03-BP02 (grant least privilege access).',
  risk: 'A principal that can grant itself more permissions effectively has them: its real blast radius is the whole account.',
  remediation: 'Remove the IAM write actions (or restrict them to the principal’s own resources) and scope iam:PassRole to the roles the job needs.',
  references: ['https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/', LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE],
  frameworks: { wellArchitected: ['SEC03-BP02'] },

  evaluate(user, ctx) {
    return escalationVerdicts(`User ${must(user.name)}`, permissionsOfUser(user, ctx), { partition: partitionOf(user.id), accountId: ctx.accountId });
  },
});
