import type { CheckContext } from '../../../engine/check';
import { must } from '../../../engine/check';
import { GLOBAL_REGION, unresolved, type IamGroup, type IamRole, type IamUser, type InlinePolicy, type Resolvable } from '../../../model';
import { isUnresolved } from '../../../model';
import type { PermissionSet, PolicySource } from '../../../policy';

/**
 * Builds the permission set the policy analyser judges from the inventory: inline policies,
 * attached managed policies and, for users, every group's policies, capped by the permissions
 * boundary. Lookups go through `ctx.inventory`, so data that was not collected makes the evaluation
 * UNKNOWN; a referenced policy or group that is not in a complete inventory becomes an Unresolved
 * document, which the analyser answers `unknown` about rather than treating as empty.
 */
export function inlineSources(owner: string, policies: readonly InlinePolicy[]): PolicySource[] {
  return policies.map((p) => ({ label: `inline policy ${labelOf(p.name)} of ${owner}`, document: p.document }));
}

export function managedSources(arns: readonly Resolvable<string>[], ctx: CheckContext): PolicySource[] {
  return arns.map((arn) => managedSource(must(arn), ctx));
}

export function managedSource(arn: string, ctx: CheckContext): PolicySource {
  const policy = ctx.inventory.find('iam.policy', arn, GLOBAL_REGION);
  return { label: `managed policy ${arn}`, document: policy ? policy.document : unresolved(`<${arn}: not in the inventory>`) };
}

export function permissionsOfGroup(group: IamGroup, ctx: CheckContext): PolicySource[] {
  return [...inlineSources(`group ${labelOf(group.name)}`, group.inlinePolicies), ...managedSources(group.attachedPolicies, ctx)];
}

export function permissionsOfUser(user: IamUser, ctx: CheckContext): PermissionSet {
  const groups = user.groups.map((arn) => {
    const id = must(arn);
    const group = ctx.inventory.find('iam.group', id, GLOBAL_REGION);
    return group ? permissionsOfGroup(group, ctx) : [{ label: `group ${id}`, document: unresolved(`<${id}: not in the inventory>`) }];
  });
  return withBoundary(
    [...inlineSources(`user ${labelOf(user.name)}`, user.inlinePolicies), ...managedSources(user.attachedPolicies, ctx), ...groups.flat()],
    user.permissionsBoundary,
    ctx,
  );
}

export function permissionsOfRole(role: IamRole, ctx: CheckContext): PermissionSet {
  return withBoundary([...inlineSources(`role ${labelOf(role.name)}`, role.inlinePolicies), ...managedSources(role.attachedPolicies, ctx)], role.permissionsBoundary, ctx);
}

function withBoundary(policies: PolicySource[], boundary: Resolvable<string> | undefined, ctx: CheckContext): PermissionSet {
  return boundary === undefined ? { policies } : { policies, boundary: managedSource(must(boundary), ctx) };
}

function labelOf(name: Resolvable<string>): string {
  return isUnresolved(name) ? name.unresolved : name;
}

/** `aws` from `arn:aws:iam::…`; the standard partition when the id is not an ARN (template ids). */
export function partitionOf(id: string): string {
  return /^arn:([a-z-]+):/.exec(id)?.[1] ?? 'aws';
}
