import { eksNodegroupRoleLeastPrivilege } from '../../../lib/checks/eks/nodegroup-role-least-privilege';
import { iamRolesNoPrivilegeEscalation } from '../../../lib/checks/iam/roles-no-privilege-escalation';
import { runChecks } from '../../../lib/engine/run';
import { parsePolicyDocument, policyDocumentSchema, type IamPolicy, type Inventory } from '../../../lib/model';
import { AWS_MANAGED_POLICIES, AWS_MANAGED_POLICIES_READ_ON, recordedAwsManagedPolicy } from '../../../lib/sources/cloudformation/aws-managed-policies';
import type { CfnTemplate } from '../../../lib/sources/cloudformation/types';
import { ACCOUNT, REGION } from '../../fixtures/model';
import { mapped, resource } from './fixture';

/** The ARN forms CDK and hand-written templates use for an AWS managed policy. */
const joinArn = (pathAndName: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${pathAndName}`]] });
const subArn = (pathAndName: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${pathAndName}` });

const LAMBDA_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

/** One role per entry, each attaching the given managed policy ARNs. */
function rolesTemplate(roles: Record<string, unknown[]>): CfnTemplate {
  return {
    Resources: Object.fromEntries(
      Object.entries(roles).map(([logicalId, arns]) => [logicalId, { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: LAMBDA_TRUST, ManagedPolicyArns: arns } }]),
    ),
  };
}

