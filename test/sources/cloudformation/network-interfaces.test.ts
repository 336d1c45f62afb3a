import { ec2SgInUse } from '../../../lib/checks/ec2/sg-in-use';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory, NetworkInterface } from '../../../lib/model';
import { mergeInventories } from '../../../lib/sources/cloudformation/files';
import type { CfnTemplate } from '../../../lib/sources/cloudformation/types';
import { ACCOUNT, REGION } from '../../fixtures/model';
import { mapped, resource } from './fixture';

const groupId = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'GroupId'] });
const group = (description: string) => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: description, VpcId: { Ref: 'Vpc' } } });

/** A VPC with two subnets and the groups named; `more` adds the resources under test. */
function vpcTemplate(groups: readonly string[], more: Record<string, unknown>, extra: Record<string, unknown> = {}): CfnTemplate {
  return {
    ...extra,
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      SubnetA: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24' } },
      SubnetB: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24' } },
      ...Object.fromEntries(groups.map((g) => [g, group(g)])),
      ...more,
    },
  } as CfnTemplate;
}

const endpoint = (type: string | undefined, properties: Record<string, unknown> = {}) => ({
  Type: 'AWS::EC2::VPCEndpoint',
  Properties: {
    ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.sts']] },
    VpcId: { Ref: 'Vpc' },
    ...(type ? { VpcEndpointType: type } : {}),
    ...properties,
  },
});

