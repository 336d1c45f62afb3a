import { defineResourceCheck, fail, notApplicable, pass, unknown, type CheckContext } from '../../engine/check';
import { InputError } from '../../errors';
import type { Detector } from '../../model';
import { administratorEvidence, isSuspended } from './lib/features';

type ActiveFindings = NonNullable<Detector['activeFindings']>;
type Band = keyof ActiveFindings;

/** Severity bands from the most severe down; GuardDuty's critical findings are counted as high. */
const BANDS: readonly Band[] = ['high', 'medium', 'low'];

/** The bands at or above the `minimumSeverity` option: `medium` → high and medium. */
function failingBands(ctx: CheckContext): readonly Band[] {
  const minimum = ctx.options.minimumSeverity;
  const index = BANDS.indexOf(minimum as Band);
  if (index < 0) throw new InputError('CHECK_OPTION_INVALID', `option minimumSeverity must be one of ${BANDS.join(', ')}, got ${JSON.stringify(minimum)}`);
  return BANDS.slice(0, index + 1);
}

/** "2 high and 1 medium" */
function describeCounts(counts: ActiveFindings, bands: readonly Band[]): string {
  return bands
    .filter((b) => counts[b] > 0)
    .map((b) => `${counts[b]} ${b}`)
    .join(' and ');
}

export const guarddutyNoActiveHighSeverityFindings = defineResourceCheck({
  id: 'guardduty-no-active-high-severity-findings',
  kind: 'guardduty.detector',
  // Only the finding counts are read; a failed administrator lookup must not hold this check back.
  parts: ['activeFindings'],
  title: 'GuardDuty has no active high-severity findings',
  severity: 'high',
  description:
    'Each GuardDuty detector has no active (not archived) finding of high severity (7.0 and above, critical included), from ' +
    'GetFindingsStatistics. Option `minimumSeverity` (default `high`; `medium` or `low` widen it) sets the lowest severity band that ' +
    'fails. Findings archived by hand or by a suppression rule do not count. In a GuardDuty administrator account the counts include ' +
    'the findings of its member accounts. A suspended detector still fails on the findings it holds; with none it is NOT_APPLICABLE ' +
    '(guardduty-enabled-in-region reports the suspension). Detectors declared in a template are NOT_APPLICABLE: findings exist only in ' +
    'a live account. No Security Hub or CIS control covers open findings; the check enforces Well-Architected SEC04-BP03 (security ' +
    'alerts are investigated to decide whether they are incidents).',
  risk:
    'An active high-severity finding is a detected compromise or attack in progress (credential exfiltration, crypto-mining, a container ' +
    'escape) that nobody has closed: either it was never investigated, or it was handled and left open, hiding the next one.',
  remediation:
    'Investigate each active finding (aws guardduty list-findings --detector-id <id> --finding-criteria ' +
    '\'{"Criterion":{"service.archived":{"Eq":["false"]},"severity":{"Gte":7}}}\'), respond through the incident runbook, then archive it; ' +
    'add suppression rules only for activity you have confirmed as expected.',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/findings_management.html',
    'https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_detect_investigate_events_security_alerts.html',
  ],
  frameworks: { wellArchitected: ['SEC04-BP03'] },
  defaultOptions: { minimumSeverity: 'high' },

  evaluate(detector, ctx) {
    const bands = failingBands(ctx);
    if (detector.origin.kind === 'cfn') return notApplicable('Findings exist only in a live account; a template declares none.');
    const suspended = isSuspended(detector);
    const counts = detector.activeFindings;
    if (counts === undefined) return unknown('The active finding counts of the detector were not collected.');
    const evidence = { activeFindings: counts, minimumSeverity: bands[bands.length - 1], ...administratorEvidence(detector) };
    const open = describeCounts(counts, bands);
    if (open) {
      const note = suspended ? ' The detector is suspended, so it raises no new findings either.' : '';
      return fail(`The detector has ${open} severity active findings.${note}`, { evidence });
    }
    if (suspended) return notApplicable('The detector is suspended and holds no active finding at or above the minimum severity.');
    return pass(`The detector has no active finding of ${bands.join(', ')} severity.`, { evidence });
  },
});
