import type { Check } from '../engine/check';
import type { Finding, Frameworks, Report } from '../engine/types';
import { InputError } from '../errors';
import { CIS_AWS_3_0 } from './cis-aws-3.0';
import { CIS_AWS_4_0 } from './cis-aws-4.0';
import { CIS_EKS_1_7 } from './cis-eks-1.7';
import { FSBP } from './fsbp';
import type { Control, Pack } from './types';

export type { Control, Pack, PackSource } from './types';

/** Every compliance pack hardeks ships, in the order reports list them. */
export const PACKS: readonly Pack[] = [CIS_AWS_3_0, CIS_AWS_4_0, CIS_EKS_1_7, FSBP];
export const PACK_IDS = PACKS.map((p) => p.id);

export function packById(id: string): Pack {
  const pack = PACKS.find((p) => p.id === id);
  if (!pack) throw new InputError('UNKNOWN_FRAMEWORK', `unknown framework ${JSON.stringify(id)}; choose one of ${PACK_IDS.join(', ')}`);
  return pack;
}

/** The ids a check (or a finding, which carries its check's frameworks) names for this pack. */
export function controlIdsIn(pack: Pack, frameworks: Frameworks): string[] {
  const { source } = pack;
  if (source.field === 'securityHub') {
    const members = new Set(pack.controls.map((c) => c.id));
    return frameworks.securityHub.filter((id) => members.has(id));
  }
  return [...(frameworks[source.field][source.version] ?? [])];
}

/** Checks of a catalog that cover at least one control of the pack: what `--framework` runs. */
export function checksOfPack(pack: Pack, catalog: readonly Check[]): Check[] {
  return catalog.filter((c) => controlIdsIn(pack, c.frameworks).length > 0);
}

/**
 * The state of one control after an audit. Suppressed findings do not decide it (as in Security
 * Hub): a control whose only problems were accepted is ACCEPTED, not PASS, so the exception stays visible.
 *
 * - NOT_COVERED: no hardeks check covers it (see the control's `gap`);
 * - NOT_RUN: checks cover it, but none of them ran in this audit;
 * - FAIL > ERROR > UNKNOWN > ACCEPTED > PASS > NOT_APPLICABLE: the worst of its findings.
 */
export const CONTROL_STATUSES = ['FAIL', 'ERROR', 'UNKNOWN', 'ACCEPTED', 'PASS', 'NOT_APPLICABLE', 'NOT_RUN', 'NOT_COVERED'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export interface ControlResult {
  readonly control: Control;
  readonly status: ControlStatus;
  /** Checks of the catalog that cover the control. */
  readonly checks: readonly string[];
  /** Findings of those checks in the report, by status; `suppressed` counts marked ones of any status. */
  readonly counts: { readonly fail: number; readonly pass: number; readonly other: number; readonly suppressed: number };
}

export interface ComplianceView {
  readonly pack: Pack;
  readonly controls: readonly ControlResult[];
  readonly totals: Readonly<Record<ControlStatus, number>>;
  /** Controls passing (PASS or ACCEPTED) out of those judged PASS, ACCEPTED or FAIL; undefined when none was. */
  readonly passRate: number | undefined;
}

/** Judges each control of a pack from a report's findings; `catalog` tells covered controls from uncovered ones. */
export function complianceView(pack: Pack, report: Report, catalog: readonly Check[]): ComplianceView {
  const findingsByControl = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    for (const id of controlIdsIn(pack, finding.frameworks)) {
      const list = findingsByControl.get(id) ?? [];
      list.push(finding);
      findingsByControl.set(id, list);
    }
  }
  const controls = pack.controls.map((control): ControlResult => {
    const checks = catalog.filter((c) => controlIdsIn(pack, c.frameworks).includes(control.id)).map((c) => c.id);
    const findings = findingsByControl.get(control.id) ?? [];
    return {
      control,
      checks,
      status: controlStatus(checks.length > 0, findings),
      counts: {
        fail: findings.filter((f) => f.status === 'FAIL').length,
        pass: findings.filter((f) => f.status === 'PASS').length,
        other: findings.filter((f) => f.status !== 'FAIL' && f.status !== 'PASS').length,
        suppressed: findings.filter((f) => f.suppressed).length,
      },
    };
  });
  const totals = Object.fromEntries(CONTROL_STATUSES.map((s) => [s, controls.filter((c) => c.status === s).length])) as Record<ControlStatus, number>;
  const judged = totals.PASS + totals.ACCEPTED + totals.FAIL;
  return { pack, controls, totals, passRate: judged === 0 ? undefined : (totals.PASS + totals.ACCEPTED) / judged };
}

function controlStatus(covered: boolean, findings: readonly Finding[]): ControlStatus {
  if (!covered && findings.length === 0) return 'NOT_COVERED';
  if (findings.length === 0) return 'NOT_RUN';
  const open = findings.filter((f) => !f.suppressed);
  for (const status of ['FAIL', 'ERROR', 'UNKNOWN'] as const) if (open.some((f) => f.status === status)) return status;
  if (findings.some((f) => f.suppressed && f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE')) return 'ACCEPTED';
  return open.some((f) => f.status === 'PASS') ? 'PASS' : 'NOT_APPLICABLE';
}
