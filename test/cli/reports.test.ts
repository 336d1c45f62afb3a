import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import type { Report } from '../../lib/engine/types';
import type { EksCluster } from '../../lib/model';
import { serializeSnapshot } from '../../lib/sources/snapshot/snapshot';
import { fakeEksCluster, inventoryOf } from '../fixtures/model';
import { CLI, ensureBuilt } from '../support/build';

beforeAll(() => ensureBuilt(), 120_000);

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'hardeks-cli-reports-'));

function run(args: string[]) {
  const out = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

function noKey(cluster: EksCluster): EksCluster {
  const { secretsKeyArn: _k, ...rest } = cluster;
  void _k;
  return rest;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const insecure = file('insecure.json', serializeSnapshot(inventoryOf([noKey(fakeEksCluster({ name: 'bad', endpoint: { publicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }, enabledLogTypes: [] }))])));
const fixed = file('fixed.json', serializeSnapshot(inventoryOf([fakeEksCluster({ name: 'bad' })])));
/** Three EKS checks with known verdicts on the fixtures (other checks of the service come and go). */
const eks = (args: string[]) => run([...args, '--checks', 'eks-endpoint-not-public,eks-secrets-encrypted,eks-control-plane-logging']);

const oneCleanLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^hardeks: .*\[[A-Z_]+\]$/m);
};

