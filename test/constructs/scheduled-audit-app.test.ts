/**
 * The example app with both audits switched on by context, synthesized as `npx cdk synth -c
 * scheduledAudit=true -c organizationAudit=true …` does: offline, cdk-nag clean, and judged by
 * hardeks' own checks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { DISABLE_ASSET_STAGING_CONTEXT } from 'aws-cdk-lib/cx-api';
import { buildExampleApp } from '../../bin/app';
import type { Report } from '../../lib/engine/types';
import { appAsCdkCliBuildsIt, auditCloudAssembly, projectFeatureFlags } from '../fixtures/constructs';
import { ensureAuditBundle } from '../lambda/bundle-support';
import { brief } from '../lambda/construct-support';

describe('the example app with the scheduled and the organization audit', () => {
  let outdir: string;
  let report: Report;
  let stacks: string[];
  beforeAll(() => {
    ensureAuditBundle();
    outdir = mkdtempSync(join(tmpdir(), 'hardeks-audit-app-'));
    // As `npx cdk synth -c scheduledAudit=true …` builds it: cdk.json's flags plus the context given on the command line.
    const app = new App({
      outdir,
      context: {
        ...projectFeatureFlags(),
        [DISABLE_ASSET_STAGING_CONTEXT]: true,
        scheduledAudit: 'true',
        securityHub: 'true',
        organizationAudit: 'true',
        auditRegions: 'eu-west-1,us-east-1',
        externalId: 'hardeks-example-org',
        memberRoleOus: 'ou-ab12-cdef3456',
      },
    });
    const built2 = buildExampleApp(app);
    stacks = [built2.audit?.stackName, built2.organizationAudit?.stackName].filter((s): s is string => s !== undefined);
    app.synth();
    report = auditCloudAssembly(outdir);
  }, 180_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('both audit stacks are in the app only when asked for', () => {
    expect(stacks).toEqual(['HardeksAudit', 'HardeksOrganizationAudit']);
    const plain = appAsCdkCliBuildsIt();
    try {
      expect(Object.keys(buildExampleApp(plain.app)).sort()).toEqual(['baseline', 'cluster']);
    } finally {
      rmSync(plain.outdir, { recursive: true, force: true });
    }
  });

  test('cdk-nag AwsSolutions and NIST 800-53 R5 pass over the whole app', () => {
    const validation = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { pluginName: string; conclusion: string; violations: unknown[] }[] };
    for (const pack of ['AwsSolutions', 'NIST.800.53.R5']) {
      const plugin = validation.pluginReports.find((p) => p.pluginName === pack);
      expect({ pack, conclusion: plugin?.conclusion, violations: plugin?.violations }).toEqual({ pack, conclusion: 'success', violations: [] });
    }
  });

  test('hardeks\' checks find no FAIL and no ERROR in the audit stacks', () => {
    const inAudits = report.findings.filter((f) => f.resource.origin?.kind === 'cfn' && stacks.includes(f.resource.origin.stack));
    expect(inAudits.length).toBeGreaterThan(0);
    expect(inAudits.filter((f) => f.status === 'FAIL' || f.status === 'ERROR').map(brief)).toEqual([]);
  });
});
