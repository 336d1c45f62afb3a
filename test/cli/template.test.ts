import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Report } from '../../lib/engine/types';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'bin', 'hardeks.js');
const dir = mkdtempSync(join(tmpdir(), 'hardeks-template-'));
const EKS_ONLY = ['--checks', 'eks-endpoint-not-public,eks-control-plane-logging,eks-secrets-encrypted'];

function run(args: string[]) {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const cluster = (endpoint: string, extra = '') => `Parameters:
  AdminCidr: { Type: String }
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
${extra}    Properties:
      Name: web
      RoleArn: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-1, subnet-2]
${endpoint}
      Logging:
        ClusterLogging:
          EnabledTypes: [{ Type: api }, { Type: audit }, { Type: authenticator }, { Type: controllerManager }, { Type: scheduler }]
      EncryptionConfig:
        - { Provider: { KeyArn: !GetAtt Key.Arn }, Resources: [secrets] }
  Key:
    Type: AWS::KMS::Key
    Properties: { EnableKeyRotation: true }
`;

const hardened = file('hardened.yaml', cluster('        EndpointPublicAccess: false'));
const publicTemplate = file('public.yaml', cluster(''));
const parameterised = file('param.yaml', cluster('        PublicAccessCidrs: [!Ref AdminCidr]'));
const accepted = file(
  'accepted.yaml',
  cluster('', '    Metadata:\n      hardeks:\n        suppressions:\n          - { checkId: eks-endpoint-not-public, reason: Sandbox reachable from the office only }\n'),
);
const json = (stdout: string) => JSON.parse(stdout) as Report;
const expectOneCleanLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^hardeks: .*\[[A-Z_]+\]$/m);
};

describe('hardeks audit --template / --cdk-out (child process)', () => {
  test('a hardened template passes: exit 0', () => expect(run(['audit', '--template', hardened, ...EKS_ONLY]).code).toBe(0));

  test('a public endpoint fails: exit 1, and the finding names stack, logical id, file and line', () => {
    const { code, stdout } = run(['audit', '--template', publicTemplate, ...EKS_ONLY, '--format', 'json']);
    expect(code).toBe(1);
    const finding = json(stdout).findings.find((f) => f.checkId === 'eks-endpoint-not-public')!;
    expect(finding.status).toBe('FAIL');
    expect(finding.resource.id).toBe('cfn:public/Cluster');
    expect(finding.resource.origin).toEqual({ kind: 'cfn', stack: 'public', logicalId: 'Cluster', file: publicTemplate, line: 4 });
  });

  test('several templates are audited together', () => {
    const { code, stdout } = run(['audit', '--template', hardened, publicTemplate, ...EKS_ONLY, '--format', 'json']);
    expect(code).toBe(1);
    const endpoint = json(stdout).findings.filter((f) => f.checkId === 'eks-endpoint-not-public').map((f) => [f.resource.id, f.status]);
    expect(endpoint).toEqual([
      ['cfn:hardened/Cluster', 'PASS'],
      ['cfn:public/Cluster', 'FAIL'],
    ]);
  });

  test('a parameter-controlled CIDR is UNKNOWN until --parameter gives it', () => {
    expect(run(['audit', '--template', parameterised, ...EKS_ONLY]).code).toBe(0);
    expect(run(['audit', '--template', parameterised, ...EKS_ONLY, '--strict']).code).toBe(3);
    expect(run(['audit', '--template', parameterised, ...EKS_ONLY, '--parameter', 'AdminCidr=0.0.0.0/0']).code).toBe(1);
    expect(run(['audit', '--template', parameterised, ...EKS_ONLY, '--parameter', 'AdminCidr=203.0.113.0/24', '--strict']).code).toBe(0);
  });

  test('an acceptance recorded in the resource metadata marks the finding and keeps its status', () => {
    const { code, stdout } = run(['audit', '--template', accepted, ...EKS_ONLY, '--format', 'json']);
    expect(code).toBe(0);
    const finding = json(stdout).findings.find((f) => f.checkId === 'eks-endpoint-not-public')!;
    expect(finding.status).toBe('FAIL');
    expect(finding.suppressed).toEqual({ reason: 'Sandbox reachable from the office only', source: 'cfn-metadata' });
  });

  test('--cdk-out audits every stack of a synthesized app, naming construct paths', () => {
    const outdir = join(dir, 'cdk.out');
    const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true } });
    new eks.Cluster(new Stack(app, 'Plain'), 'Cluster', { version: eks.KubernetesVersion.V1_33 });
    app.synth();
    const { code, stdout } = run(['audit', '--cdk-out', outdir, ...EKS_ONLY, '--format', 'json']);
    expect(code).toBe(1);
    const finding = json(stdout).findings.find((f) => f.checkId === 'eks-endpoint-not-public')!;
    expect(finding.status).toBe('FAIL');
    expect(finding.resource.origin).toMatchObject({ kind: 'cfn', stack: 'Plain', constructPath: 'Plain/Cluster/Resource' });
  });

  describe('input errors: exit 2, one line', () => {
    test.each([
      ['a template that does not parse', () => ['audit', '--template', file('broken.yaml', 'Resources: [\n')]],
      ['a file that is not a template', () => ['audit', '--template', file('not.json', '{"Description": "x"}')]],
      ['a missing template', () => ['audit', '--template', join(dir, 'missing.yaml')]],
      ['a parameter no template declares', () => ['audit', '--template', hardened, '--parameter', 'Nope=1']],
      ['a parameter that is not Key=Value', () => ['audit', '--template', hardened, '--parameter', 'AdminCidr']],
      ['a parameter without a template', () => ['audit', '--demo', '--parameter', 'AdminCidr=1']],
      ['a directory that is no cloud assembly', () => ['audit', '--cdk-out', dir]],
      ['an acceptance without a proper reason', () => ['audit', '--template', file('short.yaml', cluster('', '    Metadata: { hardeks: { suppressions: [{ checkId: eks-endpoint-not-public, reason: todo }] } }\n'))]],
    ])('%s', (_name, args) => {
      const { code, stdout, stderr } = run(args());
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expectOneCleanLine(stderr);
    });

    test('two sources at once', () => {
      const { code, stderr } = run(['audit', '--template', hardened, '--demo']);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  });
});
