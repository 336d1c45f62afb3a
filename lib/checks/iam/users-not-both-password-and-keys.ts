import { defineResourceCheck, fail, pass } from '../../engine/check';
import { activeKeys, perUser, userKey, userRows } from './support/credential-report';
import { CREDENTIAL_REPORT, WA_TEMPORARY_CREDENTIALS } from './support/references';

export const iamUsersNotBothPasswordAndKeys = defineResourceCheck({
  id: 'iam-users-not-both-password-and-keys',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'No IAM user has both a console password and an active access key',
  severity: 'medium',
  description:
    'One finding per IAM user with a console password (key `User::<name>`): the user has no active access key. People sign in; ' +
    'workloads use roles. CIS 1.11 covers only keys created at user setup (iam-no-access-keys-at-initial-setup) and no ' +
    'Security Hub control covers this, so the check maps to Well-Architected SEC02-BP02 (use temporary credentials).',
  risk: 'A user with both is a person whose long-lived keys end up in scripts and dotfiles, outliving their need and bypassing console MFA.',
  remediation: 'Split the identities: keep the console user for the person, give automation a role (or, failing that, a separate key-only user).',
  references: [CREDENTIAL_REPORT, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp', WA_TEMPORARY_CREDENTIALS],
  frameworks: { wellArchitected: ['SEC02-BP02'] },

  evaluate(account) {
    return perUser(
      userRows(account).filter((r) => r.passwordEnabled === true),
      (row) => {
        const keys = activeKeys(row);
        return keys.length > 0
          ? fail(`${row.user} has a console password and ${keys.length} active access key${keys.length > 1 ? 's' : ''}.`, { key: userKey(row), evidence: { activeKeySlots: keys.map((k) => k.slot) } })
          : pass(`${row.user} has a console password and no active access key.`, { key: userKey(row) });
      },
      () => pass('No IAM user has a console password.'),
    );
  },
});
