import { InputError } from '../../lib/errors';
import { RESOURCE_KINDS } from '../../lib/model';
import { ASFF_LIMITS, asffResourceType, formatAsff, toAsff, type AsffFinding } from '../../lib/report/asff';
import { demoReport, mixedLiveReport, templateReport } from '../fixtures/report/reports';

/**
 * The field rules of BatchImportFindings (AWS Security Hub API reference, AwsSecurityFinding and
 * its objects): required fields, lengths, enumerations and formats. Returns every broken rule.
 */
function asffProblems(f: AsffFinding): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, rule: string) => {
    if (!ok) problems.push(`${f.Id}: ${rule}`);
  };
  const str = (v: unknown, max: number, min = 1) => typeof v === 'string' && v.length >= min && v.length <= max && /\S/.test(v);
  const timestamp = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
  need(f.SchemaVersion === '2018-10-08', 'SchemaVersion is 2018-10-08');
  need(str(f.Id, ASFF_LIMITS.id), 'Id is 1–512 characters');
  need(str(f.ProductArn, 2048, 12) && /^arn:aws[a-z-]*:securityhub:[a-z0-9-]+:\d{12}:product\/\d{12}\/default$/.test(f.ProductArn), 'ProductArn is the account default product in a region');
  need(str(f.GeneratorId, ASFF_LIMITS.generatorId), 'GeneratorId is 1–512 characters');
  need(typeof f.AwsAccountId === 'string' && /^\d{12}$/.test(f.AwsAccountId), 'AwsAccountId is 12 digits');
  need(f.ProductArn.split(':')[4] === f.AwsAccountId && f.ProductArn.split(':')[3] === f.Region, 'ProductArn names the finding account and region');
  const types = f.Types as unknown;
  need(Array.isArray(types) && types.length >= 1 && types.length <= ASFF_LIMITS.types, 'Types has 1–50 entries');
  for (const t of Array.isArray(types) ? types : []) need(typeof t === 'string' && /^[^/]+\/[^/]+(\/[^/]+)?$/.test(t), `Type ${String(t)} is namespace/category[/classifier]`);
  for (const field of ['CreatedAt', 'UpdatedAt', 'FirstObservedAt', 'LastObservedAt']) need(timestamp(f[field]), `${field} is an RFC 3339 timestamp`);
  const severity = f.Severity as { Label?: unknown; Normalized?: unknown };
  need(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].includes(String(severity?.Label)), 'Severity.Label is an ASFF label');
  need(typeof severity?.Normalized === 'number' && severity.Normalized >= 0 && severity.Normalized <= 100, 'Severity.Normalized is 0–100');
  need(str(f.Title, ASFF_LIMITS.title), 'Title is 1–256 characters');
  need(str(f.Description, ASFF_LIMITS.description), 'Description is 1–1024 characters');
  const resources = f.Resources as { Type?: unknown; Id?: unknown; Partition?: unknown; Region?: unknown }[];
  need(Array.isArray(resources) && resources.length >= 1 && resources.length <= ASFF_LIMITS.resources, 'Resources has 1–32 entries');
  for (const r of resources ?? []) {
    need(str(r.Type, 256) && str(r.Id, 512), 'each resource has a Type and an Id');
    need(['aws', 'aws-cn', 'aws-us-gov'].includes(String(r.Partition)), 'Resource.Partition is an AWS partition');
  }
  const compliance = f.Compliance as { Status?: unknown; RelatedRequirements?: unknown[] };
  need(['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'].includes(String(compliance?.Status)), 'Compliance.Status is an ASFF status');
  need((compliance?.RelatedRequirements ?? []).length <= ASFF_LIMITS.relatedRequirements, 'at most 32 related requirements');
  const recommendation = (f.Remediation as { Recommendation?: { Text?: unknown } })?.Recommendation;
  need(str(recommendation?.Text, ASFF_LIMITS.recommendation), 'Remediation.Recommendation.Text is 1–512 characters');
  const productFields = Object.entries((f.ProductFields as Record<string, unknown>) ?? {});
  need(productFields.length <= ASFF_LIMITS.productFields, 'at most 50 product fields');
  for (const [k, v] of productFields) need(k.length <= 128 && typeof v === 'string' && v.length <= 2048, `product field ${k} fits`);
  need(['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'].includes(String((f.Workflow as { Status?: unknown })?.Status)), 'Workflow.Status is an ASFF workflow status');
  need(['ACTIVE', 'ARCHIVED'].includes(String(f.RecordState)), 'RecordState is ACTIVE or ARCHIVED');
  return problems;
}

