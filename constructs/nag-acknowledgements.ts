/**
 * Acknowledgements, with reasons, of findings that rule packs such as cdk-nag's AwsSolutions and
 * NIST 800-53 R5 report on what these constructs must contain (AWS managed policies EKS requires,
 * CDK's own provider functions). Written through CDK's `Validations.acknowledge`, so no rule
 * pack is a dependency; each acknowledgement names one finding, never a whole rule.
 */
import { Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export const AWS_SOLUTIONS = 'AwsSolutions';
export const NIST_800_53_R5 = 'NIST.800.53.R5';

/** The id CDK's validation report prints after "Acknowledge with": `<Pack>::<Pack>-<Rule>[<finding>]`. */
export function ruleId(pack: string, rule: string, finding?: string): string {
  return `${pack}::${pack}-${rule}${finding !== undefined ? `[${finding}]` : ''}`;
}

export function acknowledgeRule(scope: IConstruct, pack: string, rule: string, reason: string, finding?: string): void {
  Validations.of(scope).acknowledge({ id: ruleId(pack, rule, finding), reason });
}

/**
 * A CloudFormation value as rule packs print it in finding ids: `Ref X` → `<X>`, `GetAtt X.Y` →
 * `<X.Y>`, joins concatenated, anything else as JSON.
 */
export function flattenReference(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/}/g, '>');
  const node = value as Record<string, unknown>;
  if (Array.isArray(node['Fn::Join'])) {
    const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if (node['Fn::Sub'] !== undefined) return flattenReference(node['Fn::Sub']);
  if (Array.isArray(node['Fn::GetAtt'])) {
    const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
    return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
  }
  if (node['Fn::ImportValue'] !== undefined) return flattenReference(node['Fn::ImportValue']);
  if (node.Ref !== undefined) return `<${flattenReference(node.Ref)}>`;
  return JSON.stringify(value);
}

/** The name of an AWS managed policy in an ARN (or a conditional expression holding one). */
function awsManagedPolicyName(flatArn: string): string | undefined {
  return /:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/.exec(flatArn)?.[1];
}

/**
 * Acknowledges AwsSolutions-IAM4 for each AWS managed policy of `role` named in `reasons`, with the
 * reason given for it. Policies not named stay reported.
 */
export function acknowledgeAwsManagedPolicies(role: CfnResource & { managedPolicyArns?: unknown }, reasons: Readonly<Record<string, string>>): void {
  const arns = Stack.of(role).resolve(role.managedPolicyArns) as unknown[] | undefined;
  for (const flat of (arns ?? []).map(flattenReference)) {
    const name = awsManagedPolicyName(flat);
    const reason = name !== undefined ? reasons[name] : undefined;
    if (reason !== undefined) acknowledgeRule(role, AWS_SOLUTIONS, 'IAM4', reason, `Policy::${flat}`);
  }
}

/** Why each AWS managed policy these constructs attach is the right choice, not a shortcut. */
export const MANAGED_POLICY_REASONS: Readonly<Record<string, string>> = {
  AmazonEKSClusterPolicy: 'EKS requires this AWS managed policy on the cluster service role; AWS keeps it in step with the service.',
  AmazonEKSWorkerNodePolicy: 'EKS requires this AWS managed policy on node roles for nodes to join the cluster.',
  AmazonEC2ContainerRegistryPullOnly: 'The narrowest ECR policy EKS documents for nodes: image pulls only.',
  AmazonEKS_CNI_Policy: 'The VPC CNI needs it to manage pod network interfaces; only kube-system/aws-node holds it (Pod Identity or IRSA), never the nodes.',
  AWSLambdaBasicExecutionRole: 'CDK-internal provider function (kubectl provider or AWS API custom resource): writes its own CloudWatch Logs only.',
  AWSLambdaVPCAccessExecutionRole: 'The aws-eks-v2 kubectl provider runs in the VPC to reach the private API endpoint and must manage its network interfaces.',
  AmazonEC2ContainerRegistryReadOnly: 'aws-eks-v2 kubectl provider (CDK-internal): reads Helm charts from ECR; it cannot write.',
  AmazonElasticContainerRegistryPublicReadOnly: 'aws-eks-v2 kubectl provider (CDK-internal), only when ECR Public is available: reads public charts.',
  AWSSupportAccess: 'CIS AWS Foundations 1.17 asks for a role with exactly this AWS managed policy to work with AWS Support.',
};
