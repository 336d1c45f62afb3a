/**
 * The point of the hardened constructs: the example app (bin/app.ts), synthesized as `npx cdk
 * synth` does, passes hardeks' own checks and cdk-nag's packs; a plain aws-eks-v2 cluster does not.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { buildExampleApp } from '../../bin/app';
import type { Finding, Report } from '../../lib/engine/types';
import { appAsCdkCliBuildsIt, appWithoutFlags, auditCloudAssembly, auditStack } from '../fixtures/constructs';

/**
 * What a template cannot tell, and why: these findings stay UNKNOWN on any template and are
 * judged on the live account. Anything else UNKNOWN fails the proof, and a limit that no finding
 * hits any more fails it too, so this list only ever holds what truly remains.
 */
const TEMPLATE_LIMITS: readonly { checkId: string; why: string; applies: (f: Finding) => boolean }[] = [
  {
    checkId: 'eks-cluster-security-groups-not-open-to-world',
    why: 'EKS creates the cluster security group at deploy time; the template names it only by the cluster\'s ClusterSecurityGroupId attribute',
    applies: (f) => f.resource.kind === 'eks.cluster' && f.key === `SecurityGroup::<${logicalIdOf(f)}.ClusterSecurityGroupId>`,
  },
];

const logicalIdOf = (f: Finding) => (f.resource.origin?.kind === 'cfn' ? f.resource.origin.logicalId : undefined);
const limitOf = (f: Finding) => TEMPLATE_LIMITS.find((l) => l.checkId === f.checkId && l.applies(f));
const brief = (f: Finding) => ({ checkId: f.checkId, status: f.status, key: f.key, resource: f.resource.id });

