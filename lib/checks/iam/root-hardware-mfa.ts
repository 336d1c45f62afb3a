import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { rootRow } from './support/credential-report';
import { CIS_AWS, ROOT_USER, securityHubIam } from './support/references';

export const iamRootHardwareMfa = defineResourceCheck({
  id: 'iam-root-hardware-mfa',
  kind: 'iam.account',
  parts: ['credentialReport', 'virtualMfaDevices'],
  title: 'The root user signs in with a hardware MFA device',
  severity: 'critical',
  description:
    'The root user has active MFA (credential report) and no virtual MFA device is assigned to it (ListVirtualMFADevices): ' +
    'its MFA is therefore a hardware device (TOTP token or FIDO key).',
  risk: 'A virtual MFA device lives on a phone or laptop that can be lost, cloned or compromised together with the password it protects.',
  remediation: 'Replace the root user’s virtual MFA device with a hardware TOTP token or a FIDO security key, kept in a safe.',
  references: [ROOT_USER, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html', securityHubIam(6), CIS_AWS],
  frameworks: { securityHub: ['IAM.6'], cisAws: { '3.0': ['1.6'], '4.0': ['1.6'] } },

  evaluate(account) {
    const root = rootRow(account);
    if (!root) return unknown('The credential report has no row for the root user.');
    if (!root.mfaActive) return fail('The root user has no MFA device at all.');
    const virtual = account.virtualMfaDevices.filter((d) => d.userArn !== undefined && (d.userArn === root.arn || d.userArn.endsWith(':root')));
    if (virtual.length > 0) return fail('The root user’s MFA is a virtual device.', { evidence: { virtualMfaDevices: virtual.map((d) => d.serialNumber) } });
    return pass('The root user’s MFA is a hardware device: no virtual MFA device is assigned to it.');
  },
});
