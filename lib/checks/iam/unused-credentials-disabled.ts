import { defineResourceCheck, fail, pass } from '../../engine/check';
import type { CredentialReportRow } from '../../model';
import { activeKeys, daysSince, perUser, userKey, userRows } from './support/credential-report';
import { CIS_AWS, CREDENTIAL_REPORT, securityHubIam } from './support/references';

/** A credential is stale when its last use (or, never used, its creation) lies more than `limit` days back. */
function staleCredentials(row: CredentialReportRow, limit: number, now: Date): string[] {
  const stale: string[] = [];
  if (row.passwordEnabled === true) {
    const since = row.passwordLastUsed ?? row.passwordLastChanged ?? row.userCreationTime;
    if (since !== undefined && daysSince(since, now) > limit) stale.push(row.passwordLastUsed ? 'password' : 'password (never used)');
  }
  for (const key of activeKeys(row)) {
    const since = key.lastUsed ?? key.lastRotated ?? row.userCreationTime;
    if (since !== undefined && daysSince(since, now) > limit) stale.push(key.lastUsed ? `access key ${key.slot}` : `access key ${key.slot} (never used)`);
  }
  return stale;
}

export const iamUnusedCredentialsDisabled = defineResourceCheck({
  id: 'iam-unused-credentials-disabled',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'IAM user credentials unused for 45 days are disabled',
  severity: 'medium',
  description:
    'One finding per IAM user with an enabled password or an active access key (key `User::<name>`): none of them has gone unused for more than ' +
    '`maxUnusedDays` days (option, default 45; Security Hub IAM.8 uses 90). A credential never used counts from its creation.',
  risk: 'Credentials nobody uses are not missed when they leak, and keep working for a departed person or a retired system.',
  remediation: 'Deactivate the stale access keys (aws iam update-access-key --status Inactive) and remove stale console passwords (aws iam delete-login-profile).',
  references: [CREDENTIAL_REPORT, securityHubIam(22), securityHubIam(8), CIS_AWS],
  frameworks: { securityHub: ['IAM.22', 'IAM.8'], cisAws: { '3.0': ['1.12'], '4.0': ['1.12'] } },
  defaultOptions: { maxUnusedDays: 45 },

  evaluate(account, ctx) {
    const limit = ctx.options.maxUnusedDays as number;
    const holders = userRows(account).filter((r) => r.passwordEnabled === true || activeKeys(r).length > 0);
    return perUser(
      holders,
      (row) => {
        const stale = staleCredentials(row, limit, ctx.now);
        return stale.length > 0
          ? fail(`${row.user} has credentials unused for more than ${limit} days: ${stale.join(', ')}.`, { key: userKey(row), evidence: { stale, maxUnusedDays: limit } })
          : pass(`Every enabled credential of ${row.user} was used within ${limit} days.`, { key: userKey(row) });
      },
      () => pass('No IAM user has an enabled password or an active access key.'),
    );
  },
});
