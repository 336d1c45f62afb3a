import { defineRegionCheck, fail, pass, unknown } from '../../engine/check';
import { DETECTOR_ONLY, activeAdministrator, administratorNote, isSuspended } from './lib/features';

export const guarddutyEnabledInRegion = defineRegionCheck({
  id: 'guardduty-enabled-in-region',
  kind: 'guardduty.detector',
  parts: DETECTOR_ONLY,
  title: 'GuardDuty is enabled in the region',
  severity: 'high',
  description:
    'Each audited region has a GuardDuty detector that is enabled (not suspended). A region whose detector listing succeeded ' +
    'and holds no detector FAILs; only a listing that could not be made is UNKNOWN. A member account whose detector is ' +
    'managed by a GuardDuty administrator (delegated through AWS Organizations, or by invitation) passes on its own ' +
    'detector, and the finding names the administrator; if that detector is suspended, the finding says who can resume it.',
  risk:
    'A region without GuardDuty is where an attacker goes: credential misuse, crypto-mining and reconnaissance there raise no ' +
    'finding, and GuardDuty also watches global services (IAM) only through regions where it runs.',
  remediation:
    'aws guardduty create-detector --enable (or, in an organization, enable GuardDuty for all members from the delegated ' +
    'administrator with auto-enable: aws guardduty update-organization-configuration --auto-enable-organization-members ALL).',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1',
  ],
  frameworks: { securityHub: ['GuardDuty.1'] },
  // Reads `incomplete` itself: a partly known resource can only keep a FAIL from being a PASS.
  handlesIncomplete: true,

  evaluate(detectors, ctx) {
    const where = ctx.region === '*' ? '' : ` in ${ctx.region}`;
    const complete = detectors.filter((d) => !d.incomplete);
    const enabled = complete.find((d) => !isSuspended(d));
    if (enabled) {
      const admin = activeAdministrator(enabled);
      return pass(`GuardDuty detector ${enabled.id} is enabled${where}${admin ? `, managed by administrator account ${admin}` : ''}.`, {
        evidence: { detector: enabled.id, ...(admin ? { administratorAccountId: admin } : {}) },
      });
    }
    const incomplete = detectors.filter((d) => d.incomplete);
    if (incomplete.length > 0) {
      return unknown(`The GuardDuty detector${where} could not be fully read: ${incomplete.map((d) => `${d.id}: ${d.incomplete?.message}`).join('; ')}.`);
    }
    const [suspended] = complete;
    if (suspended) {
      return fail(`GuardDuty detector ${suspended.id} is suspended${where}.${administratorNote(suspended)}`, {
        evidence: { detector: suspended.id, detectorStatus: 'DISABLED' },
      });
    }
    return fail(`GuardDuty has no detector${where}.`, { evidence: { detectors: 0 } });
  },
});
