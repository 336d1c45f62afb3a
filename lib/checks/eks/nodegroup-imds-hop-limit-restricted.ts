import { defineResourceCheck, fail, must, notApplicable, pass, unknown } from '../../engine/check';
import { integerOption } from '../ec2/lib/options';
import { nodeImds } from './lib/imds';
import { CIS_EKS, EKS_BEST_PRACTICES_IAM } from './lib/references';

export const eksNodegroupImdsHopLimitRestricted = defineResourceCheck({
  id: 'eks-nodegroup-imds-hop-limit-restricted',
  kind: 'eks.nodegroup',
  title: 'EKS node groups keep IMDSv2 tokens out of pods',
  severity: 'high',
  description:
    'The IMDSv2 PUT response hop limit of the node group\'s launch template version is at most `maxHopLimit` (default 1), so a ' +
    'token cannot cross the extra hop into a pod\'s network namespace. Settings resolve as in eks-nodegroup-imdsv2-required ' +
    '(version, account default, the documented AL2023 managed-node default of 1); a limit left to the AMI is UNKNOWN (EC2 gives 1, ' +
    'or 2 to AMIs registered with imds-support v2.0, which the inventory does not record). Node groups that still accept IMDSv1 ' +
    'are NOT_APPLICABLE (eks-nodegroup-imdsv2-required fails them: IMDSv1 is not hop-limited), as are ones with IMDS off. ' +
    'Set `maxHopLimit: 2` only where pods must read instance metadata.',
  risk: 'With a hop limit of 2 or more any pod can fetch an IMDSv2 token and the node role\'s credentials, bypassing IRSA and Pod Identity.',
  remediation: 'Set MetadataOptions HttpPutResponseHopLimit=1 in a new launch template version and update the node group to it.',
  references: [EKS_BEST_PRACTICES_IAM, 'https://docs.aws.amazon.com/eks/latest/userguide/al2023.html', CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },
  defaultOptions: { maxHopLimit: 1 },

  evaluate(nodegroup, ctx) {
    const name = must(nodegroup.name);
    const max = integerOption(ctx, 'maxHopLimit', 1, 64);
    const imds = nodeImds(nodegroup, ctx);
    if (imds.endpointDisabled) return notApplicable(`Nodes of ${name} have the instance metadata service turned off.`);
    const tokens = imds.tokens();
    if (tokens.value === undefined && imds.template.kind === 'eks-generated-unseen') return unknown(`The IMDS settings of ${name}'s nodes are decided by ${tokens.decidedBy}.`);
    if (tokens.value !== 'required') return notApplicable(`Nodes of ${name} are not held to IMDSv2, so the hop limit protects nothing (see eks-nodegroup-imdsv2-required).`);
    const { value, decidedBy } = imds.hopLimit();
    if (value === undefined) return unknown(`The IMDS hop limit of ${name}'s nodes is left to ${decidedBy}.`);
    const evidence = { httpPutResponseHopLimit: value, maxHopLimit: max, decidedBy };
    return value <= max
      ? pass(`Nodes of ${name} keep IMDSv2 tokens to ${value} hop${value === 1 ? '' : 's'} (set by ${decidedBy}).`, { evidence })
      : fail(`Nodes of ${name} let IMDSv2 tokens travel ${value} hops, into pods (allowed: ${max}; set by ${decidedBy}).`, { evidence });
  },
});
