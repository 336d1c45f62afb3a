import { ALL_CHECKS } from '../../lib/checks';
import type { Finding, Report } from '../../lib/engine/types';
import { complianceView, packById } from '../../lib/packs';
import { formatComplianceText } from '../../lib/report/compliance-text';
import { formatText, resourceLabel } from '../../lib/report/text';
import { mixedLiveReport, templateReport } from '../fixtures/report/reports';

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;

describe('text format', () => {
  test('template findings name the CDK construct path, or the stack, logical id, file and line', () => {
    const report = templateReport();
    const withPath = report.findings.find((f) => f.resource.origin?.kind === 'cfn' && f.resource.origin.constructPath)!;
    expect(resourceLabel(withPath)).toBe(`${(withPath.resource.origin as { constructPath: string }).constructPath}${withPath.key ? ` [${withPath.key}]` : ''}`);
    const plain: Finding = { ...withPath, key: undefined as never, resource: { ...withPath.resource, origin: { kind: 'cfn', stack: 'eks', logicalId: 'CniRole', file: '/repo/templates/eks.yaml', line: 138 } } };
    delete (plain as { key?: string }).key;
    expect(resourceLabel(plain)).toBe('eks/CniRole (eks.yaml:138)');
    expect(formatText(report, { all: true })).toContain((withPath.resource.origin as { constructPath: string }).constructPath);
  });

  test('a live report shows the collection statistics under the header', () => {
    const report = mixedLiveReport();
    const collected: Report = {
      ...report,
      metadata: {
        ...report.metadata,
        source: { ...report.metadata.source, collection: { durationMs: 12_345, calls: { 'eks:ListClusters': 4, 'eks:DescribeCluster': 7 }, retries: 1, throttles: 2, failures: 0, serviceMs: {} } },
      },
    };
    const lines = formatText(collected).split('\n');
    expect(lines[1]).toBe('Collected in 12.3 s: 11 API calls, 1 retry, 2 throttled responses, 0 failed calls');
    expect(formatText(report).split('\n')[1]).not.toMatch(/^Collected/);
  });

  test('the summary line stays last, after the compliance table when there is one', () => {
    const report = mixedLiveReport();
    const compliance = complianceView(packById('cis-eks-1.7'), report, ALL_CHECKS);
    const text = formatText(report, { compliance });
    expect(lastLine(text)).toMatch(/^Summary: \d+ FAIL · /);
    expect(text.indexOf('CIS Amazon Elastic Kubernetes Service (EKS) Benchmark 1.7.0 (14 controls)')).toBeGreaterThan(text.indexOf('HIGH ('));
  });

  test('the compliance table lists every control with its status and a closing count', () => {
    const report = mixedLiveReport();
    const view = complianceView(packById('cis-eks-1.7'), report, ALL_CHECKS);
    const text = formatComplianceText(view);
    expect(text).toMatch(/^\s+5\.4\.1\s+FAIL\s+1\s+2\s+1\s+Access to the control plane endpoint is restricted\s+eks-endpoint-not-public$/m);
    expect(text).toMatch(/^\s+2\.1\.2\s+NOT_COVERED\s+Audit logs are collected and managed\s+manual control$/m);
    expect(text).toMatch(/^\s+5\.1\.1\s+NOT_COVERED\s+.*outside hardeks$/m);
    expect(lastLine(text)).toMatch(/^CIS Amazon Elastic Kubernetes Service \(EKS\) Benchmark 1\.7\.0: \d+ PASS · \d+ FAIL · /);
    for (const control of view.pack.controls) expect(text).toContain(`  ${control.id} `);
  });

  test('no colour unless asked; colour when asked', () => {
    const report = mixedLiveReport();
    expect(formatText(report)).not.toMatch(/\u001b\[/);
    expect(formatText(report, { color: true })).toMatch(/\u001b\[/);
  });
});