describe('ASFF', () => {
  test.each([
    ['a live report with every status', async () => mixedLiveReport()],
    ['the demo account', demoReport],
  ])('%s follows every field rule', async (_name, build) => {
    const findings = toAsff(await build());
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.flatMap(asffProblems)).toEqual([]);
  });

  test('the rules catch a broken finding', () => {
    const [first] = toAsff(mixedLiveReport());
    const broken = { ...first!, Title: 'x'.repeat(300), AwsAccountId: '42', Severity: { Label: 'SEVERE' } };
    expect(asffProblems(broken).map((p) => p.slice(p.indexOf(': ') + 2))).toEqual([
      'AwsAccountId is 12 digits',
      'ProductArn names the finding account and region',
      'Severity.Label is an ASFF label',
      'Severity.Normalized is 0–100',
      'Title is 1–256 characters',
    ]);
  });

  test('maps statuses to Compliance.Status, workflow and record state', () => {
    const report = mixedLiveReport();
    const findings = toAsff(report);
    const rows = report.findings.map((f, i) => [f.status, Boolean(f.suppressed), findings[i]!.Compliance, findings[i]!.Workflow, findings[i]!.RecordState]);
    const of = (status: string, suppressed = false) => rows.find(([s, sup]) => s === status && sup === suppressed)!;
    expect(of('FAIL').slice(2)).toEqual([expect.objectContaining({ Status: 'FAILED' }), { Status: 'NEW' }, 'ACTIVE']);
    expect(of('FAIL', true).slice(2)).toEqual([expect.objectContaining({ Status: 'FAILED' }), { Status: 'SUPPRESSED' }, 'ACTIVE']);
    expect(of('PASS').slice(2)).toEqual([expect.objectContaining({ Status: 'PASSED' }), { Status: 'RESOLVED' }, 'ACTIVE']);
    expect(of('UNKNOWN').slice(2)).toEqual([expect.objectContaining({ Status: 'WARNING', StatusReasons: [expect.objectContaining({ ReasonCode: 'DATA_NOT_COLLECTED' })] }), { Status: 'NEW' }, 'ACTIVE']);
  });

  test('related requirements name the controls, severity follows the check', () => {
    const report = mixedLiveReport();
    const i = report.findings.findIndex((f) => f.checkId === 'eks-endpoint-not-public' && f.status === 'FAIL');
    const finding = toAsff(report)[i]!;
    expect(finding.Compliance).toMatchObject({ RelatedRequirements: ['Security Hub EKS.1', 'CIS EKS 1.7 5.4.1', 'CIS EKS 1.7 5.4.2'] });
    expect(finding.Severity).toMatchObject({ Label: 'HIGH' });
    expect(finding.Resources).toEqual([{ Type: 'AwsEksCluster', Id: 'arn:aws:eks:eu-west-1:111122223333:cluster/open', Partition: 'aws', Region: 'eu-west-1' }]);
    expect(finding.ProductArn).toBe('arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default');
  });

  test('ids are stable across runs, unique within a run, so re-imports update rather than duplicate', () => {
    const first = toAsff(mixedLiveReport()).map((f) => f.Id);
    expect(toAsff(mixedLiveReport()).map((f) => f.Id)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  test('account-level findings in two regions get two ids and the AwsAccount resource', async () => {
    const report = await demoReport();
    const all = toAsff(report);
    const perRegion = all.filter((_f, i) => report.findings[i]!.checkId === 'guardduty-enabled-in-region');
    expect(perRegion.length).toBeGreaterThan(1);
    expect(new Set(perRegion.map((f) => f.Id)).size).toBe(perRegion.length);
    for (const f of perRegion) expect(f.Resources).toEqual([expect.objectContaining({ Type: 'AwsAccount', Id: 'AWS::::Account:123456789012' })]);
    expect(new Set(all.map((f) => f.Id)).size).toBe(report.findings.length);
  });

  test('global findings go to the first audited region unless a region is given', async () => {
    const report = await demoReport();
    const iam = toAsff(report).find((f) => f.GeneratorId === 'hardeks/iam-root-mfa-enabled')!;
    expect(iam.Region).toBe('eu-west-1');
    const forced = toAsff(report, { region: 'us-east-1' });
    expect(new Set(forced.map((f) => f.Region))).toEqual(new Set(['us-east-1']));
  });

  test.each(RESOURCE_KINDS.map((k) => [k]))('%s has an ASFF resource type', (kind) => {
    expect(asffResourceType(kind)).toMatch(/^(Aws[A-Za-z0-9]+|Other)$/);
  });

  test('resource types follow AWS names where ASFF has one', () => {
    expect(['account', 'iam.role', 'iam.user', 'ec2.security-group', 'kms.key', 'cloudtrail.trail', 'guardduty.detector', 'eks.cluster', 'eks.nodegroup'].map((k) => asffResourceType(k as never))).toEqual([
      'AwsAccount',
      'AwsIamRole',
      'AwsIamUser',
      'AwsEc2SecurityGroup',
      'AwsKmsKey',
      'AwsCloudTrailTrail',
      'AwsGuardDutyDetector',
      'AwsEksCluster',
      'Other',
    ]);
  });

  test('a template audit without an account id is refused with a stable code; with one it exports', () => {
    const report = templateReport();
    expect(() => toAsff(report)).toThrow(InputError);
    try {
      toAsff(report);
    } catch (error) {
      expect((error as InputError).code).toBe('ASFF_ACCOUNT_UNKNOWN');
    }
    const findings = toAsff(report, { accountId: '444455556666', region: 'eu-west-1' });
    expect(findings.flatMap(asffProblems)).toEqual([]);
    const cfn = findings.find((f) => (f.Resources as { Details?: unknown }[])[0]!.Details)!;
    expect((cfn.Resources as { Details: { Other: Record<string, string> } }[])[0]!.Details.Other).toMatchObject({ Stack: expect.any(String), LogicalId: expect.any(String) });
  });

  test('long values are cut to the field limits, never rejected', () => {
    const report = mixedLiveReport();
    const long = { ...report, findings: report.findings.map((f) => ({ ...f, title: 'T'.repeat(400), message: 'M'.repeat(2000), remediation: 'R'.repeat(900) })) };
    expect(toAsff(long).flatMap(asffProblems)).toEqual([]);
  });

  test('formatAsff prints a JSON array, ready for batch-import-findings', () => {
    expect(JSON.parse(formatAsff(mixedLiveReport()))).toHaveLength(mixedLiveReport().findings.length);
  });
});
