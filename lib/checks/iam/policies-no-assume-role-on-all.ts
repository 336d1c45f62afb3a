import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { evaluateAccess } from '../../policy';
import { partitionOf } from './support/permission-sets';
import { unlessAwsManaged } from './support/policy-verdicts';
import { describeRefs } from './support/verdicts';
import { LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE } from './support/references';

export const iamPoliciesNoAssumeRoleOnAll = defineResourceCheck({
  id: 'iam-policies-no-assume-role-on-all',
  kind: 'iam.policy',
  title: 'No customer managed policy allows sts:AssumeRole on every role',
  severity: 'high',
  description:
    'The default version of each customer managed policy does not allow `sts:AssumeRole` (through `sts:AssumeRole`, `sts:*`, `*` or NotAction) on ' +
    'every role of every account (`*` or `arn:<partition>:iam::*:role/*`), unless an unconditional Deny takes it back. Grants limited to named ' +
    'roles or one account’s roles pass. AWS managed policies are NOT_APPLICABLE. No Security Hub or CIS control covers role assumption, ' +
    'so the check maps to Well-Architected SEC03-BP02 (grant least privilege access).',
  risk: 'The holder can become any role whose trust policy admits its account, including administrator roles that trust the account root.',
  remediation: 'List the role ARNs the principal needs to assume in the Resource element.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html', LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE],
  frameworks: { wellArchitected: ['SEC03-BP02'] },

  evaluate(policy) {
    return unlessAwsManaged(policy, () => {
      const answer = evaluateAccess([{ label: policy.id, document: policy.document }], { action: 'sts:AssumeRole', resource: `arn:${partitionOf(policy.id)}:iam::*:role/*` });
      if (answer.allowed === 'yes') return fail(`${policy.id} allows sts:AssumeRole on every role (${describeRefs(answer.grantedBy)}).`, { evidence: { grantedBy: answer.grantedBy } });
      if (answer.allowed === 'no') return pass(`${policy.id} does not allow sts:AssumeRole on every role.`);
      return unknown(`Whether ${policy.id} allows sts:AssumeRole on every role depends on unresolved values.`);
    });
  },
});
