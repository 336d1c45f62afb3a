import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { roleNamed, unlistedRoleVerdict } from './lib/lookup';
import { CIS_EKS, eksGuide } from './lib/references';
import { podIdentityGrants, POD_IDENTITY_SERVICE } from './lib/workload-roles';

/** EKS Pod Identity assumes the role and tags the session with the cluster, namespace and service account. */
const REQUIRED_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'] as const;

export const eksPodIdentityRoleTrustsEks = defineResourceCheck({
  id: 'eks-pod-identity-role-trusts-eks',
  kind: 'eks.pod-identity-association',
  title: 'Pod Identity associations use roles that trust EKS Pod Identity',
  severity: 'low',
  description:
    'The IAM role of the association exists and its trust policy allows pods.eks.amazonaws.com both sts:AssumeRole and ' +
    'sts:TagSession, as EKS Pod Identity requires. Roles of other accounts are NOT_APPLICABLE; a role a template does not declare ' +
    'is NOT_APPLICABLE there. Whether the trust is narrowed is judged by eks-pod-identity-role-trust-scoped.',
  risk:
    'The association silently fails: the pods get no credentials from the agent, and AWS SDKs fall back to the node role through ' +
    'IMDS where it is reachable, running the workload with the node\'s permissions instead of its own.',
  remediation: 'Give the role the trust statement {"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}.',
  references: [eksGuide('pod-id-role'), eksGuide('pod-identities'), CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(association, ctx) {
    const roleArn = must(association.roleArn);
    const target = `${must(association.namespace)}/${must(association.serviceAccount)}`;
    const { role, lookup } = roleNamed(roleArn, ctx);
    if (!role) return unlistedRoleVerdict(roleArn, lookup, ctx);
    const answers = REQUIRED_ACTIONS.map((action) => ({ action, grants: podIdentityGrants(role, action) }));
    const missing = answers.filter((a) => a.grants.length === 0).map((a) => a.action);
    const evidence = { roleArn, serviceAccount: target };
    if (missing.length > 0) return fail(`Role ${roleArn} of ${target} does not allow ${POD_IDENTITY_SERVICE} ${missing.join(' and ')}: the association cannot work.`, { evidence: { ...evidence, missing } });
    if (answers.every((a) => a.grants.some((g) => g.grants === 'yes'))) return pass(`Role ${roleArn} of ${target} trusts ${POD_IDENTITY_SERVICE} with ${REQUIRED_ACTIONS.join(' and ')}.`, { evidence });
    return unknown(`Whether role ${roleArn} trusts ${POD_IDENTITY_SERVICE} depends on unresolved values.`);
  },
});

