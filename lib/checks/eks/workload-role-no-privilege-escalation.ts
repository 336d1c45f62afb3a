import { defineResourceCheck, must, notApplicable } from '../../engine/check';
import { isFullAdmin } from '../../policy';
import { partitionOf, permissionsOfRole } from '../iam/support/permission-sets';
import { escalationVerdicts } from '../iam/support/policy-verdicts';
import { EKS_BEST_PRACTICES_IAM, wellArchitected } from './lib/references';
import { forWorkloadRole } from './lib/workload-roles';

export const eksWorkloadRoleNoPrivilegeEscalation = defineResourceCheck({
  id: 'eks-workload-role-no-privilege-escalation',
  kind: 'iam.role',
  title: 'IAM roles that pods assume cannot escalate their privileges',
  severity: 'high',
  description:
    'A role that pods assume through IRSA or EKS Pod Identity opens none of the known privilege-escalation paths of the IAM ' +
    'policy analyser (iam:PassRole with a compute service, policy rewrites, trust rewrites, eks:CreatePodIdentityAssociation, …), ' +
    'one FAIL per path (key `Path::<id>`). Administrators are NOT_APPLICABLE here (eks-workload-role-not-admin fails them); ' +
    'roles pods do not assume are NOT_APPLICABLE.',
  risk: 'A compromised pod turns its role\'s limited permissions into any other, up to administrator of the account.',
  remediation: 'Remove the IAM write actions from the role, and scope iam:PassRole to the roles the workload really passes, if any.',
  references: [EKS_BEST_PRACTICES_IAM, 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/', wellArchitected('sec_permissions_least_privileges')],
  frameworks: { wellArchitected: ['SEC03-BP02'] },

  evaluate(role, ctx) {
    const name = must(role.name);
    return forWorkloadRole(role, ctx, () => {
      const permissions = permissionsOfRole(role, ctx);
      if (isFullAdmin(permissions).allowed === 'yes') return notApplicable(`Role ${name} is an administrator already (see eks-workload-role-not-admin).`);
      return escalationVerdicts(`Role ${name}, which pods assume,`, permissions, { partition: partitionOf(role.id), accountId: ctx.accountId });
    });
  },
});
