import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { rootRow } from './support/credential-report';
import { CIS_AWS, CREDENTIAL_REPORT, ROOT_USER, securityHubIam } from './support/references';

export const iamRootMfaEnabled = defineResourceCheck({
  id: 'iam-root-mfa-enabled',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'The root user signs in with MFA',
  severity: 'critical',
  description: 'Reads the root row of the IAM credential report: an MFA device is active for the root user.',
  risk: 'Without MFA, the root password alone (phished, reused or reset through the account e-mail) gives unrestricted control of the account.',
  remediation: 'Sign in as root and assign an MFA device (preferably a FIDO security key) under Security credentials → Multi-factor authentication.',
  references: [ROOT_USER, CREDENTIAL_REPORT, securityHubIam(9), CIS_AWS],
  frameworks: { securityHub: ['IAM.9'], cisAws: { '3.0': ['1.5'], '4.0': ['1.5'] } },

  evaluate(account) {
    const root = rootRow(account);
    if (!root) return unknown('The credential report has no row for the root user.');
    return root.mfaActive ? pass('MFA is active for the root user.') : fail('The root user has no active MFA device.');
  },
});
