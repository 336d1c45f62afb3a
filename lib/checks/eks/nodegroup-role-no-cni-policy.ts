import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { describeResolvable } from '../../model';
import { attempt } from '../ec2/lib/decide';
import { roleNamed, unlistedRoleVerdict } from './lib/lookup';
import { CIS_EKS, EKS_BEST_PRACTICES_IAM, eksGuide } from './lib/references';

/** The AWS managed VPC CNI policy (IPv4) and the name the EKS docs give the IPv6 one customers create. */
const CNI_POLICY = /^arn:[a-z-]+:iam::(aws|\d{12}):policy\/(?:.*\/)?(AmazonEKS_CNI_Policy|AmazonEKS_CNI_IPv6_Policy)$/;

export const eksNodegroupRoleNoCniPolicy = defineResourceCheck({
  id: 'eks-nodegroup-role-no-cni-policy',
  kind: 'eks.nodegroup',
  title: 'EKS node roles do not carry the VPC CNI policy',
  severity: 'medium',
  description:
    'The node group\'s IAM role has neither AmazonEKS_CNI_Policy nor an AmazonEKS_CNI_IPv6_Policy attached: the VPC CNI ' +
    '(aws-node) should get those permissions through IRSA or EKS Pod Identity instead. A node role of another account is ' +
    'NOT_APPLICABLE; an attachment list with unresolved entries is UNKNOWN unless a CNI policy is among the known ones.',
  risk:
    'Every pod that reaches the node\'s credentials (IMDS, a hostNetwork or privileged pod) can create, attach and modify network ' +
    'interfaces and IP assignments across the VPC.',
  remediation:
    'Give the vpc-cni add-on its own role (--service-account-role-arn, or a Pod Identity association for kube-system/aws-node), ' +
    'roll the aws-node pods, then detach AmazonEKS_CNI_Policy from the node role.',
  references: [eksGuide('cni-iam-role'), EKS_BEST_PRACTICES_IAM, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(nodegroup, ctx) {
    const name = must(nodegroup.name);
    const roleArn = must(nodegroup.nodeRoleArn);
    const { role, lookup } = roleNamed(roleArn, ctx);
    if (!role) return unlistedRoleVerdict(roleArn, lookup, ctx);
    const attached = role.attachedPolicies.map((p) => attempt(() => must(p)));
    const cni = attached.flatMap((a) => (a.ok && CNI_POLICY.test(a.value) ? [a.value] : []));
    const evidence = { nodeRole: roleArn, cniPolicies: cni };
    if (cni.length > 0) return fail(`The node role ${describeResolvable(role.name)} of ${name} carries ${cni.join(', ')}: every pod that reaches the node's credentials can manage the VPC's network interfaces.`, { evidence });
    if (attached.some((a) => !a.ok)) return unknown(`Whether the node role ${describeResolvable(role.name)} of ${name} carries the VPC CNI policy depends on unresolved attachments.`);
    return pass(`The node role ${describeResolvable(role.name)} of ${name} does not carry the VPC CNI policy.`, { evidence });
  },
});
