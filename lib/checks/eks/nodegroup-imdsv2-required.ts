import { defineResourceCheck, fail, must, pass, unknown } from '../../engine/check';
import { nodeImds } from './lib/imds';
import { EKS_BEST_PRACTICES_IAM, CIS_EKS } from './lib/references';

export const eksNodegroupImdsv2Required = defineResourceCheck({
  id: 'eks-nodegroup-imdsv2-required',
  kind: 'eks.nodegroup',
  title: 'EKS node groups launch nodes that require IMDSv2',
  severity: 'high',
  description:
    'The launch template version the node group uses (the one it names, or the one EKS generated for it) requires IMDSv2 or ' +
    'turns the metadata service off. A setting the version leaves open comes from the region\'s account default, then, for ' +
    'AL2023 node groups, from the EKS default the EKS User Guide documents (IMDSv2 required, hop limit 1). Otherwise the AMI ' +
    'decides and nothing enforces IMDSv2: FAIL. When EKS generated the template and the inventory does not hold it, only AL2023 ' +
    'node groups can be judged (others are UNKNOWN).',
  risk:
    'Nodes that accept IMDSv1 hand the node role\'s credentials to any pod, and to any SSRF in a pod, with one unauthenticated ' +
    'GET: IMDSv1 is not hop-limited.',
  remediation:
    'Create a launch template version with MetadataOptions HttpTokens=required and HttpPutResponseHopLimit=1 and update the node ' +
    'group to it (node groups created without a template must be replaced by ones with a template). HardenedEksCluster does this.',
  references: [EKS_BEST_PRACTICES_IAM, 'https://docs.aws.amazon.com/eks/latest/userguide/al2023.html', 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html', CIS_EKS],
  frameworks: { cisAws: { '3.0': ['5.6'], '4.0': ['5.7'] }, cisEks: { '1.7': ['5.2.1'] } },

  evaluate(nodegroup, ctx) {
    const name = must(nodegroup.name);
    const imds = nodeImds(nodegroup, ctx);
    if (imds.endpointDisabled) return pass(`Nodes of ${name} have the instance metadata service turned off (${imds.template.label}).`);
    const { value, decidedBy } = imds.tokens();
    const evidence = { httpTokens: value ?? 'not set', decidedBy };
    if (value === 'required') return pass(`Nodes of ${name} require IMDSv2 (set by ${decidedBy}).`, { evidence });
    if (imds.endpointDisabled === undefined) return unknown(`Whether the metadata service of ${name}'s nodes is on could not be read from the region's defaults.`);
    if (value === 'optional') return fail(`Nodes of ${name} accept IMDSv1 (HttpTokens optional, set by ${decidedBy}).`, { evidence });
    if (imds.template.kind === 'eks-generated-unseen') return unknown(`Whether nodes of ${name} require IMDSv2 is decided by ${decidedBy}.`);
    return fail(`Nothing requires IMDSv2 on nodes of ${name}: ${imds.template.label} and the region leave it to ${decidedBy}.`, { evidence });
  },
});
