import { defineResourceCheck, fail, pass, unknown, type Verdict } from '../../engine/check';
import { allowNotActionStatements } from '../../policy';
import { unlessAwsManaged } from './support/policy-verdicts';
import { LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE } from './support/references';

export const iamPoliciesNoAllowNotaction = defineResourceCheck({
  id: 'iam-policies-no-allow-notaction',
  kind: 'iam.policy',
  title: 'No customer managed policy combines Allow with NotAction',
  severity: 'medium',
  description:
    'The default version of each customer managed policy has no Allow statement that uses NotAction, one finding per statement (key `Statement::<Sid or position>`). ' +
    'Allow + NotAction grants every action except those listed, across every service, including services and actions added later; ' +
    'a narrow NotAction list (`NotAction: iam:*`) is close to full admin. Deny + NotAction (the usual “deny everything except” guard) is fine. ' +
    'AWS managed policies are NOT_APPLICABLE. Security Hub IAM.21 flags only the `NotAction: <service>:*` form and CIS has no such ' +
    'control, so the check maps to Well-Architected SEC03-BP02 (grant least privilege access).',
  risk: 'The grant grows silently with every new AWS service and action; what is left out is rarely what an attacker needs.',
  remediation: 'Rewrite the statement as an Allow of the actions needed; keep exclusions as an explicit Deny next to it.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html', LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE],
  frameworks: { wellArchitected: ['SEC03-BP02'] },

  evaluate(policy) {
    return unlessAwsManaged(policy, () => {
      const { found, unknown: undecided } = allowNotActionStatements([{ label: policy.id, document: policy.document }]);
      const verdicts: Verdict[] = found.map((s) =>
        fail(`${policy.id} allows every action except ${s.notAction.join(', ')} (${s.statement}).`, { key: `Statement::${s.statement}`, evidence: { notAction: s.notAction } }),
      );
      for (const s of undecided) verdicts.push(unknown(`Whether ${s.statement} of ${policy.id} is an Allow with NotAction depends on unresolved values.`, `Statement::${s.statement}`));
      return verdicts.length > 0 ? verdicts : [pass(`${policy.id} has no Allow statement with NotAction.`)];
    });
  },
});
