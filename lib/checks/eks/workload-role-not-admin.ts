import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { isFullAdmin } from '../../policy';
import { permissionsOfRole } from '../iam/support/permission-sets';
import { describeRefs } from '../iam/support/verdicts';
import { EKS_BEST_PRACTICES_IAM, wellArchitected } from './lib/references';
import { forWorkloadRole } from './lib/workload-roles';

export const eksWorkloadRoleNotAdmin = defineResourceCheck({
  id: 'eks-workload-role-not-admin',
  kind: 'iam.role',
  title: 'IAM roles that pods assume are not account administrators',
  severity: 'critical',
  description:
    'A role that pods can assume, through IRSA (its trust federates to an EKS cluster issuer) or EKS Pod Identity (it trusts ' +
    'pods.eks.amazonaws.com), is not allowed every action on every resource by its effective permissions (inline and attached ' +
    'policies, capped by its permissions boundary, minus unconditional Denies), as the IAM policy analyser evaluates them. ' +
    'Other roles are NOT_APPLICABLE.',
  risk: 'Whoever runs code in a pod with that service account (a vulnerable app, a poisoned image, a debug shell) owns the whole AWS account.',
  remediation: 'Replace the policies with one granting only the actions and resources the workload uses (IAM Access Analyzer can generate it from CloudTrail).',
  references: [EKS_BEST_PRACTICES_IAM, wellArchitected('sec_permissions_least_privileges')],
  frameworks: { wellArchitected: ['SEC03-BP02'] },

  evaluate(role, ctx) {
    const name = must(role.name);
    return forWorkloadRole(role, ctx, (identities) => {
      const answer = isFullAdmin(permissionsOfRole(role, ctx));
      const how = identities.join(' and ');
      if (answer.allowed === 'yes') {
        return fail(`Role ${name}, which pods assume through ${how}, may do anything on any resource (${describeRefs(answer.grantedBy)}).`, {
          evidence: { identities, grantedBy: answer.grantedBy },
        });
      }
      if (answer.allowed === 'no') return pass(`Role ${name}, which pods assume through ${how}, is not an administrator.`, { evidence: { identities } });
      return unknown(`Whether role ${name} is an administrator depends on unresolved values.`);
    });
  },
});
