import { defineResourceCheck, must, notApplicable } from '../../engine/check';
import { wildcardMatches } from '../../policy';
import { permissionsOfRole, partitionOf } from './support/permission-sets';
import { escalationVerdicts } from './support/policy-verdicts';
import { LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE } from './support/references';

export const iamRolesNoPrivilegeEscalation = defineResourceCheck({
  id: 'iam-roles-no-privilege-escalation',
  kind: 'iam.role',
  title: 'No IAM role can escalate its own privileges',
  severity: 'high',
  description:
    'Evaluates the role’s effective permissions (inline and attached policies, capped by its permissions boundary, minus unconditional Denies) ' +
    'against known privilege-escalation paths (see iam-users-no-privilege-escalation); one FAIL per path found (key `Path::<id>`). ' +
    'Service-linked roles (path `/aws-service-role/`) are AWS’s and NOT_APPLICABLE, as are the roles matched by option `allowedRoles` ' +
    '(role names or ARNs with `*`/`?` wildcards; default none). ' +
    'No Security Hub or CIS control covers escalation paths (CIS 1.16 is about full-admin policies), so the check maps to Well-Architected ' +
    'SEC03-BP02 (grant least privilege access).',
  risk: 'Workloads and people that assume the role can turn its permissions into any other permissions in the account.',
  remediation: 'Remove the IAM write actions from the role (or restrict them to named resources) and scope iam:PassRole to the roles its workload passes.',
  references: ['https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/', LEAST_PRIVILEGE, WA_LEAST_PRIVILEGE],
  frameworks: { wellArchitected: ['SEC03-BP02'] },
  defaultOptions: { allowedRoles: [] as string[] },

  evaluate(role, ctx) {
    const name = must(role.name);
    if (role.path?.startsWith('/aws-service-role/')) return notApplicable(`${name} is a service-linked role managed by AWS.`);
    const allowed = ctx.options.allowedRoles as readonly string[];
    if (allowed.some((pattern) => wildcardMatches(pattern, name) || wildcardMatches(pattern, must(role.arn)))) return notApplicable(`Role ${name} is allow-listed.`);
    return escalationVerdicts(`Role ${name}`, permissionsOfRole(role, ctx), { partition: partitionOf(role.id), accountId: ctx.accountId });
  },
});
