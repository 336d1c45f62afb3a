import { defineResourceCheck, fail, pass, unknown, type Verdict } from '../../engine/check';
import { serviceWildcardGrants } from '../../policy';
import { unlessAwsManaged } from './support/policy-verdicts';
import { LEAST_PRIVILEGE, securityHubIam } from './support/references';

export const iamPoliciesNoServiceWildcards = defineResourceCheck({
  id: 'iam-policies-no-service-wildcards',
  kind: 'iam.policy',
  title: 'No customer managed policy allows every action of a service',
  severity: 'low',
  description:
    'The default version of each customer managed policy has no Allow statement whose Action is a service-wide wildcard (`s3:*`, `ec2:*`), ' +
    'one finding per wildcard (key `Action::<pattern>`). Wildcards that name part of a service (`s3:Get*`, `ec2:Describe*`) are fine, and an ' +
    'unconditional Deny of the whole service on all resources neutralises the grant. `*` alone is full admin (iam-*-policies-no-full-admin); ' +
    'Allow with NotAction is iam-policies-no-allow-notaction. AWS managed policies are NOT_APPLICABLE.',
  risk: 'A service wildcard grants the service’s destructive and permission-changing actions too, including ones added in the future.',
  remediation: 'List the actions the job needs (IAM Access Analyzer can generate a policy from CloudTrail activity).',
  references: [securityHubIam(21), LEAST_PRIVILEGE, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html'],
  frameworks: { securityHub: ['IAM.21'] },

  evaluate(policy) {
    return unlessAwsManaged(policy, () => {
      const { grants, unknown: undecided } = serviceWildcardGrants([{ label: policy.id, document: policy.document }]);
      const verdicts: Verdict[] = grants.map((g) => fail(`${policy.id} allows ${g.pattern} (${g.statement}).`, { key: `Action::${g.pattern}`, evidence: { statement: g.statement } }));
      if (undecided.length > 0) verdicts.push(unknown(`Some statements of ${policy.id} depend on unresolved values.`));
      return verdicts.length > 0 ? verdicts : [pass(`${policy.id} grants no service-wide wildcard.`)];
    });
  },
});
