import { defineAccountCheck, fail, must, pass } from '../../engine/check';
import { GLOBAL_REGION, type Resolvable } from '../../model';
import { CIS_AWS, securityHubIam } from './support/references';

const isSupportPolicy = (arn: string) => /^arn:[a-z-]+:iam::aws:policy\/AWSSupportAccess$/.test(arn);

/** Known attachments decide a yes; an unresolved one only matters when no known one is the support policy. */
function attachesSupport(attached: readonly Resolvable<string>[]): boolean {
  return attached.some((a) => typeof a === 'string' && isSupportPolicy(a));
}

export const iamSupportRoleExists = defineAccountCheck({
  id: 'iam-support-role-exists',
  kind: 'iam.role',
  title: 'A role is set up to manage incidents with AWS Support',
  severity: 'low',
  description:
    'Some role has the AWS managed AWSSupportAccess policy attached (users and groups with it are reported too, read from the inventory), so incidents ' +
    'can be raised with AWS Support without the root user.',
  risk: 'Without a designated support identity, people fall back to the root user or ask for broad permissions in the middle of an incident.',
  remediation: 'Create a role that your incident responders can assume and attach arn:aws:iam::aws:policy/AWSSupportAccess to it.',
  references: ['https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html', securityHubIam(18), CIS_AWS],
  frameworks: { securityHub: ['IAM.18'], cisAws: { '3.0': ['1.17'], '4.0': ['1.17'] } },

  evaluate(roles, ctx) {
    const supportRoles = roles.filter((r) => attachesSupport(r.attachedPolicies));
    if (supportRoles.length > 0) return pass(`AWSSupportAccess is attached to ${supportRoles.map((r) => `role ${must(r.name)}`).join(', ')}.`);
    const others = [...ctx.inventory.inRegion('iam.user', GLOBAL_REGION), ...ctx.inventory.inRegion('iam.group', GLOBAL_REGION)];
    const holders = others.filter((p) => attachesSupport(p.attachedPolicies));
    if (holders.length > 0) return pass(`AWSSupportAccess is attached to ${holders.map((h) => h.id).join(', ')} (no role has it).`);
    // Nothing known grants it: an attachment a template left unresolved could still be the support policy.
    for (const p of [...roles, ...others]) p.attachedPolicies.forEach((a) => must(a));
    return fail('No role, user or group has the AWSSupportAccess policy attached.');
  },
});
