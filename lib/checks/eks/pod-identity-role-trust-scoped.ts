import { defineResourceCheck, fail, must, notApplicable, pass, unknown } from '../../engine/check';
import { roleNamed, unlistedRoleVerdict } from './lib/lookup';
import { CIS_EKS, eksGuide, wellArchitected } from './lib/references';
import { podIdentityGrants, POD_IDENTITY_SERVICE } from './lib/workload-roles';

export const eksPodIdentityRoleTrustScoped = defineResourceCheck({
  id: 'eks-pod-identity-role-trust-scoped',
  kind: 'eks.pod-identity-association',
  title: 'Pod Identity roles trust EKS only for the intended account, cluster or workload',
  severity: 'low',
  description:
    'Every statement of the association role\'s trust policy that lets pods.eks.amazonaws.com assume it is narrowed, as AWS ' +
    'recommends against the confused deputy: by aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or aws:SourceOrgPaths (in the ' +
    'statement or as a Deny guard), or by the session tags EKS Pod Identity sets (aws:RequestTag/eks-cluster-arn, eks-cluster-name, ' +
    'kubernetes-namespace, kubernetes-service-account), with a positive operator and without …IfExists. Roles that do not trust ' +
    'EKS Pod Identity at all are NOT_APPLICABLE here (eks-pod-identity-role-trusts-eks fails them).',
  risk:
    'An unconditioned trust lets the role be bound to any service account of any cluster by whoever can create Pod Identity ' +
    'associations and pass the role: nothing in the role itself says which workload it is for.',
  remediation:
    'Add "StringEquals": {"aws:SourceAccount": "<account>"} or, better, conditions on aws:RequestTag/kubernetes-namespace and ' +
    'aws:RequestTag/kubernetes-service-account (or aws:RequestTag/eks-cluster-arn) to the trust statement.',
  references: [eksGuide('pod-id-role'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html', CIS_EKS, wellArchitected('sec_permissions_least_privileges')],
  frameworks: { cisEks: { '1.7': ['5.2.1'] }, wellArchitected: ['SEC03-BP02'] },

  evaluate(association, ctx) {
    const roleArn = must(association.roleArn);
    const { role, lookup } = roleNamed(roleArn, ctx);
    if (!role) return unlistedRoleVerdict(roleArn, lookup, ctx);
    const grants = podIdentityGrants(role, 'sts:AssumeRole');
    if (grants.length === 0) return notApplicable(`Role ${roleArn} does not trust ${POD_IDENTITY_SERVICE} at all (see eks-pod-identity-role-trusts-eks).`);
    const open = grants.filter((g) => g.grants === 'yes' && g.scoped === 'no');
    if (open.length > 0) {
      return fail(`Role ${roleArn} lets ${POD_IDENTITY_SERVICE} assume it with no account, cluster or service-account condition (${open.map((g) => g.statement).join(', ')}).`, {
        evidence: { roleArn, statements: open.map((g) => g.statement) },
      });
    }
    if (grants.some((g) => g.grants !== 'yes' || g.scoped !== 'yes')) return unknown(`Whether the trust of role ${roleArn} is narrowed depends on unresolved values.`);
    return pass(`Role ${roleArn} trusts ${POD_IDENTITY_SERVICE} only under ${[...new Set(grants.flatMap((g) => g.scopedBy))].join('; ')}.`, { evidence: { roleArn } });
  },
});
