import { defineResourceCheck, fail, notApplicable, pass, unknown } from '../../engine/check';
import { isFullAdmin } from '../../policy';
import { policyAlone, unlessAwsManaged } from './support/policy-verdicts';
import { describeRefs } from './support/verdicts';
import { CIS_AWS, securityHubIam } from './support/references';

export const iamUnattachedPoliciesNoFullAdmin = defineResourceCheck({
  id: 'iam-unattached-policies-no-full-admin',
  kind: 'iam.policy',
  title: 'No unattached customer managed policy allows "*" on "*"',
  severity: 'low',
  description: 
    'The default version of each customer managed policy that is attached to nothing does not allow every action on every resource.' +
    ' A Deny in the same policy that removes all actions, or all of IAM, neutralises the Allow. AWS managed policies are NOT_APPLICABLE (see iam-*-no-administrator-access for AdministratorAccess).',
  risk: 'An unused admin policy is one attach call away from creating a new administrator, and is easily picked by mistake.',
  remediation: 'Replace "Action": "*" with the actions the job needs; keep administration in a dedicated role behind MFA. Delete policies nobody uses.',
  references: ['https://docs.aws.amazon.com/config/latest/developerguide/iam-policy-no-statements-with-admin-access.html', securityHubIam(1), CIS_AWS],
  frameworks: { securityHub: ['IAM.1'], cisAws: { '3.0': ['1.16'], '4.0': ['1.16'] } },

  evaluate(policy) {
    return unlessAwsManaged(policy, () => {
      if (policy.attachmentCount !== 0) return notApplicable(`${policy.id} is attached (see iam-attached-policies-no-full-admin).`);
      const answer = isFullAdmin(policyAlone(policy));
      if (answer.allowed === 'yes') return fail(`${policy.id} allows every action on every resource (${describeRefs(answer.grantedBy)}).`, { evidence: { grantedBy: answer.grantedBy } });
      if (answer.allowed === 'no') return pass(`${policy.id} does not grant full administrator access.`);
      return unknown(`Whether ${policy.id} grants full administrator access depends on unresolved values.`);
    });
  },
});
