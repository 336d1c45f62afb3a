import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRegionCheck, pass } from '../../../lib/engine/check';
import { runChecks } from '../../../lib/engine/run';
import { inventorySchema } from '../../../lib/model';
import { loadTemplates, readCloudAssembly, stacksFromFiles } from '../../../lib/sources/cloudformation/files';
import { TEMPLATE_KINDS } from '../../../lib/sources/cloudformation/mappers';
import { TemplateError } from '../../../lib/sources/cloudformation/types';
import { TEMPLATES, mapped, single } from './fixture';

const detectorDeclared = defineRegionCheck({
  id: 'guardduty-test-declared',
  kind: 'guardduty.detector',
  title: 'A detector is declared',
  severity: 'low',
  description: 'test check',
  risk: 'test check',
  remediation: 'test check',
  references: ['https://example.com'],
  frameworks: { securityHub: ['GuardDuty.1'] },
  evaluate: (detectors) => pass(`${detectors.length} detector(s)`),
});

describe('a template inventory', () => {
  test('is complete for every kind a template can declare, in every region', () => {
    const { inventory } = mapped(single('AWS::KMS::Key', {}));
    expect(inventory.coverage).toEqual(TEMPLATE_KINDS.map((kind) => ({ kind, region: '*', status: 'ok' })));
    expect(inventory.source).toEqual({ type: 'template', stack: 'Test' });
  });

  test('region-scope checks are NOT_APPLICABLE unless the template declares the thing', () => {
    expect(runChecks(mapped(single('AWS::KMS::Key', {})).inventory, [detectorDeclared]).findings.map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
    expect(runChecks(mapped(single('AWS::GuardDuty::Detector', { Enable: true })).inventory, [detectorDeclared]).findings.map((f) => f.status)).toEqual(['PASS']);
  });

  test('types it does not model are skipped; a list it cannot resolve makes its resource incomplete, hence UNKNOWN', () => {
    const template = {
      Parameters: { Rules: { Type: 'String' } },
      Conditions: { Open: { 'Fn::Equals': [{ Ref: 'Rules' }, 'open'] } },
      Resources: {
        Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: { 'Fn::If': ['Open', [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }], []] } } },
      },
    };
    const { inventory } = mapped(template as never);
    expect(Object.keys(inventory.resources)).toEqual(['ec2.security-group']);
    expect(inventory.resources['ec2.security-group']![0]!.incomplete).toMatchObject({ message: 'SecurityGroupIngress depends on <Fn::If Open>, which the template does not determine' });
  });
});

describe('loading files', () => {
  test('several templates become one inventory, stack by stack, still valid', () => {
    const stacks = stacksFromFiles(['eks.yaml', 'iam.json', 'ec2.yaml', 'logging.yaml'].map((f) => join(TEMPLATES, f)));
    const { inventory } = loadTemplates(stacks, { parameters: { AdminCidr: '203.0.113.0/24' } });
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    expect(inventory.source.stack).toBe('eks, iam, ec2, logging');
    expect(inventory.resources['eks.cluster']!.map((c) => c.id)).toContain('cfn:eks/HardenedCluster');
    expect(inventory.resources['iam.role']!.map((r) => r.id)).toContain('cfn:iam/AppRole');
  });

  test('a cloud assembly lists its stacks, nested stages and environments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hardeks-assembly-'));
    mkdirSync(join(dir, 'assembly-Prod'));
    const manifest = (artifacts: object) => JSON.stringify({ version: '55.0.0', artifacts });
    writeFileSync(
      join(dir, 'manifest.json'),
      manifest({
        Net: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'Net.template.json' }, displayName: 'Net' },
        'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
        Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
      }),
    );
    writeFileSync(
      join(dir, 'assembly-Prod', 'manifest.json'),
      manifest({
        ProdCluster: { type: 'aws:cloudformation:stack', environment: 'aws://111122223333/eu-west-1', properties: { templateFile: 'ProdCluster.template.json', stackName: 'prod-cluster' }, displayName: 'Prod/Cluster' },
      }),
    );
    expect(readCloudAssembly(dir)).toEqual([
      { stack: 'Net', file: join(dir, 'Net.template.json'), constructPath: 'Net' },
      { stack: 'prod-cluster', file: join(dir, 'assembly-Prod', 'ProdCluster.template.json'), region: 'eu-west-1', accountId: '111122223333', constructPath: 'Prod/Cluster' },
    ]);
  });

  test('two files that would be the same stack are refused', () => {
    expect(() => stacksFromFiles(['a/web.yaml', 'b/web.template.json'])).toThrow(TemplateError);
  });
});

describe('the deployment environment given as pseudo-parameters', () => {
  const template = {
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'sts:AssumeRole' }],
          },
        },
      },
    },
  };

  test('AWS::AccountId and AWS::Region become the inventory account and region, and the partition follows the region', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hardeks-env-'));
    writeFileSync(join(dir, 'env.json'), JSON.stringify(template));
    const { inventory } = loadTemplates(stacksFromFiles([join(dir, 'env.json')]), { parameters: { 'AWS::AccountId': '111122223333', 'AWS::Region': 'cn-north-1' } });
    expect(inventory.source).toMatchObject({ accountId: '111122223333', regions: ['cn-north-1'] });
    const role = inventory.resources['iam.role']![0]!;
    const trust = role.trustPolicy as unknown as { Statement: { Principal: { AWS: unknown[] } }[] };
    expect(trust.Statement[0]!.Principal.AWS).toEqual(['arn:aws-cn:iam::111122223333:root']);
  });
});
