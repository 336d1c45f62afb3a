import { fail, Indeterminate, notApplicable, unknown, type CheckContext, type Verdict } from '../../../engine/check';
import type { InventoryView } from '../../../engine/inventory-view';
import { ANY_REGION, GLOBAL_REGION, isUnresolved, type EksCluster, type IamRole, type IamUser, type ResourceKinds } from '../../../model';

type ClusterPart = 'eks.nodegroup' | 'eks.addon' | 'eks.access-entry' | 'eks.pod-identity-association';

/** The node groups, add-ons, access entries or associations of one cluster; Indeterminate when the kind was not collected in its region. */
export function partsOf<K extends ClusterPart>(kind: K, cluster: EksCluster, ctx: CheckContext): ResourceKinds[K][] {
  return ctx.inventory.inRegion(kind, ctx.region).filter((r) => r.clusterId === cluster.id);
}

/** The cluster a node group, add-on, access entry or association belongs to; undefined when its (collected) region has none with that id. */
export function owningCluster(part: { readonly clusterId: string }, ctx: CheckContext): EksCluster | undefined {
  return ctx.inventory.find('eks.cluster', part.clusterId, ctx.region);
}

/** Every cluster of the inventory, in every region it speaks for (templates: `*`). */
export function everyCluster(ctx: CheckContext): EksCluster[] {
  const declared = ctx.inventory.inventory.source.regions;
  const regions = declared && declared.length > 0 ? declared : [ANY_REGION];
  return regions.flatMap((region) => ctx.inventory.inRegion('eks.cluster', region));
}

const IAM_PRINCIPAL_ARN = /^arn:[a-z-]+:iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/;

/** What an IAM principal reference (an ARN, or a template's inventory id) points at. */
export type PrincipalLookup =
  | { readonly state: 'found'; readonly type: 'role' | 'user'; readonly principal: IamRole | IamUser }
  | { readonly state: 'missing'; readonly type: 'role' | 'user'; readonly name: string }
  /** A principal of another account: this inventory cannot say whether it exists. */
  | { readonly state: 'foreign'; readonly accountId: string }
  /** Neither a role or user ARN nor the id of one in the inventory. */
  | { readonly state: 'unrecognised' };

/**
 * Finds the IAM role or user a reference names. Role ARNs may carry a path or not (access entries
 * accept both), so roles are matched by account and name, which IAM keeps unique. Reading IAM
 * data that was not collected makes the evaluation UNKNOWN.
 */
export function lookUpPrincipal(reference: string, ctx: CheckContext): PrincipalLookup {
  const arn = IAM_PRINCIPAL_ARN.exec(reference);
  if (!arn) return lookUpById(reference, ctx);
  const accountId = arn[1]!;
  const type = arn[2] as 'role' | 'user';
  const name = arn[3]!;
  // A template that does not say which account it deploys to (`unknown`) may be deployed to this one.
  const accountKnown = ctx.accountId !== 'unknown';
  if (accountKnown && accountId !== ctx.accountId) return { state: 'foreign', accountId };
  const principal = byName(type === 'role' ? 'iam.role' : 'iam.user', name, accountKnown ? accountId : undefined, ctx);
  return principal ? { state: 'found', type, principal } : { state: 'missing', type, name };
}

function lookUpById(id: string, ctx: CheckContext): PrincipalLookup {
  const role = ctx.inventory.find('iam.role', id, GLOBAL_REGION);
  if (role) return { state: 'found', type: 'role', principal: role };
  const user = ctx.inventory.find('iam.user', id, GLOBAL_REGION);
  return user ? { state: 'found', type: 'user', principal: user } : { state: 'unrecognised' };
}

function byName(kind: 'iam.role' | 'iam.user', name: string, accountId: string | undefined, ctx: CheckContext): IamRole | IamUser | undefined {
  const names = ctx.inventory.derived(principalsByName, JSON.stringify([kind, accountId ?? null]));
  const principal = names.byName.get(name);
  if (principal) return principal;
  if (names.someUnresolved) throw new Indeterminate(`an ${kind} whose name is unresolved may be ${name}`);
  return undefined;
}

/** The roles or users (of one account, when given) by name, the first in inventory order winning. */
interface PrincipalNames {
  readonly byName: ReadonlyMap<string, IamRole | IamUser>;
  /** Some principal's name is unresolved, so it may be any name. */
  readonly someUnresolved: boolean;
}

/** Built once per inventory: access entries are looked up by name, and scanning thousands of roles for each is quadratic. */
function principalsByName(inventory: InventoryView, key: string): PrincipalNames {
  const [kind, accountId] = JSON.parse(key) as ['iam.role' | 'iam.user', string | null];
  const byName = new Map<string, IamRole | IamUser>();
  let someUnresolved = false;
  for (const principal of inventory.inRegion(kind, GLOBAL_REGION)) {
    if (accountId !== null && inventory.accountOf(principal) !== accountId) continue;
    if (isUnresolved(principal.name)) someUnresolved = true;
    else if (!byName.has(principal.name)) byName.set(principal.name, principal);
  }
  return { byName, someUnresolved };
}

/** The role a reference names, when it names a role of this account. */
export function roleNamed(reference: string, ctx: CheckContext): { readonly role?: IamRole; readonly lookup: PrincipalLookup } {
  const lookup = lookUpPrincipal(reference, ctx);
  return lookup.state === 'found' && lookup.type === 'role' ? { role: lookup.principal as IamRole, lookup } : { lookup };
}

/** The verdict for a role reference that names no role of the inventory (gone, in another account, or outside a template). */
export function unlistedRoleVerdict(roleArn: string, lookup: PrincipalLookup, ctx: CheckContext): Verdict {
  if (lookup.state === 'foreign') return notApplicable(`Role ${roleArn} belongs to account ${lookup.accountId}, outside this inventory.`);
  if (lookup.state !== 'missing') return unknown(`${roleArn} is not an IAM role of the inventory.`);
  // A template may use a role it does not declare: that is not evidence the role is gone.
  if (ctx.inventory.inventory.source.type === 'template') return notApplicable(`Role ${roleArn} is not declared in the template.`);
  return fail(`Role ${roleArn} no longer exists.`, { evidence: { roleArn } });
}
