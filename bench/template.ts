import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CHECKS } from '../lib/checks';
import { runChecks } from '../lib/engine/run';
import { loadTemplates } from '../lib/sources/cloudformation/files';

/**
 * A synthesized-looking template of `size` resources: VPCs with subnets, security groups with
 * separate ingress rules (as CDK emits them), roles with policies, keys, launch templates, clusters
 * and node groups, wired with Ref and Fn::GetAtt.
 */
export function generatedTemplate(size = 2000): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  const add = (id: string, resource: unknown) => {
    if (Object.keys(resources).length < size) resources[id] = resource;
  };
  for (let i = 0; Object.keys(resources).length < size; i++) {
    add(`Vpc${i}`, { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: `10.${i % 250}.0.0/16` } });
    add(`Subnet${i}`, { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: `Vpc${i}` }, CidrBlock: `10.${i % 250}.1.0/24` } });
    add(`Sg${i}`, { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: `group ${i}`, VpcId: { Ref: `Vpc${i}` } } });
    for (const port of [443, 22, 5432]) {
      add(`Sg${i}In${port}`, { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': [`Sg${i}`, 'GroupId'] }, IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: port === 22 && i % 5 === 0 ? '0.0.0.0/0' : '10.0.0.0/8' } });
    }
    add(`Role${i}`, {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
    });
    add(`Role${i}Policy`, {
      Type: 'AWS::IAM::Policy',
      Properties: { PolicyName: `p${i}`, Roles: [{ Ref: `Role${i}` }], PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: i % 7 === 0 ? '*' : ['s3:GetObject'], Resource: '*' }] } },
    });
    add(`Key${i}`, { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: i % 2 === 0 } });
    add(`Template${i}`, { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: i % 3 === 0 ? 'optional' : 'required' } } } });
    if (i % 4 === 0) {
      add(`Cluster${i}`, {
        Type: 'AWS::EKS::Cluster',
        Properties: {
          RoleArn: { 'Fn::GetAtt': [`Role${i}`, 'Arn'] },
          ResourcesVpcConfig: { SubnetIds: [{ Ref: `Subnet${i}` }], SecurityGroupIds: [{ 'Fn::GetAtt': [`Sg${i}`, 'GroupId'] }], EndpointPublicAccess: i % 8 === 0 },
          EncryptionConfig: [{ Provider: { KeyArn: { 'Fn::GetAtt': [`Key${i}`, 'Arn'] } }, Resources: ['secrets'] }],
        },
      });
      add(`Nodes${i}`, { Type: 'AWS::EKS::Nodegroup', Properties: { ClusterName: { Ref: `Cluster${i}` }, NodeRole: { 'Fn::GetAtt': [`Role${i}`, 'Arn'] }, Subnets: [{ Ref: `Subnet${i}` }], LaunchTemplate: { Id: { Ref: `Template${i}` } } } });
    }
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

export interface TemplateResult {
  readonly resources: number;
  readonly findings: number;
  /** Median of the runs after one warm-up: read, map and judge with every check. */
  readonly medianMs: number;
  readonly runs: number;
}

export function benchTemplate(size = 2000, runs = 5): TemplateResult {
  const file = join(mkdtempSync(join(tmpdir(), 'hardeks-bench-')), 'Big.template.json');
  writeFileSync(file, JSON.stringify(generatedTemplate(size)));
  const once = () => {
    const started = performance.now();
    const { inventory, suppressions } = loadTemplates([{ stack: 'Big', file }]);
    const report = runChecks(inventory, ALL_CHECKS, { suppressions, now: new Date('2026-11-26T00:00:00Z') });
    return { ms: performance.now() - started, findings: report.findings.length };
  };
  const { findings } = once();
  const times = Array.from({ length: runs }, () => once().ms).sort((a, b) => a - b);
  return { resources: size, findings, medianMs: Math.round(times[Math.floor(runs / 2)]!), runs };
}
