import { ANY_REGION, isUnresolved, type Coverage, type Resource } from '../../model';
import type { InventoryBuilder } from './context';
import { isPlainObject } from './intrinsics';
import type { TemplateScope } from './scope';

/**
 * Which security groups of the template a raw template value names: `Ref`, `Fn::GetAtt` (any
 * attribute but `VpcId`, which names the VPC) or a `${Group}` in `Fn::Sub`. Read from the raw
 * expression, not the evaluated one, so a reference inside a value the template leaves open (an
 * `Fn::If` on an unknown condition) is still seen; of an `Fn::If` whose condition is decided, only
 * the branch taken counts.
 */
export function groupsNamedIn(raw: unknown, groups: ReadonlySet<string>, scope: TemplateScope): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isPlainObject(node)) return;
    const branch = decidedBranch(node['Fn::If'], scope);
    if (branch !== undefined) return visit(branch.taken);
    if (typeof node.Ref === 'string' && groups.has(node.Ref)) found.add(node.Ref);
    const [logicalId, attribute] = getAttParts(node['Fn::GetAtt']);
    if (logicalId !== undefined && groups.has(logicalId) && attribute !== 'VpcId') found.add(logicalId);
    const sub = node['Fn::Sub'];
    const text = Array.isArray(sub) ? sub[0] : sub;
    if (typeof text === 'string') for (const name of subVariables(text)) if (groups.has(name)) found.add(name);
    Object.values(node).forEach(visit);
  };
  visit(raw);
  return found;
}

/** The branch an `Fn::If` takes, when its condition is decided. */
function decidedBranch(args: unknown, scope: TemplateScope): { taken: unknown } | undefined {
  if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') return undefined;
  const decided = scope.evaluator.condition(args[0]);
  return typeof decided === 'boolean' ? { taken: decided ? args[1] : args[2] } : undefined;
}

function getAttParts(args: unknown): [string | undefined, unknown] {
  if (typeof args === 'string') {
    const dot = args.indexOf('.');
    return dot < 0 ? [args, undefined] : [args.slice(0, dot), args.slice(dot + 1)];
  }
  return Array.isArray(args) && typeof args[0] === 'string' ? [args[0], args[1]] : [undefined, undefined];
}

/** The logical ids `${Name}` / `${Name.Attribute}` of a `Fn::Sub` text refers to (`${!Literal}` is text). */
function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((m) => m[1]!.trim()).filter((name) => !name.endsWith('.VpcId')).map((name) => name.split('.')[0]!);
}

/** The security groups a template declares (and may create), by logical id. */
export function templateGroups(scope: TemplateScope): Set<string> {
  return new Set(scope.logicalIdsOfType('AWS::EC2::SecurityGroup'));
}

/**
 * Coverage of `ec2.network-interface` for a template. The interfaces AWS creates for the resources
 * the source models (VPC endpoints, Lambda functions in a VPC, declared interfaces) are listed, and
 * the other places a group is used are modelled too (instances, launch templates, rules, EKS
 * clusters). So the list is complete, and "no interface uses this group" a fact about the stack,
 * only while every reference to a security group of the template lands in one of those places.
 * A reference from anything else (a load balancer, a database, a node group's remote access, an
 * Output another stack imports) may use the group where the inventory cannot see it: the coverage
 * is then an error naming it, so whether a group is in use stays UNKNOWN instead of failing.
 */
export function networkInterfaceCoverage(scope: TemplateScope, out: InventoryBuilder): Coverage {
  const unseen = unseenGroupReferences(scope, out);
  if (unseen.length === 0) return { kind: 'ec2.network-interface', region: ANY_REGION, status: 'ok' };
  return {
    kind: 'ec2.network-interface',
    region: ANY_REGION,
    status: 'error',
    issue: {
      code: 'UNEXPECTED',
      service: 'cloudformation',
      message: `${unseen.slice(0, 3).join('; ')}: the template source does not model where that puts the group, so the network interfaces of the stack are not known completely`,
    },
  };
}

/** `<what> refers to security group <id>` for each reference to a template group no modelled use records. */
function unseenGroupReferences(scope: TemplateScope, out: InventoryBuilder): string[] {
  const groups = templateGroups(scope);
  if (groups.size === 0) return [];
  const byId = recordsById(out);
  const unseen: string[] = [];
  for (const logicalId of scope.logicalIds) {
    const named = groupsNamedIn(scope.template.Resources[logicalId]?.Properties, groups, scope);
    if (named.size === 0) continue;
    const records = [...(out.contributions.get(logicalId) ?? [])].flatMap((id) => byId.get(id) ?? []);
    for (const group of named) {
      const groupId = scope.idOf(group);
      if (!records.some((r) => r.id === groupId || recordsUseOf(r, groupId))) unseen.push(`${scope.template.Resources[logicalId]!.Type} ${logicalId} refers to security group ${groupId}`);
    }
  }
  for (const [name, output] of Object.entries(isPlainObject(scope.template.Outputs) ? scope.template.Outputs : {})) {
    for (const group of groupsNamedIn(output, groups, scope)) unseen.push(`Output ${name} gives security group ${scope.idOf(group)} to whoever reads the stack's outputs`);
  }
  return unseen;
}

/** Every record of the inventory by id (a resource may give records of several kinds one id). */
function recordsById(out: InventoryBuilder): Map<string, Resource[]> {
  const byId = new Map<string, Resource[]>();
  for (const list of Object.values(out.resources())) {
    for (const r of (list ?? []) as Resource[]) {
      const same = byId.get(r.id);
      if (same) same.push(r);
      else byId.set(r.id, [r]);
    }
  }
  return byId;
}

/**
 * Whether a record shows the use: it names the group where a use of it is modelled, or leaves that
 * open in a way whoever judges the use already treats as "maybe" (an unresolved entry, or a record
 * marked incomplete).
 */
function recordsUseOf(r: Resource, groupId: string): boolean {
  return r.incomplete !== undefined || useFieldsOf(r).some((entry) => entry === groupId || isUnresolved(entry));
}

function useFieldsOf(r: Resource): unknown[] {
  switch (r.kind) {
    case 'ec2.network-interface':
    case 'ec2.instance':
      return r.securityGroupIds;
    case 'ec2.launch-template':
      return r.versions.flatMap((v) => v.securityGroupIds);
    case 'ec2.security-group':
      return [...r.ingress, ...r.egress].flatMap((rule) => (rule.peer.type === 'security-group' ? [rule.peer.groupId] : []));
    case 'eks.cluster':
      // Not the cluster security group: EKS creates that one, it is never a group of the template.
      return r.securityGroupIds;
    default:
      return [];
  }
}
