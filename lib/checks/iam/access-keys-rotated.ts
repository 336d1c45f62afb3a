import { defineResourceCheck, fail, pass } from '../../engine/check';
import { activeKeys, daysSince, perUser, userKey, userRows } from './support/credential-report';
import { CIS_AWS, CREDENTIAL_REPORT, securityHubIam } from './support/references';

export const iamAccessKeysRotated = defineResourceCheck({
  id: 'iam-access-keys-rotated',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'Active IAM access keys are rotated within 90 days',
  severity: 'medium',
  description: 'One finding per IAM user with an active access key (key `User::<name>`): every active key was created or rotated within `maxKeyAgeDays` days (option, default 90).',
  risk: 'The older a key, the more places it has been copied to and the longer a leaked copy stays useful.',
  remediation: 'Rotate: create a second key, switch its consumers, deactivate and delete the old one; better, replace user keys with roles.',
  references: [CREDENTIAL_REPORT, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html', securityHubIam(3), CIS_AWS],
  frameworks: { securityHub: ['IAM.3'], cisAws: { '3.0': ['1.14'], '4.0': ['1.14'] } },
  defaultOptions: { maxKeyAgeDays: 90 },

  evaluate(account, ctx) {
    const limit = ctx.options.maxKeyAgeDays as number;
    return perUser(
      userRows(account).filter((r) => activeKeys(r).length > 0),
      (row) => {
        const old = activeKeys(row)
          .map((k) => ({ slot: k.slot, ageDays: daysSince(k.lastRotated ?? row.userCreationTime ?? ctx.now.toISOString(), ctx.now) }))
          .filter((k) => k.ageDays > limit);
        return old.length > 0
          ? fail(`${row.user} has an active access key ${Math.max(...old.map((k) => k.ageDays))} days old.`, { key: userKey(row), evidence: { keys: old, maxKeyAgeDays: limit } })
          : pass(`Every active access key of ${row.user} is at most ${limit} days old.`, { key: userKey(row) });
      },
      () => pass('No IAM user has an active access key.'),
    );
  },
});
