import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../bin/cli/program';
import type { Report } from '../../lib/engine/types';
import type { EksCluster, Inventory } from '../../lib/model';
import { serializeSnapshot } from '../../lib/sources/snapshot/snapshot';
import { deniedCoverage, fakeEksCluster, inventoryOf, okCoverage } from '../fixtures/model';
import { CLI, ensureBuilt } from '../support/build';

// Compiling takes a few seconds the first time; it is skipped while dist/ is up to date.
beforeAll(() => ensureBuilt(), 120_000);

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'hardeks-cli-'));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** The three checks these fixtures are built for; the rest of the catalog has its own tests. */
const FIRST_EKS_CHECKS = 'eks-endpoint-not-public,eks-secrets-encrypted,eks-control-plane-logging';

/** The fixtures hold EKS clusters only; other checks would report what they read as "not collected". */
function runEks(args: string[], env: NodeJS.ProcessEnv = {}) {
  return run(args.includes('--checks') ? args : [...args, '--checks', FIRST_EKS_CHECKS], env);
}

function snapshot(name: string, inventory: Inventory): string {
  const file = join(dir, name);
  writeFileSync(file, serializeSnapshot(inventory));
  return file;
}

function noKey(cluster: EksCluster): EksCluster {
  const { secretsKeyArn: _k, ...rest } = cluster;
  void _k;
  return rest;
}

const hardened = snapshot('hardened.json', inventoryOf([fakeEksCluster({ name: 'good' })]));
// Medium-only failures: logs partly off, secrets not encrypted; the endpoint (high) is fine.
const mediumOnly = snapshot('medium.json', inventoryOf([noKey(fakeEksCluster({ name: 'meh', enabledLogTypes: ['audit'] }))]));
const insecure = snapshot(
  'insecure.json',
  inventoryOf([noKey(fakeEksCluster({ name: 'bad', endpoint: { publicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }, enabledLogTypes: [] }))]),
);
const partlyDenied = snapshot(
  'denied.json',
  inventoryOf([fakeEksCluster({ name: 'good' })], {
    source: { regions: ['eu-west-1', 'us-east-1'] },
    coverage: [okCoverage('eks.cluster', 'eu-west-1'), deniedCoverage('eks.cluster', 'us-east-1')],
  }),
);

