import { defineResourceCheck, fail, pass } from '../../engine/check';
import { activeKeys, perUser, userKey, userRows } from './support/credential-report';
import { CIS_AWS, CREDENTIAL_REPORT } from './support/references';

export const iamNoAccessKeysAtInitialSetup = defineResourceCheck({
  id: 'iam-no-access-keys-at-initial-setup',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'Console users have no active access keys that were never used',
  severity: 'medium',
  description:
    'One finding per IAM user with a console password (key `User::<name>`): the user has no active access key that has never been used, ' +
    'the sign of keys handed out at user creation "just in case".',
  risk: 'Keys nobody uses are keys nobody watches: they leak from the onboarding e-mail or laptop and stay valid.',
  remediation: 'Delete the unused access keys (aws iam delete-access-key); create keys only when a user needs them.',
  references: [CREDENTIAL_REPORT, CIS_AWS],
  frameworks: { cisAws: { '3.0': ['1.11'], '4.0': ['1.11'] } },

  evaluate(account) {
    return perUser(
      userRows(account).filter((r) => r.passwordEnabled === true),
      (row) => {
        const neverUsed = activeKeys(row).filter((k) => k.lastUsed === undefined);
        return neverUsed.length > 0
          ? fail(`${row.user} has an active access key that was never used (slot ${neverUsed.map((k) => k.slot).join(', ')}).`, { key: userKey(row), evidence: { slots: neverUsed.map((k) => k.slot) } })
          : pass(`${row.user} has no unused active access key.`, { key: userKey(row) });
      },
      () => pass('No IAM user has a console password.'),
    );
  },
});