describe('proof: the example app passes every check', () => {
  let outdir: string;
  let report: Report;

  beforeAll(() => {
    // GIVEN the example app, synthesized with cdk.json's feature flags and cdk-nag's packs
    const built = appAsCdkCliBuildsIt();
    buildExampleApp(built.app);
    built.app.synth();
    outdir = built.outdir;
    // WHEN every hardeks check judges the cloud assembly, as `hardeks audit --cdk-out` does
    report = auditCloudAssembly(outdir);
  }, 120_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('no FAIL, and nothing accepted as a risk: the constructs need no acknowledgement of a hardeks finding', () => {
    expect(report.findings.filter((f) => f.status === 'FAIL').map(brief)).toEqual([]);
    expect(report.findings.filter((f) => f.suppressed).map(brief)).toEqual([]);
  });

  test('no check breaks, and nothing is UNKNOWN but what a template cannot tell', () => {
    expect(report.findings.filter((f) => f.status === 'ERROR').map(brief)).toEqual([]);
    const unknown = report.findings.filter((f) => f.status === 'UNKNOWN');
    expect(unknown.filter((f) => !limitOf(f)).map(brief)).toEqual([]);
    // Each limit still holds: one that nothing hits any more is removed, not kept "just in case".
    for (const limit of TEMPLATE_LIMITS) expect({ limit: limit.checkId, hit: unknown.some((f) => limitOf(f) === limit) }).toEqual({ limit: limit.checkId, hit: true });
  });

  test('roles attaching AWS managed policies are judged on the recorded documents, and pass', () => {
    for (const checkId of ['iam-roles-no-privilege-escalation', 'eks-nodegroup-role-least-privilege', 'eks-workload-role-not-admin', 'eks-workload-role-no-privilege-escalation']) {
      const judged = report.findings.filter((f) => f.checkId === checkId && f.status !== 'NOT_APPLICABLE');
      expect({ checkId, judged: judged.length > 0 }).toEqual({ checkId, judged: true });
      expect(judged.filter((f) => f.status !== 'PASS').map(brief)).toEqual([]);
    }
    const clusterRole = report.findings.find((f) => f.checkId === 'iam-roles-no-privilege-escalation' && /\/ClusterRole[0-9A-F]{8}$/.test(f.resource.id));
    expect(clusterRole?.status).toBe('PASS');
  });

  test('the VPC endpoints use the endpoint security group, and the IAM OIDC provider is matched to its cluster', () => {
    const statusOf = (checkId: string, resource: RegExp) => report.findings.filter((f) => f.checkId === checkId && resource.test(f.resource.id)).map((f) => f.status);
    expect(statusOf('ec2-sg-in-use', /\/ClusterVpcEndpointSecurityGroup[0-9A-F]{8}$/)).toEqual(['PASS']);
    expect(statusOf('eks-cluster-oidc-provider-exists', /\/Cluster[0-9A-F]{8}$/)).toEqual(['PASS']);
    expect(statusOf('eks-oidc-provider-has-cluster', /\/ClusterOidcProviderNative[0-9A-F]{8}$/)).toEqual(['PASS']);
  });

  test('CloudTrail\'s CloudWatch Logs role is not a confused-deputy finding: the service sends no source condition keys', () => {
    const findings = report.findings.filter((f) => f.checkId === 'iam-role-trust-service-confused-deputy' && /CloudTrailLogsRole/.test(f.resource.id));
    expect(findings.map((f) => ({ key: f.key, status: f.status }))).toEqual([{ key: 'Service::cloudtrail.amazonaws.com', status: 'NOT_APPLICABLE' }]);
  });

  test('the EKS checks judge the hardened cluster and pass it', () => {
    const eksFindings = report.findings.filter((f) => f.checkId.startsWith('eks-') && f.resource.kind === 'eks.cluster');
    for (const checkId of ['eks-endpoint-not-public', 'eks-secrets-encrypted', 'eks-control-plane-logging']) {
      const findings = eksFindings.filter((f) => f.checkId === checkId);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.map((f) => f.status)).toEqual(findings.map(() => 'PASS'));
    }
  });

  test('the account checks judge the baseline and pass it', () => {
    for (const checkId of ['cloudtrail-multi-region-trail-logging', 'cloudtrail-log-file-validation-enabled', 'cloudtrail-encrypted-with-kms', 'guardduty-eks-audit-log-monitoring-enabled', 'guardduty-eks-runtime-monitoring-enabled', 'iam-access-analyzer-enabled']) {
      const findings = report.findings.filter((f) => f.checkId === checkId);
      expect({ checkId, statuses: findings.map((f) => f.status) }).toEqual({ checkId, statuses: expect.arrayContaining(['PASS']) });
      expect(findings.filter((f) => f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE')).toEqual([]);
    }
  });

  test('cdk-nag AwsSolutions and NIST 800-53 R5 ran and left no unacknowledged violation; every acknowledgement has a reason', () => {
    // The synth in beforeAll would have thrown on a violation; the report shows what was acknowledged, and why.
    const validation = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string; violations: unknown[]; suppressedViolations?: { ruleName: string; reason: string }[] }[];
    };
    for (const pack of ['AwsSolutions', 'NIST.800.53.R5']) {
      const plugin = validation.pluginReports.find((p) => p.pluginName === pack);
      expect({ pack, conclusion: plugin?.conclusion, violations: plugin?.violations }).toEqual({ pack, conclusion: 'success', violations: [] });
      expect(plugin?.suppressedViolations?.length).toBeGreaterThan(0);
      for (const { ruleName, reason } of plugin?.suppressedViolations ?? []) expect({ ruleName, reason: reason.length >= 40 }).toEqual({ ruleName, reason: true });
    }
  });
});

describe('the control: a plain aws-eks-v2 cluster', () => {
  test('fails the endpoint, secrets and logging checks', () => {
    // GIVEN aws-eks-v2's defaults
    const stack = new Stack(appWithoutFlags(), 'Plain');
    new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_35 });
    // WHEN the same checks judge it
    const failing = auditStack(stack).findings.filter((f) => f.status === 'FAIL' && f.resource.kind === 'eks.cluster');
    // THEN the EKS checks FAIL: open endpoint, no secrets key, no log type at all
    expect(failing.map((f) => f.checkId)).toEqual(expect.arrayContaining(['eks-endpoint-not-public', 'eks-secrets-encrypted', 'eks-control-plane-logging']));
    expect(failing.filter((f) => f.checkId === 'eks-control-plane-logging').map((f) => f.key).sort()).toEqual(
      ['LogType::api', 'LogType::audit', 'LogType::authenticator', 'LogType::controllerManager', 'LogType::scheduler'].sort(),
    );
  });
});