const json = (stdout: string) => JSON.parse(stdout) as Report;
const expectOneCleanLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^hardeks: /);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('hardeks CLI (child process)', () => {
  test('--version prints the package version', () => {
    const { code, stdout } = run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test.each([[['--help']], [['audit', '--help']], [['checks', '--help']]])('%j exits 0 with usage', (args) => {
    const { code, stdout } = run(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: hardeks/);
  });

  test('no arguments prints help and exits 2', () => {
    const { code, stdout } = run([]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^Usage: hardeks/);
  });

  describe('exit codes', () => {
    test('0 when nothing fails', () => expect(runEks(['audit', '--snapshot', hardened]).code).toBe(0));
    test('1 when something fails', () => expect(runEks(['audit', '--snapshot', insecure]).code).toBe(1));
    test('0 when every FAIL is below --fail-on', () => expect(runEks(['audit', '--snapshot', mediumOnly, '--fail-on', 'high']).code).toBe(0));
    test('1 when a FAIL is at --fail-on', () => expect(runEks(['audit', '--snapshot', mediumOnly, '--fail-on', 'medium']).code).toBe(1));
    test('UNKNOWN findings: 0 by default, 3 with --strict', () => {
      expect(runEks(['audit', '--snapshot', partlyDenied]).code).toBe(0);
      expect(runEks(['audit', '--snapshot', partlyDenied, '--strict']).code).toBe(3);
    });
    test('FAIL wins over --strict', () => expect(runEks(['audit', '--snapshot', insecure, '--strict']).code).toBe(1));
  });

  describe('usage and input errors: exit 2, one clear line, no stack trace', () => {
    test.each([
      ['an unknown flag', ['audit', '--snapshot', 'x.json', '--bogus']],
      ['an unknown command', ['frobnicate']],
      ['a bad format', ['audit', '--demo', '--format', 'xml']],
      ['a bad severity', ['audit', '--demo', '--fail-on', 'urgent']],
      ['no source', ['audit']],
      ['both sources', ['audit', '--demo', '--snapshot', 'x.json']],
      ['a missing file', ['audit', '--snapshot', join(dir, 'missing.json')]],
      ['an unknown check id', ['audit', '--snapshot', 'x.json', '--checks', 'eks-nope']],
      ['an unknown service', ['checks', '--services', 'lambda']],
    ])('%s', (_name, args) => {
      const { code, stdout, stderr } = run(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expectOneCleanLine(stderr);
    });

    test('a file that is not JSON', () => {
      const file = join(dir, 'garbage.json');
      writeFileSync(file, '{"schemaVersion": 1, ');
      const { code, stderr } = run(['audit', '--snapshot', file]);
      expect(code).toBe(2);
      expectOneCleanLine(stderr);
      expect(stderr).toContain('not valid JSON');
    });

    test('a malformed snapshot names every problem with its path', () => {
      const inventory = JSON.parse(readFileSync(insecure, 'utf8'));
      inventory.resources['eks.cluster'][0].endpoint.publicAccess = 'yes';
      inventory.coverage[0].status = 'fine';
      const file = join(dir, 'malformed.json');
      writeFileSync(file, JSON.stringify(inventory));
      const { code, stderr } = run(['audit', '--snapshot', file]);
      expect(code).toBe(2);
      expectOneCleanLine(stderr);
      expect(stderr).toContain('$.resources["eks.cluster"][0].endpoint.publicAccess');
      expect(stderr).toContain('$.coverage[0].status');
      expect(stderr).toContain('SNAPSHOT_INVALID');
    });

    test('a suppression without a proper reason', () => {
      const file = join(dir, 'bad-suppressions.yaml');
      writeFileSync(file, 'suppressions:\n  - checkId: eks-secrets-encrypted\n    reason: todo\n');
      const { code, stderr } = run(['audit', '--snapshot', insecure, '--suppressions', file]);
      expect(code).toBe(2);
      expectOneCleanLine(stderr);
      expect(stderr).toContain('$.suppressions[0].reason');
    });
  });

  describe('json format', () => {
    test('follows the findings contract', () => {
      const { code, stdout } = runEks(['audit', '--snapshot', insecure, '--format', 'json']);
      expect(code).toBe(1);
      const report = json(stdout);
      expect(Object.keys(report).sort()).toEqual(['findings', 'metadata', 'summary']);
      expect(report.metadata.tool.name).toBe('hardeks');
      const finding = report.findings.find((f) => f.checkId === 'eks-endpoint-not-public')!;
      expect(Object.keys(finding).sort()).toEqual(
        ['checkId', 'evidence', 'frameworks', 'message', 'remediation', 'resource', 'service', 'severity', 'status', 'title'].sort(),
      );
      expect(finding.resource).toEqual({
        id: 'arn:aws:eks:eu-west-1:111122223333:cluster/bad',
        kind: 'eks.cluster',
        region: 'eu-west-1',
        accountId: '111122223333',
        origin: { kind: 'aws', arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/bad', accountId: '111122223333', region: 'eu-west-1' },
      });
      expect(finding.frameworks).toEqual({ securityHub: ['EKS.1'], cisAws: {}, cisEks: { '1.7': ['5.4.1', '5.4.2'] }, wellArchitected: [] });
      expect(report.findings.filter((f) => f.checkId === 'eks-control-plane-logging').map((f) => f.key)).toEqual([
        'LogType::api',
        'LogType::audit',
        'LogType::authenticator',
        'LogType::controllerManager',
        'LogType::scheduler',
      ]);
      expect(report.summary.byStatus.FAIL).toBe(7);
    });

    test('--checks and --services narrow the run', () => {
      const only = json(run(['audit', '--snapshot', insecure, '--format', 'json', '--checks', 'eks-secrets-encrypted']).stdout);
      expect(only.metadata.checks).toEqual(['eks-secrets-encrypted']);
      expect(new Set(only.findings.map((f) => f.checkId))).toEqual(new Set(['eks-secrets-encrypted']));
      const eks = json(run(['audit', '--snapshot', insecure, '--format', 'json', '--services', 'eks']).stdout);
      expect(eks.metadata.checks.length).toBeGreaterThanOrEqual(3);
      expect(eks.metadata.checks.every((id) => id.startsWith('eks-'))).toBe(true);
    });

    test('--severity-threshold keeps only findings at or above it, and the summary follows', () => {
      const report = json(runEks(['audit', '--snapshot', insecure, '--format', 'json', '--severity-threshold', 'high']).stdout);
      expect(report.findings.map((f) => f.severity)).toEqual(['high']);
      expect(report.summary.total).toBe(1);
    });

    test('--output writes the report to a file and keeps stdout empty', () => {
      const out = join(dir, 'report.json');
      const { code, stdout, stderr } = runEks(['audit', '--snapshot', insecure, '--format', 'json', '--output', out]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('report.json');
      expect(json(readFileSync(out, 'utf8')).summary.byStatus.FAIL).toBe(7);
    });
  });

  describe('suppressions', () => {
    test('a suppression marks the finding, keeps its status, and stops it failing the run', () => {
      const file = join(dir, 'accepted.yaml');
      writeFileSync(
        file,
        [
          'suppressions:',
          '  - checkId: eks-secrets-encrypted',
          '    resource: "arn:aws:eks:*:cluster/meh"',
          '    reason: Migrating to a customer key in ticket SEC-123',
          '  - checkId: eks-control-plane-logging',
          '    key: "LogType::*"',
          '    reason: Logging costs accepted by the platform team',
          '    expires: "2999-12-31"',
        ].join('\n'),
      );
      const { code, stdout } = runEks(['audit', '--snapshot', mediumOnly, '--format', 'json', '--suppressions', file]);
      expect(code).toBe(0);
      const report = json(stdout);
      const secrets = report.findings.find((f) => f.checkId === 'eks-secrets-encrypted')!;
      expect(secrets.status).toBe('FAIL');
      expect(secrets.suppressed).toEqual({ reason: 'Migrating to a customer key in ticket SEC-123', source: file });
      // The secrets finding and all five logging findings (four FAIL, one PASS) match.
      expect(report.summary.suppressed).toBe(6);
    });

    test('an expired suppression no longer applies and the text report says so', () => {
      const file = join(dir, 'expired.yaml');
      writeFileSync(file, 'suppressions:\n  - checkId: eks-secrets-encrypted\n    reason: Temporary exception for the migration\n    expires: "2020-01-31"\n');
      const { code, stdout } = run(['audit', '--snapshot', mediumOnly, '--suppressions', file, '--checks', 'eks-secrets-encrypted']);
      expect(code).toBe(1);
      expect(stdout).toContain('expired on 2020-01-31');
    });
  });

  describe('text format', () => {
    test('groups findings by severity, most severe first, and ends with a summary line', () => {
      const { stdout } = runEks(['audit', '--snapshot', insecure]);
      const high = stdout.indexOf('HIGH (1)');
      const medium = stdout.indexOf('MEDIUM (6)');
      expect(high).toBeGreaterThan(0);
      expect(medium).toBeGreaterThan(high);
      expect(stdout).toMatch(/cluster\/bad \[LogType::audit\]/);
      expect(stdout.trim().split('\n').at(-1)).toMatch(/^Summary: 7 FAIL · 0 ERROR · 0 UNKNOWN · 0 PASS · 0 NOT_APPLICABLE · 0 suppressed — 7 findings from 3 checks$/);
    });

    test('no colour when stdout is not a terminal', () => {
      expect(runEks(['audit', '--snapshot', insecure]).stdout).not.toMatch(/\u001b\[/);
    });

    test('UNKNOWN regions are shown, so missing data is never silent', () => {
      const { stdout } = runEks(['audit', '--snapshot', partlyDenied]);
      expect(stdout).toMatch(/UNKNOWN\s+eks-endpoint-not-public\s+account 111122223333\s+us-east-1/);
    });
  });

  test('checks --format json lists the catalog with control ids', () => {
    const { code, stdout } = run(['checks', '--format', 'json']);
    expect(code).toBe(0);
    const catalog = JSON.parse(stdout) as { id: string; severity: string; frameworks: { securityHub: string[] } }[];
    const first = ['eks-endpoint-not-public', 'eks-secrets-encrypted', 'eks-control-plane-logging'];
    expect(catalog.filter((c) => first.includes(c.id)).map((c) => [c.id, c.severity, c.frameworks.securityHub])).toEqual([
      ['eks-endpoint-not-public', 'high', ['EKS.1']],
      ['eks-secrets-encrypted', 'medium', ['EKS.3']],
      ['eks-control-plane-logging', 'medium', ['EKS.8']],
    ]);
    expect(new Set(catalog.map((c) => c.id)).size).toBe(catalog.length);
  });
});

describe('colour (in process, with a pretend terminal)', () => {
  const capture = (isTTY: boolean) => {
    let text = '';
    const stdout = Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          text += String(chunk);
          done();
        },
      }),
      { isTTY, columns: 160 },
    );
    return { stdout, text: () => text };
  };
  const sink = new Writable({ write: (_c, _e, done) => done() });

  test('a terminal gets colour', async () => {
    const out = capture(true);
    await main(['audit', '--snapshot', insecure], { stdout: out.stdout, stderr: sink, env: {} });
    expect(out.text()).toMatch(/\u001b\[/);
  });

  test('NO_COLOR turns it off even on a terminal', async () => {
    const out = capture(true);
    await main(['audit', '--snapshot', insecure], { stdout: out.stdout, stderr: sink, env: { NO_COLOR: '1' } });
    expect(out.text()).not.toMatch(/\u001b\[/);
  });
});
