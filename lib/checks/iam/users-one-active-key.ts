import { defineResourceCheck, fail, pass } from '../../engine/check';
import { activeKeys, perUser, userKey, userRows } from './support/credential-report';
import { CIS_AWS, CREDENTIAL_REPORT } from './support/references';

export const iamUsersOneActiveKey = defineResourceCheck({
  id: 'iam-users-one-active-key',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'No IAM user has more than one active access key',
  severity: 'medium',
  description: 'One finding per IAM user with an active access key (key `User::<name>`): only one of its two key slots is active.',
  risk: 'A second active key is usually a rotation left half-done: the old key keeps working wherever it was copied.',
  remediation: 'Finish the rotation: deactivate, then delete, the older key once nothing uses it.',
  references: [CREDENTIAL_REPORT, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html', CIS_AWS],
  frameworks: { cisAws: { '3.0': ['1.13'], '4.0': ['1.13'] } },

  evaluate(account) {
    return perUser(
      userRows(account).filter((r) => activeKeys(r).length > 0),
      (row) => {
        const count = activeKeys(row).length;
        return count > 1 ? fail(`${row.user} has ${count} active access keys.`, { key: userKey(row) }) : pass(`${row.user} has one active access key.`, { key: userKey(row) });
      },
      () => pass('No IAM user has an active access key.'),
    );
  },
});
