import { defineResourceCheck, fail, must, type Verdict } from '../../engine/check';
import { describeResolvable } from '../../model';
import { serviceWildcardGrants } from '../../policy';
import { undecided } from '../ec2/lib/decide';
import { partitionOf, permissionsOfRole } from '../iam/support/permission-sets';
import { escalationVerdicts } from '../iam/support/policy-verdicts';
import { describeRefs } from '../iam/support/verdicts';
import { roleNamed, unlistedRoleVerdict } from './lib/lookup';
import { EKS_BEST_PRACTICES_IAM, eksGuide, wellArchitected } from './lib/references';

export const eksNodegroupRoleLeastPrivilege = defineResourceCheck({
  id: 'eks-nodegroup-role-least-privilege',
  kind: 'eks.nodegroup',
  title: 'EKS node roles hold no administrator or broad write permissions',
  severity: 'high',
  description:
    'The node group\'s IAM role, as the IAM policy analyser evaluates its effective permissions (inline and attached policies, ' +
    'capped by its boundary, minus unconditional Denies), is not an administrator, opens no privilege-escalation path (key ' +
    '`Path::<id>`) and is granted no whole service (`s3:*`, `ec2:*`; key `Wildcard::<pattern>`). The AWS managed node policies ' +
    '(AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly, AmazonSSMManagedInstanceCore) grant none of these.',
  risk: 'Pods reach the node role through IMDS, hostNetwork or a container escape: whatever it may do, any compromised pod on the node may do.',
  remediation: 'Keep the node role to the AWS managed node policies; move what workloads need to their own IRSA or Pod Identity roles.',
  references: [eksGuide('create-node-role'), EKS_BEST_PRACTICES_IAM, wellArchitected('sec_permissions_least_privileges')],
  frameworks: { wellArchitected: ['SEC03-BP02'] },

  evaluate(nodegroup, ctx) {
    const name = must(nodegroup.name);
    const roleArn = must(nodegroup.nodeRoleArn);
    const { role, lookup } = roleNamed(roleArn, ctx);
    if (!role) return unlistedRoleVerdict(roleArn, lookup, ctx);
    const subject = `The node role ${describeResolvable(role.name)} of ${name}`;
    const permissions = permissionsOfRole(role, ctx);
    const paths = escalationVerdicts(subject, permissions, { partition: partitionOf(role.id), accountId: ctx.accountId });
    const wildcards = serviceWildcardGrants(permissions.policies);
    const verdicts: Verdict[] = [
      ...paths.filter((v) => v.status !== 'PASS'),
      ...wildcards.grants.map((g) => fail(`${subject} is granted every action of a service: ${g.pattern} (${describeRefs([g])}).`, { key: `Wildcard::${g.pattern}`, evidence: { pattern: g.pattern, grantedBy: g } })),
    ];
    if (wildcards.unknown.length > 0) verdicts.push(undecided(`Whether ${subject} is granted whole services`, wildcards.unknown.map((r) => `${r.statement} of ${r.policy} depends on unresolved values`), 'Wildcard::<unresolved>'));
    return verdicts.length > 0 ? verdicts : paths;
  },
});