describe('audit --format', () => {
  test.each<[string, (out: string) => void]>([
    ['sarif', (out) => expect((JSON.parse(out) as { version: string; runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(7)],
    ['asff', (out) => expect((JSON.parse(out) as { Compliance: { Status: string } }[]).filter((f) => f.Compliance.Status === 'FAILED')).toHaveLength(7)],
    ['ocsf', (out) => expect((JSON.parse(out) as { class_uid: number }[]).every((e) => e.class_uid === 2003)).toBe(true)],
    ['junit', (out) => expect(XMLValidator.validate(out)).toBe(true)],
    ['csv', (out) => expect((parseCsv(out, { columns: true }) as { status: string }[]).filter((r) => r.status === 'FAIL')).toHaveLength(7)],
    ['html', (out) => expect(out).toMatch(/^<!doctype html>/)],
    ['json', (out) => expect((JSON.parse(out) as Report).summary.byStatus.FAIL).toBe(7)],
  ])('%s: the same findings, and the exit code still says FAILs exist', (format, check) => {
    const { code, stdout, stderr } = eks(['audit', '--snapshot', insecure, '--format', format]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    check(stdout);
  });

  test('--output writes any format to a file', () => {
    const out = join(dir, 'report.html');
    const { code, stdout, stderr } = run(['audit', '--demo', '--format', 'html', '--output', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('wrote html report');
    expect(readFileSync(out, 'utf8')).toContain('id="findings"');
  });

  test('an unknown format is a usage error', () => {
    const { code, stderr } = run(['audit', '--demo', '--format', 'pdf']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/argument 'pdf' is invalid/);
  });

  test('asff of a template needs its account: refused without one, exported with --parameter AWS::AccountId', () => {
    const template = join(ROOT, 'test', 'fixtures', 'templates', 'eks.yaml');
    const refused = run(['audit', '--template', template, '--format', 'asff']);
    expect(refused.code).toBe(2);
    oneCleanLine(refused.stderr);
    expect(refused.stderr).toContain('ASFF_ACCOUNT_UNKNOWN');
    const ok = run(['audit', '--template', template, '--format', 'asff', '--parameter', 'AWS::AccountId=123456789012', '--security-hub-region', 'eu-west-1']);
    const findings = JSON.parse(ok.stdout) as { AwsAccountId: string; Region: string }[];
    expect(new Set(findings.map((f) => `${f.AwsAccountId} ${f.Region}`))).toEqual(new Set(['123456789012 eu-west-1']));
  });

  test('sarif of a template points at the template file, relative to where hardeks runs', () => {
    const out = spawnSync(process.execPath, [CLI, 'audit', '--template', 'test/fixtures/templates/eks.yaml', '--format', 'sarif'], { cwd: ROOT, encoding: 'utf8' });
    const log = JSON.parse(out.stdout) as { runs: { results: { locations: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    const physical = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation).filter(Boolean);
    expect(physical.length).toBeGreaterThan(0);
    for (const p of physical) expect(p!.artifactLocation.uri).toBe('test/fixtures/templates/eks.yaml');
    expect(physical.every((p) => (p!.region?.startLine ?? 0) > 0)).toBe(true);
  });
});

describe('audit --framework', () => {
  test('limits the audit to the framework and prints the per-control table before the summary', () => {
    const { code, stdout } = run(['audit', '--demo', '--framework', 'cis-eks-1.7']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^CIS Amazon Elastic Kubernetes Service \(EKS\) Benchmark 1\.7\.0 \(14 controls\)$/m);
    expect(stdout).toMatch(/^\s+5\.4\.1\s+FAIL\s/m);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^Summary: /);
  });

  test('runs only the checks that name the framework', () => {
    const report = JSON.parse(run(['audit', '--demo', '--framework', 'cis-aws-3.0', '--format', 'json']).stdout) as Report;
    expect(report.metadata.checks.length).toBeGreaterThan(10);
    expect(report.findings.every((f) => (f.frameworks.cisAws['3.0'] ?? []).length > 0)).toBe(true);
  });

  test('combines with --services; an unknown framework is a usage error', () => {
    const report = JSON.parse(run(['audit', '--demo', '--framework', 'fsbp', '--services', 'eks', '--format', 'json']).stdout) as Report;
    expect(new Set(report.findings.map((f) => f.service))).toEqual(new Set(['eks']));
    const { code, stderr } = run(['audit', '--demo', '--framework', 'pci-dss']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/argument 'pci-dss' is invalid/);
  });
});

describe('suppressions validate', () => {
  test('a valid file exits 0', () => {
    const path = file('ok.yaml', 'suppressions:\n  - checkId: [eks-endpoint-not-public, "eks-secrets-*"]\n    reason: Accepted by the platform team, RISK-9\n');
    const { code, stdout } = run(['suppressions', 'validate', path]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${path}: 1 suppression, valid.\n`);
  });

  test('expired entries and entries that match no check exit 1, each listed', () => {
    const path = file(
      'stale.yaml',
      [
        'suppressions:',
        '  - checkId: eks-endpoint-not-public',
        '    reason: Accepted until the VPN migration ends',
        '    expires: 2020-01-31',
        '  - checkId: eks-endpont-not-public',
        '    reason: A typo in the check id makes this dead',
        '',
      ].join('\n'),
    );
    const { code, stdout } = run(['suppressions', 'validate', path]);
    expect(code).toBe(1);
    expect(stdout).toContain('expired on 2020-01-31: eks-endpoint-not-public');
    expect(stdout).toContain('matches no known check: eks-endpont-not-public');
  });

  test('an invalid file exits 2 with every problem on one line', () => {
    const path = file('bad.yaml', 'suppressions:\n  - checkId: []\n    reason: short\n');
    const { code, stderr } = run(['suppressions', 'validate', path]);
    expect(code).toBe(2);
    oneCleanLine(stderr);
    expect(stderr).toContain('(2 problems)');
    expect(stderr).toContain('SUPPRESSIONS_INVALID');
  });
});

describe('diff', () => {
  const before = join(dir, 'before.json');
  const after = join(dir, 'after.json');
  beforeAll(() => {
    eks(['audit', '--snapshot', insecure, '--format', 'json', '--output', before]);
    eks(['audit', '--snapshot', fixed, '--format', 'json', '--output', after]);
  });

  test('fixes are resolved findings, and no regression exits 0', () => {
    const { code, stdout } = run(['diff', before, after]);
    expect(code).toBe(0);
    expect(stdout).toContain('RESOLVED (7)');
    expect(stdout.trim().split('\n').at(-1)).toBe('Diff: 0 new · 7 resolved · 0 not seen again · 0 changed · 0 unchanged — 0 regressions');
  });

  test('the other way round, new FAILs exit 1; --fail-on high ignores lesser ones', () => {
    const { code, stdout } = run(['diff', after, before, '--format', 'json']);
    expect(code).toBe(1);
    const diff = JSON.parse(stdout) as { summary: { regressions: number }; changed: unknown[] };
    // The findings existed as PASS before: they are changes, and regressions.
    expect(diff.summary.regressions).toBe(7);
    expect(run(['diff', after, before, '--fail-on', 'critical']).code).toBe(0);
  });

  test('a file that is not a hardeks JSON report exits 2', () => {
    const sarif = file('x.sarif', eks(['audit', '--snapshot', insecure, '--format', 'sarif']).stdout);
    const { code, stderr } = run(['diff', sarif, after]);
    expect(code).toBe(2);
    oneCleanLine(stderr);
    expect(stderr).toContain('REPORT_INVALID');
  });
});
