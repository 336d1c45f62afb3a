import { Indeterminate, must, type CheckContext } from '../../../engine/check';
import type { InventoryView } from '../../../engine/inventory-view';
import { describeResolvable, isUnresolved, type Instance, type LaunchTemplate, type RegionSettings } from '../../../model';
import { attempt, mentions } from './decide';

/** Tags EKS managed node groups, Karpenter, Auto Mode and eksctl put on the instances they launch. */
const NODE_TAG_KEYS: readonly string[] = ['eks:cluster-name', 'eks:eks-cluster-name', 'aws:eks:cluster-name'];
const NODE_TAG_PREFIX = 'kubernetes.io/cluster/';

/**
 * Why an instance is taken for an EKS node (so it runs pods), or undefined when it is not one: a
 * node tag, or a launch template that an EKS node group launches from. Node groups that were not
 * collected leave an untagged instance with a launch template undecided.
 */
export function eksNodeReason(instance: Instance, ctx: CheckContext): string | undefined {
  const tags = instance.tags ?? {};
  const tag = Object.keys(tags).find((key) => NODE_TAG_KEYS.includes(key) || key.startsWith(NODE_TAG_PREFIX));
  if (tag !== undefined) return `it is tagged ${tag}`;
  if (!instance.launchTemplate) return undefined;
  const templateId = must(instance.launchTemplate.launchTemplateId);
  const name = attempt(() => templateNameOf(templateId, ctx));
  for (const nodegroup of ctx.inventory.inRegion('eks.nodegroup', ctx.region)) {
    const ref = nodegroup.launchTemplate;
    if (!ref) continue;
    // A node group names its template by id or, failing that, by name; a name needs the template to compare with.
    if (ref.id === undefined && !name.ok) throw new Indeterminate(name.reason);
    const ids = new Set([templateId, ...(name.ok && name.value !== undefined ? [name.value] : [])]);
    const match = mentions([ref.id ?? ref.name].filter((v) => v !== undefined), ids);
    if (match === 'yes') return `node group ${describeResolvable(nodegroup.name)} launches it from template ${templateId}`;
    if (match === 'maybe') throw new Indeterminate(`node group ${describeResolvable(nodegroup.name)} launches from an unresolved template`);
  }
  return undefined;
}

/** The name of the template with this id, when the inventory has it (undefined when it does not). */
function templateNameOf(templateId: string, ctx: CheckContext): string | undefined {
  const template = ctx.inventory.derived(templatesById, ctx.region).get(templateId);
  return template ? must(template.name) : undefined;
}

/**
 * The region's launch templates by inventory id and by resolved template id, the first in inventory
 * order winning: built once per inventory instead of searched once per instance.
 */
function templatesById(inventory: InventoryView, region: string): ReadonlyMap<string, LaunchTemplate> {
  const byId = new Map<string, LaunchTemplate>();
  for (const template of inventory.inRegion('ec2.launch-template', region)) {
    for (const id of [template.id, template.launchTemplateId]) {
      if (!isUnresolved(id) && !byId.has(id)) byId.set(id, template);
    }
  }
  return byId;
}

export function isGone(state: string | undefined): boolean {
  return state === 'terminated' || state === 'shutting-down';
}

/** The EC2 settings of the region being judged; collected settings that hold no entry are not a default. */
export function regionSettings(ctx: CheckContext): RegionSettings {
  const [settings] = ctx.inventory.inRegion('ec2.region-settings', ctx.region);
  if (!settings) throw new Indeterminate(`no EC2 settings were recorded for ${ctx.region}`);
  return settings;
}
