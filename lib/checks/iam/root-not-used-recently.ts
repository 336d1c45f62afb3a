import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { daysSince, rootRow } from './support/credential-report';
import { CIS_AWS, ROOT_USER } from './support/references';

export const iamRootNotUsedRecently = defineResourceCheck({
  id: 'iam-root-not-used-recently',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'The root user has not been used recently',
  severity: 'high',
  description:
    'Neither the root password nor a root access key was used within the last `withinDays` days (option, default 90), ' +
    'according to the credential report.',
  risk: 'Everyday use of the root user exposes credentials that no policy can restrict, and hides who did what behind one shared identity.',
  remediation: 'Use IAM Identity Center or IAM roles for administration; keep the root user for the few tasks that require it, with MFA.',
  references: [ROOT_USER, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html', CIS_AWS],
  frameworks: { cisAws: { '3.0': ['1.7'], '4.0': ['1.7'] } },
  defaultOptions: { withinDays: 90 },

  evaluate(account, ctx) {
    const root = rootRow(account);
    if (!root) return unknown('The credential report has no row for the root user.');
    const withinDays = ctx.options.withinDays as number;
    const uses = [
      { credential: 'password', at: root.passwordLastUsed },
      ...root.accessKeys.map((k, i) => ({ credential: `access key ${i + 1}`, at: k.lastUsed })),
    ].flatMap((u) => (u.at !== undefined ? [{ credential: u.credential, at: u.at, days: daysSince(u.at, ctx.now) }] : []));
    const recent = uses.filter((u) => u.days <= withinDays);
    if (recent.length > 0) {
      return fail(`The root user was used ${Math.min(...recent.map((u) => u.days))} days ago (${recent.map((u) => u.credential).join(', ')}).`, { evidence: { recentUses: recent, withinDays } });
    }
    return pass(uses.length === 0 ? 'The root user has no recorded use.' : `The root user was last used more than ${withinDays} days ago.`, { evidence: { uses } });
  },
});
