import { defineAccountCheck, fail, must, pass, type Verdict } from '../../engine/check';
import { GLOBAL_REGION } from '../../model';
import { CIS_AWS, securityHubIam } from './support/references';

const isCloudShellFullAccess = (arn: string) => /^arn:[a-z-]+:iam::aws:policy\/AWSCloudShellFullAccess$/.test(arn);

export const iamCloudshellFullAccessRestricted = defineAccountCheck({
  id: 'iam-cloudshell-full-access-restricted',
  kind: 'iam.role',
  title: 'No IAM identity has AWSCloudShellFullAccess attached',
  severity: 'medium',
  description:
    'No role, user or group has the AWS managed AWSCloudShellFullAccess policy attached; one FAIL per holder (key `Role::<name>`, `User::<name>` or ' +
    '`Group::<name>`). Users and groups are read from the inventory.',
  risk: 'CloudShell full access includes file upload and download between the shell and the internet: a ready-made exfiltration channel.',
  remediation: 'Detach AWSCloudShellFullAccess and grant a policy without cloudshell:PutFileUploads / GetFileDownloadUrls where CloudShell is needed.',
  references: ['https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html', securityHubIam(27), CIS_AWS],
  frameworks: { securityHub: ['IAM.27'], cisAws: { '3.0': ['1.22'], '4.0': ['1.22'] } },

  evaluate(roles, ctx) {
    const holders = [
      ...roles.map((r) => ({ type: 'Role', principal: r })),
      ...ctx.inventory.inRegion('iam.user', GLOBAL_REGION).map((u) => ({ type: 'User', principal: u })),
      ...ctx.inventory.inRegion('iam.group', GLOBAL_REGION).map((g) => ({ type: 'Group', principal: g })),
    ];
    const verdicts: Verdict[] = holders
      .filter((h) => h.principal.attachedPolicies.map((a) => must(a)).some(isCloudShellFullAccess))
      .map((h) => fail(`AWSCloudShellFullAccess is attached to ${h.type.toLowerCase()} ${must(h.principal.name)}.`, { key: `${h.type}::${must(h.principal.name)}` }));
    return verdicts.length > 0 ? verdicts : pass('No role, user or group has AWSCloudShellFullAccess attached.');
  },
});
