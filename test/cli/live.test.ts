import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../lib/engine/types';
import type { PolicyDocument } from '../../lib/model';
import { CLI, ensureBuilt } from '../support/build';
import { startWireAws, type WireAws } from '../support/wire-aws';

beforeAll(() => ensureBuilt(), 120_000);

const dir = mkdtempSync(join(tmpdir(), 'hardeks-live-'));
// Credentials for signing only; no instance metadata lookups, no shared config.
const ENV = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIAWIRE',
  AWS_SECRET_ACCESS_KEY: 'wire',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: join(dir, 'none'),
  AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  NO_COLOR: '1',
};

/** Runs the CLI asynchronously: the wire endpoint lives in this process and must keep answering. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('live audit through --endpoint-url (an endpoint speaking the AWS wire protocols)', () => {
  let aws: WireAws;
  beforeAll(async () => {
    aws = await startWireAws(
      '123456789012',
      [
        { name: 'private', region: 'eu-west-1' },
        { name: 'open', region: 'us-east-1', publicCidrs: ['0.0.0.0/0'] },
      ],
      ['us-east-1', 'eu-west-1', 'ap-south-1'],
    );
  });
  afterAll(() => aws.close());

  const endpointStatus = (report: Report) =>
    Object.fromEntries(
      report.findings.filter((f) => f.checkId === 'eks-endpoint-not-public' && f.resource.kind === 'eks.cluster').map((f) => [f.resource.id.split('/').pop(), f.status]),
    );

  test('audit judges the live clusters; what the endpoint denies is UNKNOWN, never PASS', async () => {
    const { code, stdout, stderr } = await run(['audit', '--endpoint-url', aws.url, '--regions', 'us-east-1,eu-west-1', '--checks', 'eks-endpoint-not-public,eks-secrets-encrypted,eks-control-plane-logging', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.metadata.source).toMatchObject({ type: 'live', accountId: '123456789012', regions: ['eu-west-1', 'us-east-1'] });
    expect(endpointStatus(report)).toEqual({ private: 'PASS', open: 'FAIL' });
    expect((report.metadata.source as { collection?: { calls: Record<string, number> } }).collection?.calls['eks:DescribeCluster']).toBe(2);
    // Every finding that names a collection failure is UNKNOWN.
    expect(report.findings.filter((f) => /could not be collected/.test(f.message)).every((f) => f.status === 'UNKNOWN')).toBe(true);
  });

  test('collect writes a snapshot that audits exactly as the live run did', async () => {
    const file = join(dir, 'account.json');
    const collected = await run(['collect', '--endpoint-url', aws.url, '--regions', 'us-east-1,eu-west-1', '--services', 'eks', '--output', file, '--quiet']);
    expect(collected.code).toBe(0);
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect(snapshot.source.type).toBe('live');
    // What EKS checks read from IAM was collected too (--services eks), and this endpoint denied it: recorded, not dropped.
    expect(snapshot.coverage).toContainEqual(expect.objectContaining({ kind: 'iam.role', region: 'global', status: 'error', issue: expect.objectContaining({ code: 'ACCESS_DENIED' }) }));
    const audited = await run(['audit', '--snapshot', file, '--checks', 'eks-endpoint-not-public,eks-secrets-encrypted,eks-control-plane-logging', '--format', 'json']);
    expect(endpointStatus(JSON.parse(audited.stdout) as Report)).toEqual({ private: 'PASS', open: 'FAIL' });
  });

  test('AWS_ENDPOINT_URL sends every client to the endpoint as --endpoint-url does', async () => {
    const before = aws.requests.length;
    const { code, stdout } = await run(['audit', '--regions', 'us-east-1,eu-west-1', '--checks', 'eks-endpoint-not-public,eks-secrets-encrypted,eks-control-plane-logging', '--format', 'json', '--quiet'], { AWS_ENDPOINT_URL: aws.url });
    expect(code).toBe(1);
    expect(endpointStatus(JSON.parse(stdout) as Report)).toEqual({ private: 'PASS', open: 'FAIL' });
    expect(aws.requests.length).toBeGreaterThan(before);
  });

  test('--role-arn assumes the role (with the external id) and signs every audit call with its credentials', async () => {
    const before = aws.requests.length;
    const { code } = await run([
      'audit', '--endpoint-url', aws.url, '--regions', 'eu-west-1', '--checks', 'eks-endpoint-not-public,eks-secrets-encrypted,eks-control-plane-logging', '--quiet',
      '--role-arn', 'arn:aws:iam::123456789012:role/Auditor', '--external-id', 'ext-42', '--role-session-name', 'hardeks-test',
    ]);
    expect(code).toBe(0);
    const requests = aws.requests.slice(before);
    const assume = requests.filter((r) => r.action === 'AssumeRole');
    expect(assume).toHaveLength(1);
    expect(new URLSearchParams(assume[0]!.body).get('ExternalId')).toBe('ext-42');
    expect(new URLSearchParams(assume[0]!.body).get('RoleSessionName')).toBe('hardeks-test');
    expect(assume[0]!.accessKeyId).toBe('AKIAWIRE');
    const audited = requests.filter((r) => r.service === 'eks');
    expect(audited.length).toBeGreaterThan(0);
    expect(new Set(audited.map((r) => r.accessKeyId))).toEqual(new Set(['ASIAASSUMEDROLE']));
  });

  test('collect without --output is a usage error', async () => {
    const { code, stderr } = await run(['collect', '--endpoint-url', aws.url]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('live flags and permissions', () => {
  test.each([
    ['a live flag with a file source', ['audit', '--demo', '--regions', 'eu-west-1']],
    ['a bad concurrency', ['audit', '--concurrency', 'many', '--endpoint-url', 'http://127.0.0.1:9']],
    ['an external id without a role', ['audit', '--external-id', 'x', '--endpoint-url', 'http://127.0.0.1:9']],
    ['a bad endpoint', ['audit', '--endpoint-url', 'localhost']],
  ])('%s → exit 2, one line', async (_name, args) => {
    const { code, stderr, stdout } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^hardeks: /);
  });

  test('an unreachable endpoint is one clear line, not a stack trace', async () => {
    const { code, stderr } = await run(['audit', '--endpoint-url', 'http://127.0.0.1:9', '--regions', 'eu-west-1', '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^hardeks: cannot identify the AWS account/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('permissions prints a read-only policy covering every collector', async () => {
    const { code, stdout } = await run(['permissions']);
    expect(code).toBe(0);
    const policy = JSON.parse(stdout) as PolicyDocument;
    const actions = policy.Statement[0]!.Action as string[];
    expect(actions).toEqual(expect.arrayContaining(['eks:DescribeCluster', 'iam:GetAccountAuthorizationDetails', 'ec2:DescribeRegions', 'guardduty:GetDetector']));
    for (const action of actions) expect(action).toMatch(/^[a-z0-9-]+:(Describe|List|Get|Generate)/);
    const eksOnly = JSON.parse((await run(['permissions', '--services', 'kms'])).stdout) as PolicyDocument;
    expect((eksOnly.Statement[0]!.Action as string[]).some((a) => a.startsWith('eks:'))).toBe(false);
  });
});
