import { defineResourceCheck, must } from '../../engine/check';
import { inlineFullAdminVerdicts } from './support/policy-verdicts';
import { CIS_AWS, LEAST_PRIVILEGE } from './support/references';

export const iamGroupInlinePoliciesNoFullAdmin = defineResourceCheck({
  id: 'iam-group-inline-policies-no-full-admin',
  kind: 'iam.group',
  title: 'No inline policy of an IAM group allows "*" on "*"',
  severity: 'high',
  description:
    'One finding per inline policy of the group (key `Policy::<name>`): the policy does not allow every action on every resource. ' +
    'A Deny in the same policy that removes all actions, or all of IAM, neutralises the Allow; a Deny of some other service does not, ' +
    'since a principal that can write IAM can grant itself the rest through a new identity.',
  risk: 'A full-administrator inline policy is invisible in the list of managed policies, escapes reviews of attachments, and gives its group control of the account.',
  remediation: 'Replace the inline policy with a scoped managed policy; where administration is needed, use a dedicated role behind MFA.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html', LEAST_PRIVILEGE, CIS_AWS],
  frameworks: { cisAws: { '3.0': ['1.16'], '4.0': ['1.16'] } },

  evaluate(group) {
    return inlineFullAdminVerdicts(`group ${must(group.name)}`, group.inlinePolicies);
  },
});
