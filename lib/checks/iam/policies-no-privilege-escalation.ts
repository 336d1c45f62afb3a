import { defineResourceCheck } from '../../engine/check';
import { partitionOf } from './support/permission-sets';
import { escalationVerdicts, policyAlone, unlessAwsManaged } from './support/policy-verdicts';
import { LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE } from './support/references';

export const iamPoliciesNoPrivilegeEscalation = defineResourceCheck({
  id: 'iam-policies-no-privilege-escalation',
  kind: 'iam.policy',
  title: 'No customer managed policy opens a privilege-escalation path on its own',
  severity: 'high',
  description:
    'Judges the default version of each customer managed policy by itself against the privilege-escalation paths of ' +
    'iam-users-no-privilege-escalation (key `Path::<id>`). Paths that only open in combination with other policies are found by the ' +
    'user and role checks, which evaluate effective permissions. AWS managed policies are NOT_APPLICABLE. ' +
    'No Security Hub or CIS control covers escalation paths (CIS 1.16 is about full-admin policies), so the check maps to Well-Architected ' +
    'SEC03-BP02 (grant least privilege access).',
  risk: 'Whoever receives the policy can grant itself more permissions; attaching it anywhere hands out a path to administrator.',
  remediation: 'Remove the IAM write actions or restrict them to named resources, and scope iam:PassRole to the roles the job passes.',
  references: ['https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/', LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE],
  frameworks: { wellArchitected: ['SEC03-BP02'] },

  evaluate(policy, ctx) {
    return unlessAwsManaged(policy, () => escalationVerdicts(`Policy ${policy.id}`, policyAlone(policy), { partition: partitionOf(policy.id), accountId: ctx.accountId }));
  },
});
