import { defineResourceCheck, fail, pass } from '../../engine/check';
import { perUser, userKey, userRows } from './support/credential-report';
import { CIS_AWS, CREDENTIAL_REPORT, securityHubIam } from './support/references';

export const iamConsoleUsersMfa = defineResourceCheck({
  id: 'iam-console-users-mfa',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'Every IAM user with a console password has MFA',
  severity: 'high',
  description:
    'One finding per IAM user with a console password (key `User::<name>`), from the credential report: an MFA device is active for the user. ' +
    'Security Hub IAM.19 also asks MFA of users without a console password; this check does not judge those, so it maps to IAM.5 only.',
  risk: 'A console password without MFA is one phishing page or password reuse away from an interactive session in the account.',
  remediation: 'Assign an MFA device to each console user (or move people to IAM Identity Center); enforce it with a Deny-unless-MFA policy in the meantime.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html', CREDENTIAL_REPORT, securityHubIam(5), CIS_AWS],
  frameworks: { securityHub: ['IAM.5'], cisAws: { '3.0': ['1.10'], '4.0': ['1.10'] } },

  evaluate(account) {
    const consoleUsers = userRows(account).filter((r) => r.passwordEnabled === true);
    return perUser(
      consoleUsers,
      (row) => (row.mfaActive ? pass(`${row.user} has MFA.`, { key: userKey(row) }) : fail(`${row.user} has a console password and no MFA.`, { key: userKey(row) })),
      () => pass('No IAM user has a console password.'),
    );
  },
});
