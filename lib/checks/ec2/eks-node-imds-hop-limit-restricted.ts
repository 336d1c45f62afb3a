import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { describeResolvable } from '../../model';
import { eksNodeReason, isGone } from './lib/instances';
import { integerOption } from './lib/options';

export const ec2EksNodeImdsHopLimitRestricted = defineResourceCheck({
  id: 'ec2-eks-node-imds-hop-limit-restricted',
  kind: 'ec2.instance',
  title: 'EKS nodes keep pods away from the instance metadata service',
  severity: 'high',
  description:
    'On instances that run pods (EKS nodes: tagged eks:cluster-name, eks:eks-cluster-name, aws:eks:cluster-name or ' +
    'kubernetes.io/cluster/<name>, or launched from a template an EKS node group uses) the metadata service either is off, ' +
    'or requires IMDSv2 with a PUT response hop limit of at most `maxHopLimit` (default 1). With hop limit 1 the token ' +
    'cannot cross the extra hop into a pod network namespace. IMDSv1 is not hop-limited, so a node that accepts it fails ' +
    'whatever its hop limit. Other instances are NOT_APPLICABLE. Set `maxHopLimit: 2` only where pods must read instance ' +
    'metadata. Maps to CIS EKS 5.2.1 (dedicated EKS service accounts), whose rationale rules out workloads using the node\'s IAM role: ' +
    'pods only use their dedicated identities (IRSA, Pod Identity) if they cannot borrow it.',
  risk:
    'Any pod (or an attacker with code execution in one) can fetch the node role\'s credentials from IMDS and act with them: ' +
    'pull every image, describe the cluster, attach network interfaces, and often much more.',
  remediation:
    'Set HttpTokens=required and HttpPutResponseHopLimit=1 in the node group\'s launch template (aws ec2 ' +
    'modify-instance-metadata-options for running nodes), and give pods their own identities through IRSA or EKS Pod Identity. ' +
    'HardenedEksCluster does this by default.',
  references: [
    'https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
  ],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },
  defaultOptions: { maxHopLimit: 1 },

  evaluate(instance, ctx) {
    const name = describeResolvable(instance.instanceId);
    if (isGone(instance.state)) return notApplicable(`${name} is ${instance.state}.`);
    const node = eksNodeReason(instance, ctx);
    if (node === undefined) return notApplicable(`${name} is not an EKS node.`);
    const maxHopLimit = integerOption(ctx, 'maxHopLimit', 1, 64);
    const options = instance.metadataOptions;
    if (must(options.httpEndpoint) === 'disabled') return pass(`${name} (an EKS node: ${node}) has the instance metadata service turned off.`);
    const evidence = { httpTokens: must(options.httpTokens), httpPutResponseHopLimit: must(options.httpPutResponseHopLimit), maxHopLimit, node };
    if (evidence.httpTokens !== 'required') {
      return fail(`${name} (an EKS node: ${node}) accepts IMDSv1, which pods reach whatever the hop limit.`, { evidence });
    }
    if (evidence.httpPutResponseHopLimit > maxHopLimit) {
      return fail(`${name} (an EKS node: ${node}) lets IMDSv2 tokens travel ${evidence.httpPutResponseHopLimit} hops, into pods (allowed: ${maxHopLimit}).`, { evidence });
    }
    return pass(`${name} (an EKS node: ${node}) requires IMDSv2 with hop limit ${evidence.httpPutResponseHopLimit}.`, { evidence });
  },
});
