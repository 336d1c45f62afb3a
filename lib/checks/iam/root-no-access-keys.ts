import { defineResourceCheck, fail, pass, unknown } from '../../engine/check';
import { activeKeys, rootRow } from './support/credential-report';
import { CIS_AWS, CREDENTIAL_REPORT, ROOT_USER, securityHubIam } from './support/references';

export const iamRootNoAccessKeys = defineResourceCheck({
  id: 'iam-root-no-access-keys',
  kind: 'iam.account',
  parts: ['credentialReport'],
  title: 'The root user has no active access keys',
  severity: 'critical',
  description: 'Reads the root row of the IAM credential report: neither access key slot of the root user is active.',
  risk: 'A root access key cannot be restricted by any IAM policy or permissions boundary: whoever obtains it controls the whole account, including billing and account closure.',
  remediation: 'Sign in as root, delete the root access keys (Security credentials → Access keys), and use IAM roles for programmatic access.',
  references: [ROOT_USER, CREDENTIAL_REPORT, securityHubIam(4), CIS_AWS],
  frameworks: { securityHub: ['IAM.4'], cisAws: { '3.0': ['1.4'], '4.0': ['1.4'] } },

  evaluate(account) {
    const root = rootRow(account);
    if (!root) return unknown('The credential report has no row for the root user.');
    const active = activeKeys(root);
    if (active.length > 0) return fail(`The root user has ${active.length} active access key${active.length > 1 ? 's' : ''}.`, { evidence: { activeKeySlots: active.map((k) => k.slot) } });
    return pass('The root user has no active access key.');
  },
});