const inventoryOf = (template: CfnTemplate, stack = 'Test'): Inventory => mapped(template, { stack, accountId: ACCOUNT, region: REGION }).inventory;
const interfaces = (inventory: Inventory) => (inventory.resources['ec2.network-interface'] ?? []) as NetworkInterface[];
const interfaceCoverage = (inventory: Inventory) => inventory.coverage.find((c) => c.kind === 'ec2.network-interface');
const inUse = (inventory: Inventory) =>
  Object.fromEntries(runChecks(inventory, [ec2SgInUse]).findings.map((f) => [f.resource.id.replace(/^cfn:\w+\//, ''), f.status]));

describe('AWS::EC2::VPCEndpoint', () => {
  test('an interface endpoint is a network interface holding its security groups', () => {
    const inventory = inventoryOf(vpcTemplate(['EndpointSg'], { Sts: endpoint('Interface', { SecurityGroupIds: [groupId('EndpointSg')], SubnetIds: [{ Ref: 'SubnetA' }, { Ref: 'SubnetB' }] }) }));
    expect(resource(inventory, 'ec2.network-interface', 'Sts')).toMatchObject({
      networkInterfaceId: 'cfn:Test/Sts',
      interfaceType: 'vpc_endpoint',
      vpcId: 'cfn:Test/Vpc',
      securityGroupIds: ['cfn:Test/EndpointSg'],
    });
    expect(resource(inventory, 'ec2.network-interface', 'Sts').incomplete).toBeUndefined();
    expect(interfaceCoverage(inventory)).toEqual({ kind: 'ec2.network-interface', region: '*', status: 'ok' });
  });

  test('a gateway endpoint, the default type, has no network interface; a Gateway Load Balancer endpoint has one without groups', () => {
    const inventory = inventoryOf(vpcTemplate([], { S3: endpoint(undefined), Dynamo: endpoint('Gateway'), Inspection: endpoint('GatewayLoadBalancer') }));
    expect(interfaces(inventory).map((n) => [n.id, n.interfaceType, n.securityGroupIds])).toEqual([['cfn:Test/Inspection', 'gateway_load_balancer_endpoint', []]]);
  });
});

describe('network interfaces of functions and declared interfaces', () => {
  test('a Lambda function in a VPC holds its groups; a group EKS creates is not one of the template and is left out', () => {
    const inventory = inventoryOf(
      vpcTemplate(['FunctionSg'], {
        Cluster: { Type: 'AWS::EKS::Cluster', Properties: { ResourcesVpcConfig: { SubnetIds: [{ Ref: 'SubnetA' }] } } },
        Handler: {
          Type: 'AWS::Lambda::Function',
          Properties: { VpcConfig: { SecurityGroupIds: [groupId('FunctionSg'), { 'Fn::GetAtt': ['Cluster', 'ClusterSecurityGroupId'] }], SubnetIds: [{ Ref: 'SubnetA' }] } },
        },
        OutsideVpc: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler' } },
      }),
    );
    expect(interfaces(inventory).map((n) => ({ id: n.id, type: n.interfaceType, vpc: n.vpcId, groups: n.securityGroupIds, incomplete: n.incomplete }))).toEqual([
      { id: 'cfn:Test/Handler', type: 'lambda', vpc: 'cfn:Test/Vpc', groups: ['cfn:Test/FunctionSg'], incomplete: undefined },
    ]);
  });

  test('AWS::EC2::NetworkInterface holds its GroupSet, in its subnet and VPC', () => {
    const inventory = inventoryOf(vpcTemplate(['AppSg'], { Eni: { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: { Ref: 'SubnetA' }, GroupSet: [{ Ref: 'AppSg' }] } } }));
    expect(resource(inventory, 'ec2.network-interface', 'Eni')).toMatchObject({ subnetId: 'cfn:Test/SubnetA', vpcId: 'cfn:Test/Vpc', interfaceType: 'interface', securityGroupIds: ['cfn:Test/AppSg'] });
  });

  test('a group of the template hidden in an undecidable value makes the interface incomplete, never absent', () => {
    const template = vpcTemplate(
      ['BlueSg', 'GreenSg'],
      { Sts: endpoint('Interface', { SecurityGroupIds: [{ 'Fn::If': ['IsBlue', groupId('BlueSg'), groupId('GreenSg')] }] }) },
      { Parameters: { Colour: { Type: 'String' } }, Conditions: { IsBlue: { 'Fn::Equals': [{ Ref: 'Colour' }, 'blue'] } } },
    );
    const inventory = inventoryOf(template);
    expect(resource(inventory, 'ec2.network-interface', 'Sts')).toMatchObject({ securityGroupIds: [], incomplete: { code: 'UNEXPECTED', operation: 'AWS::EC2::VPCEndpoint' } });
    // Neither group is called unused: which one the endpoint holds is not known, and the record says so.
    expect(inventory.coverage.find((c) => c.kind === 'ec2.network-interface')?.status).toBe('ok');
    expect(inUse(inventory)).toEqual({ BlueSg: 'UNKNOWN', GreenSg: 'UNKNOWN' });
    // Once the condition is decided, so is the use.
    expect(inUse(mapped(template, { accountId: ACCOUNT, region: REGION, parameters: { Colour: 'blue' } }).inventory)).toEqual({ BlueSg: 'PASS', GreenSg: 'FAIL' });
  });
});

describe('ec2-sg-in-use on a template', () => {
  test('the endpoint group is in use, and a group nothing in the stack uses fails', () => {
    const inventory = inventoryOf(vpcTemplate(['EndpointSg', 'Leftover'], { Sts: endpoint('Interface', { SecurityGroupIds: [groupId('EndpointSg')] }) }));
    expect(inUse(inventory)).toEqual({ EndpointSg: 'PASS', Leftover: 'FAIL' });
  });

  test.each([
    [
      'a database the source does not model',
      { Db: { Type: 'AWS::RDS::DBInstance', Properties: { VPCSecurityGroups: [groupId('DbSg')] } } },
      {},
      'AWS::RDS::DBInstance Db refers to security group cfn:Test/DbSg',
    ],
    [
      'a node group allowing SSH from it (EKS creates the rule in a group of its own)',
      { Nodes: { Type: 'AWS::EKS::Nodegroup', Properties: { ClusterName: 'prod', NodeRole: 'arn:aws:iam::111122223333:role/nodes', Subnets: ['subnet-0a'], RemoteAccess: { Ec2SshKey: 'ops', SourceSecurityGroups: [{ Ref: 'DbSg' }] } } } },
      {},
      'AWS::EKS::Nodegroup Nodes refers to security group cfn:Test/DbSg',
    ],
    [
      'a rule added to a group of another stack',
      { Rule: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: 'sg-0123456789abcdef0', IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: groupId('DbSg') } } },
      {},
      'AWS::EC2::SecurityGroupIngress Rule refers to security group cfn:Test/DbSg',
    ],
    ['an Output other stacks import', {}, { Outputs: { DbSgId: { Value: groupId('DbSg'), Export: { Name: 'db-sg' } } } }, 'Output DbSgId gives security group cfn:Test/DbSg'],
  ])('a group used by %s is UNKNOWN, not FAIL: the interfaces are not claimed complete', (_what, more, extra, reason) => {
    const inventory = inventoryOf(vpcTemplate(['DbSg'], more, extra));
    expect(interfaceCoverage(inventory)).toMatchObject({ status: 'error', issue: { code: 'UNEXPECTED', service: 'cloudformation', message: expect.stringContaining(reason) } });
    expect(inUse(inventory)).toEqual({ DbSg: 'UNKNOWN' });
  });

  test('uses the inventory records keep the interfaces complete: rules folded into the stack\'s groups, launch templates', () => {
    const inventory = inventoryOf(
      vpcTemplate(['AppSg', 'DbSg', 'NodeSg'], {
        AppToDb: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: groupId('DbSg'), IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: groupId('AppSg') } },
        Nodes: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { SecurityGroupIds: [groupId('NodeSg')] } } },
      }),
    );
    expect(interfaceCoverage(inventory)?.status).toBe('ok');
    // The rule uses AppSg; DbSg only owns it, and nothing else uses it.
    expect(inUse(inventory)).toEqual({ AppSg: 'PASS', DbSg: 'FAIL', NodeSg: 'PASS' });
  });

  test('an EKS cluster\'s groups are recorded with the cluster and keep the interfaces complete', () => {
    const inventory = inventoryOf(
      vpcTemplate(['ControlPlaneSg'], {
        Cluster: { Type: 'AWS::EKS::Cluster', Properties: { ResourcesVpcConfig: { SubnetIds: [{ Ref: 'SubnetA' }], SecurityGroupIds: [groupId('ControlPlaneSg')] } } },
      }),
    );
    expect(interfaceCoverage(inventory)?.status).toBe('ok');
    expect(inUse(inventory)).toEqual({ ControlPlaneSg: 'PASS' });
  });

  test('one stack whose groups may be used unseen keeps another stack\'s unused group UNKNOWN once merged', () => {
    const seen = inventoryOf(vpcTemplate(['Leftover'], {}), 'Network');
    const unseen = inventoryOf(vpcTemplate(['DbSg'], { Db: { Type: 'AWS::RDS::DBInstance', Properties: { VPCSecurityGroups: [groupId('DbSg')] } } }), 'Data');
    expect(inUse(seen)).toEqual({ Leftover: 'FAIL' });
    expect(inUse(mergeInventories([seen, unseen]))).toEqual({ Leftover: 'UNKNOWN', DbSg: 'UNKNOWN' });
  });
});