const resourceOf = (inventory: Inventory, logicalId: string) => resource(inventory, 'iam.role', logicalId);
const policyRecord = (inventory: Inventory, id: string) => (inventory.resources['iam.policy'] ?? []).find((p) => p.id === id) as IamPolicy | undefined;
const statusByRole = (inventory: Inventory) =>
  Object.fromEntries(runChecks(inventory, [iamRolesNoPrivilegeEscalation]).findings.map((f) => [f.resource.id.replace(/^cfn:Test\//, ''), f.status]));

describe('the recorded AWS managed policy documents', () => {
  test('each is a valid policy in canonical form, with its version, the day AWS made it and its source', () => {
    for (const p of AWS_MANAGED_POLICIES) {
      expect({ name: p.name, valid: policyDocumentSchema.safeParse(p.document).success }).toEqual({ name: p.name, valid: true });
      // Canonical: normalizing again changes nothing (Statement, Action, Resource and condition values are arrays).
      expect(parsePolicyDocument(p.document)).toEqual(p.document);
      expect(p).toMatchObject({ versionId: expect.stringMatching(/^v\d+$/), versionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), source: expect.stringMatching(/^https:\/\//) });
      expect(p.path).toMatch(/^\/(?:[\w+=,.@-]+\/)*$/);
      expect(p.versionDate <= AWS_MANAGED_POLICIES_READ_ON).toBe(true);
    }
    expect(new Set(AWS_MANAGED_POLICIES.map((p) => `${p.path}${p.name}`)).size).toBe(AWS_MANAGED_POLICIES.length);
  });

  test('the policies EKS clusters and CDK stacks attach are there, under their real paths', () => {
    const expected = [
      '/AmazonEKSClusterPolicy',
      '/AmazonEKSWorkerNodePolicy',
      '/AmazonEKSWorkerNodeMinimalPolicy',
      '/AmazonEKS_CNI_Policy',
      '/AmazonEKSVPCResourceController',
      '/AmazonEC2ContainerRegistryReadOnly',
      '/AmazonEC2ContainerRegistryPullOnly',
      '/AmazonElasticContainerRegistryPublicReadOnly',
      '/AmazonSSMManagedInstanceCore',
      '/service-role/AWSLambdaBasicExecutionRole',
      '/service-role/AWSLambdaVPCAccessExecutionRole',
      '/AWSSupportAccess',
      '/AdministratorAccess',
    ];
    for (const pathAndName of expected) {
      const slash = pathAndName.lastIndexOf('/');
      expect({ pathAndName, recorded: recordedAwsManagedPolicy(pathAndName.slice(0, slash + 1), pathAndName.slice(slash + 1)) !== undefined }).toEqual({ pathAndName, recorded: true });
    }
    // The name alone is not enough: the Lambda execution policies live under service-role/.
    expect(recordedAwsManagedPolicy('/', 'AWSLambdaBasicExecutionRole')).toBeUndefined();
  });
});

describe('AWS managed policies attached in a template', () => {
  const template = rolesTemplate({
    Joined: [joinArn('service-role/AWSLambdaBasicExecutionRole')],
    Substituted: [subArn('service-role/AWSLambdaVPCAccessExecutionRole')],
    Literal: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    Unrecorded: [joinArn('job-function/ViewOnlyAccess')],
    WrongPath: [joinArn('AWSLambdaBasicExecutionRole')],
  });

  test('a recorded policy gets its document and version, in the Fn::Join and Fn::Sub forms alike', () => {
    const inventory = mapped(template, { accountId: ACCOUNT, region: REGION }).inventory;
    const basic = policyRecord(inventory, 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    const recorded = recordedAwsManagedPolicy('/service-role/', 'AWSLambdaBasicExecutionRole')!;
    expect(basic).toMatchObject({ awsManaged: true, defaultVersionId: recorded.versionId, document: recorded.document });
    // Each inventory holds its own copy: nothing a consumer does to it reaches the shared record.
    expect(basic!.document).not.toBe(recorded.document);
    expect(policyRecord(inventory, 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole')?.document).toEqual(
      recordedAwsManagedPolicy('/service-role/', 'AWSLambdaVPCAccessExecutionRole')!.document,
    );
  });

  test('an unrecorded policy, or a recorded name under another path, stays unknown', () => {
    const inventory = mapped(template, { accountId: ACCOUNT, region: REGION }).inventory;
    expect(policyRecord(inventory, 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')?.document).toEqual({ unresolved: '<AWS managed policy ViewOnlyAccess>' });
    expect(policyRecord(inventory, 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole')?.document).toEqual({ unresolved: '<AWS managed policy AWSLambdaBasicExecutionRole>' });
  });

  test('the roles are judged on the documents: PASS, FAIL, and UNKNOWN where a document is not recorded', () => {
    const statuses = statusByRole(mapped(template, { accountId: ACCOUNT, region: REGION }).inventory);
    expect(statuses).toEqual({ Joined: 'PASS', Substituted: 'PASS', Literal: 'FAIL', Unrecorded: 'UNKNOWN', WrongPath: 'UNKNOWN' });
  });

  test('while the partition is open the attachment is unknown, so the role stays UNKNOWN; another partition keeps its own documents', () => {
    const open = mapped(template).inventory;
    expect(resourceOf(open, 'Joined').attachedPolicies).toEqual([{ unresolved: 'arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }]);
    expect(statusByRole(open).Joined).toBe('UNKNOWN');
    const china = mapped(template, { accountId: ACCOUNT, region: 'cn-north-1' }).inventory;
    expect(policyRecord(china, 'arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')?.document).toEqual({ unresolved: '<AWS managed policy AWSLambdaBasicExecutionRole>' });
    expect(statusByRole(china).Joined).toBe('UNKNOWN');
  });

  test('a node role with the EKS worker policies is judged least-privileged', () => {
    const nodeTrust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const nodes: CfnTemplate = {
      Resources: {
        NodeRole: {
          Type: 'AWS::IAM::Role',
          Properties: { AssumeRolePolicyDocument: nodeTrust, ManagedPolicyArns: [joinArn('AmazonEKSWorkerNodePolicy'), joinArn('AmazonEC2ContainerRegistryPullOnly')] },
        },
        Nodes: {
          Type: 'AWS::EKS::Nodegroup',
          Properties: { ClusterName: 'prod', NodeRole: { 'Fn::GetAtt': ['NodeRole', 'Arn'] }, Subnets: ['subnet-0a'] },
        },
      },
    };
    const findings = runChecks(mapped(nodes, { accountId: ACCOUNT, region: REGION }).inventory, [eksNodegroupRoleLeastPrivilege]).findings;
    expect(findings.map((f) => ({ status: f.status, resource: f.resource.id }))).toEqual(expect.arrayContaining([{ status: 'PASS', resource: 'cfn:Test/Nodes' }]));
    expect(findings.filter((f) => f.status !== 'PASS').map((f) => [f.key, f.status])).toEqual([]);
  });
});
