import { guarddutyNoActiveHighSeverityFindings } from '../../../lib/checks/guardduty/no-active-high-severity-findings';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory } from '../../../lib/model';
import { ACCOUNT, REGION, deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../fixtures/model';
import { GUARDDUTY_ADMIN, activeFindings, fakeDetector } from '../../fixtures/guardduty';
import { asTemplateResource, templateInventory } from '../../fixtures/trail';

const CHECK = 'guardduty-no-active-high-severity-findings';
const ACCOUNT_RESOURCE = `AWS::::Account:${ACCOUNT}`;

function run(inventory: Inventory, options: Record<string, unknown> = {}) {
  const { findings } = runChecks(inventory, [guarddutyNoActiveHighSeverityFindings], { checkOptions: { [CHECK]: options } });
  for (const f of findings) expect(f.checkId).toBe(CHECK);
  return findings.map((f) => ({ status: f.status, resource: f.resource.id }));
}

const countsPart = { ...deniedCoverage('guardduty.detector', REGION, 'GetFindingsStatistics'), part: 'activeFindings' };
const adminPart = { ...deniedCoverage('guardduty.detector', REGION, 'GetAdministratorAccount'), part: 'administrator' };

describe(CHECK, () => {
  test('no active finding at all → PASS on the detector', () => {
    const detector = fakeDetector({ activeFindings: activeFindings(0) });
    expect(run(inventoryOf([detector]))).toEqual([{ status: 'PASS', resource: detector.id }]);
  });

  test('active high-severity findings → FAIL, with the counts as evidence', () => {
    const detector = fakeDetector({ activeFindings: activeFindings(2, 1, 5) });
    const { findings } = runChecks(inventoryOf([detector]), [guarddutyNoActiveHighSeverityFindings]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ checkId: CHECK, status: 'FAIL', resource: { id: detector.id, kind: 'guardduty.detector' } });
    expect(findings[0]!.evidence).toMatchObject({ activeFindings: { high: 2, medium: 1, low: 5 }, minimumSeverity: 'high' });
  });

  test('medium and low findings alone pass by default and fail once the minimum is lowered', () => {
    const detector = fakeDetector({ activeFindings: activeFindings(0, 3, 7) });
    expect(run(inventoryOf([detector]))).toEqual([{ status: 'PASS', resource: detector.id }]);
    expect(run(inventoryOf([detector]), { minimumSeverity: 'medium' })).toEqual([{ status: 'FAIL', resource: detector.id }]);
    expect(run(inventoryOf([fakeDetector({ activeFindings: activeFindings(0, 0, 7) })]), { minimumSeverity: 'medium' })).toEqual([
      { status: 'PASS', resource: expect.any(String) },
    ]);
  });

  test('an unknown minimumSeverity is the user’s error → ERROR, never a verdict', () => {
    expect(run(inventoryOf([fakeDetector({ activeFindings: activeFindings(0) })]), { minimumSeverity: 'critical' })).toEqual([
      { status: 'ERROR', resource: expect.any(String) },
    ]);
  });

  test('the finding counts could not be collected → UNKNOWN for the region and the detector, never PASS', () => {
    const detector = fakeDetector();
    const inventory = inventoryOf([detector], { coverage: [okCoverage('guardduty.detector', REGION), countsPart] });
    expect(run(inventory)).toEqual([
      { status: 'UNKNOWN', resource: ACCOUNT_RESOURCE },
      { status: 'UNKNOWN', resource: detector.id },
    ]);
  });

  test('counts absent although collection reported no failure (an older snapshot) → UNKNOWN', () => {
    const detector = fakeDetector();
    expect(run(inventoryOf([detector]))).toEqual([{ status: 'UNKNOWN', resource: detector.id }]);
  });

  test('the detector listing was denied → UNKNOWN', () => {
    const inventory = inventoryOf([], { coverage: [deniedCoverage('guardduty.detector', REGION, 'ListDetectors')] });
    expect(run(inventory)).toEqual([{ status: 'UNKNOWN', resource: ACCOUNT_RESOURCE }]);
  });

  test('a failed administrator lookup does not hold the verdict back', () => {
    const detector = fakeDetector({ activeFindings: activeFindings(1) });
    const inventory = inventoryOf([detector], { coverage: [okCoverage('guardduty.detector', REGION), adminPart] });
    expect(run(inventory)).toEqual([{ status: 'FAIL', resource: detector.id }]);
  });

  test('a member detector is judged on its own findings and names its administrator', () => {
    const member = fakeDetector({ activeFindings: activeFindings(1), administrator: { accountId: GUARDDUTY_ADMIN, relationshipStatus: 'Enabled' } });
    const { findings } = runChecks(inventoryOf([member]), [guarddutyNoActiveHighSeverityFindings]);
    expect(findings[0]).toMatchObject({ status: 'FAIL', resource: { id: member.id }, evidence: { administratorAccountId: GUARDDUTY_ADMIN } });
  });

  test('a suspended detector still fails on the findings it holds; with none it is NOT_APPLICABLE', () => {
    const withFindings = fakeDetector({ status: 'DISABLED', activeFindings: activeFindings(1) });
    const clean = fakeDetector({ status: 'DISABLED', activeFindings: activeFindings(0) });
    expect(run(inventoryOf([withFindings]))).toEqual([{ status: 'FAIL', resource: withFindings.id }]);
    expect(run(inventoryOf([clean]))).toEqual([{ status: 'NOT_APPLICABLE', resource: clean.id }]);
  });

  test('detector status left unresolved → UNKNOWN', () => {
    const detector = fakeDetector({ status: unresolved('<DetectorStatus>'), activeFindings: activeFindings(0) });
    expect(run(inventoryOf([detector]))).toEqual([{ status: 'UNKNOWN', resource: detector.id }]);
  });

  test('a detector declared in a template → NOT_APPLICABLE: findings exist only in a live account', () => {
    const declared = asTemplateResource(fakeDetector(), 'Detector');
    expect(run(templateInventory([declared], ['guardduty.detector']))).toEqual([{ status: 'NOT_APPLICABLE', resource: declared.id }]);
  });

  test('maps to Well-Architected SEC04-BP03, as no Security Hub or CIS control covers open findings', () => {
    expect(guarddutyNoActiveHighSeverityFindings.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC04-BP03'] });
  });
});
