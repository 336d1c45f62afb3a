import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { CIS_AWS, LEAST_PRIVILEGE, securityHubIam } from './support/references';

export const iamUsersNoDirectPolicies = defineResourceCheck({
  id: 'iam-users-no-direct-policies',
  kind: 'iam.user',
  title: 'IAM users receive permissions only through groups',
  severity: 'low',
  description: 'The user has no inline policy and no directly attached managed policy; its permissions come from its groups.',
  risk: 'Permissions scattered over individual users are hard to review and are forgotten when people change roles or leave.',
  remediation: 'Move the permissions to a group that describes the job, add the user to it, and detach or delete the user’s own policies.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html', LEAST_PRIVILEGE, securityHubIam(2), CIS_AWS],
  frameworks: { securityHub: ['IAM.2'], cisAws: { '3.0': ['1.15'], '4.0': ['1.15'] } },

  evaluate(user) {
    const name = must(user.name);
    const inline = user.inlinePolicies.map((p) => must(p.name));
    const attached = user.attachedPolicies.map((p) => must(p));
    if (inline.length + attached.length === 0) return pass(`${name} has no policy of its own.`);
    return fail(`${name} has ${inline.length} inline and ${attached.length} directly attached polic${inline.length + attached.length === 1 ? 'y' : 'ies'}.`, {
      evidence: { inlinePolicies: inline, attachedPolicies: attached },
    });
  },
});
