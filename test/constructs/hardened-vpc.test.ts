import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { HardenedVpc, HardeningErrorCode, HardeningValidationError, type HardenedVpcProps } from '../../constructs';
import { appWithoutFlags, resourcesOfType } from '../fixtures/constructs';

function vpcTemplate(props: HardenedVpcProps = {}): Template {
  const stack = new Stack(appWithoutFlags(), 'Network');
  new HardenedVpc(stack, 'Vpc', props);
  return Template.fromStack(stack);
}

describe('HardenedVpc', () => {
  const template = vpcTemplate();

  test('public subnets assign no public IPs; nodes get private subnets', () => {
    const subnets = Object.values(resourcesOfType(template, 'AWS::EC2::Subnet'));
    expect(subnets.length).toBeGreaterThanOrEqual(4);
    for (const subnet of subnets) expect(subnet.Properties.MapPublicIpOnLaunch).not.toBe(true);
    expect(subnets.filter((s) => JSON.stringify(s.Properties.Tags).includes('Private'))).not.toHaveLength(0);
  });

  test('flow logs of all traffic go to a retained, KMS-encrypted log group through a role only this account\'s flow logs can use', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365, KmsKeyId: Match.anyValue() }, DeletionPolicy: 'Retain' });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() }, ArnLike: { 'aws:SourceArn': Match.anyValue() } } })],
      },
    });
  });

  test('the default security group is stripped of its rules', () => {
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });

  test('a private cluster\'s endpoints exist, behind one group that admits HTTPS from the VPC\'s literal range only', () => {
    const services = Object.values(resourcesOfType(template, 'AWS::EC2::VPCEndpoint')).map((e) => JSON.stringify(e.Properties.ServiceName));
    for (const service of ['ecr.api', 'ecr.dkr', '.sts', '.ec2', '.logs', '.eks"', '.eks-auth', '.s3']) expect(services.some((s) => s.includes(service))).toBe(true);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.anyValue() }],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  test('fewer than two zones, or short flow-log retention, are refused', () => {
    const codeOf = (props: HardenedVpcProps) => {
      try {
        vpcTemplate(props);
      } catch (error) {
        return (error as HardeningValidationError).code;
      }
      return undefined;
    };
    expect(codeOf({ maxAzs: 1 })).toBe(HardeningErrorCode.VPC);
    expect(codeOf({ flowLogRetention: logs.RetentionDays.ONE_MONTH })).toBe(HardeningErrorCode.LOG_RETENTION);
  });
});
