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
 * judged on the live account. Anything else UNKNOWN fails the proof.
 */
const TEMPLATE_LIMITS: readonly { checkIds: readonly string[]; why: string; applies: (f: Finding) => boolean }[] = [
  {
    checkIds: ['iam-roles-no-privilege-escalation', 'eks-workload-role-not-admin', 'eks-workload-role-no-privilege-escalation', 'eks-nodegroup-role-least-privilege'],
    why: 'the documents of AWS managed policies (AmazonEKS_CNI_Policy, AmazonEKSWorkerNodePolicy, AWSLambdaBasicExecutionRole, ...) are not in a template',
    applies: (f) => f.resource.kind === 'iam.role' || f.resource.kind === 'eks.nodegroup',
  },
  {
    checkIds: ['ec2-sg-in-use'],
    why: 'VPC endpoints, which use the endpoint security group, are not mapped from templates',
    applies: (f) => /EndpointSecurityGroup/.test(f.resource.id),
  },
  {
    checkIds: ['eks-cluster-security-groups-not-open-to-world'],
    why: 'EKS creates the cluster security group at deploy time; the template only names it by attribute',
    applies: (f) => /ClusterSecurityGroupId/.test(f.key ?? ''),
  },
  {
    checkIds: ['eks-cluster-oidc-provider-exists', 'eks-oidc-provider-has-cluster'],
    why: 'the OIDC provider\'s URL is the cluster\'s issuer attribute, known only after deployment (reported: a template could match the two references)',
    applies: (f) => f.resource.kind === 'eks.cluster' || f.resource.kind === 'iam.oidc-provider',
  },
];

/** Accepted risks the constructs record in resource metadata, each with its reason. */
const ACCEPTED_RISKS: readonly { checkId: string; key: string; resource: RegExp }[] = [
  // AWS documents that CloudTrail's CloudWatch Logs role cannot take aws:SourceArn/aws:SourceAccount conditions.
  { checkId: 'iam-role-trust-service-confused-deputy', key: 'Service::cloudtrail.amazonaws.com', resource: /CloudTrailLogsRole/ },
];

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

  test('no FAIL, apart from accepted risks recorded with their resource', () => {
    const failures = report.findings.filter((f) => f.status === 'FAIL');
    expect(failures.filter((f) => !f.suppressed).map(brief)).toEqual([]);
    for (const f of failures) {
      expect(ACCEPTED_RISKS.some((r) => r.checkId === f.checkId && r.key === f.key && r.resource.test(f.resource.id))).toBe(true);
      expect(f.suppressed?.reason.length).toBeGreaterThan(40);
    }
  });

  test('no check breaks, and nothing is UNKNOWN but what a template cannot tell', () => {
    expect(report.findings.filter((f) => f.status === 'ERROR').map(brief)).toEqual([]);
    const unexplained = report.findings.filter((f) => f.status === 'UNKNOWN' && !TEMPLATE_LIMITS.some((l) => l.checkIds.includes(f.checkId) && l.applies(f)));
    expect(unexplained.map(brief)).toEqual([]);
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
