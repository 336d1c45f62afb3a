import { Indeterminate, must, type CheckContext } from '../../../engine/check';
import { describeResolvable, type EksNodegroup, type LaunchTemplate, type LaunchTemplateVersion } from '../../../model';
import { attempt, mentions, referenceIds } from '../../ec2/lib/decide';

/** Tags EKS puts on the launch template it generates for a node group created without one. */
const GENERATED_TAGS = { cluster: 'eks:cluster-name', nodegroup: 'eks:nodegroup-name' } as const;

/** The launch template version a node group's instances start from. */
export type NodeTemplate =
  | {
      readonly kind: 'launch-template';
      readonly template: LaunchTemplate;
      readonly version: LaunchTemplateVersion;
      /** EKS generated it (the node group was created without a launch template). */
      readonly generated: boolean;
      readonly label: string;
    }
  /** EKS generated the template and the inventory does not hold it: only EKS's documented defaults are known. */
  | { readonly kind: 'eks-generated-unseen'; readonly label: string };

/**
 * The node group's launch template version: the one it names (`$Default`, `$Latest` or a number),
 * or, for a node group created without one, the template EKS generated for it (tagged
 * eks:cluster-name and eks:nodegroup-name). Indeterminate when a named template or version was not
 * collected, so a missing template never reads as a safe one.
 */
export function nodeTemplateOf(nodegroup: EksNodegroup, ctx: CheckContext): NodeTemplate {
  const name = must(nodegroup.name);
  const templates = ctx.inventory.inRegion('ec2.launch-template', ctx.region);
  const ref = nodegroup.launchTemplate;
  if (ref) {
    const template = templates.find((t) => namesTemplate(ref, t));
    if (!template) throw new Indeterminate(`launch template ${describeResolvable(ref.id ?? ref.name ?? 'unnamed')} of node group ${name} is not in the inventory`);
    const version = versionOf(template, versionNumber(template, ref.version));
    return { kind: 'launch-template', template, version, generated: false, label: `version ${version.versionNumber} of launch template ${describeResolvable(template.name)}` };
  }
  const cluster = must(nodegroup.clusterName);
  const generated = templates.find((t) => t.tags?.[GENERATED_TAGS.nodegroup] === name && t.tags?.[GENERATED_TAGS.cluster] === cluster);
  if (!generated) return { kind: 'eks-generated-unseen', label: `the launch template EKS generated for node group ${name}, which the inventory does not hold` };
  const number = generated.defaultVersion ?? generated.latestVersion ?? onlyVersion(generated);
  if (number === undefined) throw new Indeterminate(`launch template ${describeResolvable(generated.name)} records no version`);
  const version = versionOf(generated, number);
  return { kind: 'launch-template', template: generated, version, generated: true, label: `the launch template EKS generated for node group ${name} (${describeResolvable(generated.name)})` };
}

/** A node group names its template by id or by name; an unresolved reference that could be this one is Indeterminate. */
function namesTemplate(ref: NonNullable<EksNodegroup['launchTemplate']>, template: LaunchTemplate): boolean {
  const match =
    ref.id !== undefined ? mentions([ref.id], referenceIds(template.id, template.launchTemplateId)) : ref.name !== undefined ? mentions([ref.name], referenceIds(template.id, template.name)) : 'no';
  if (match === 'maybe') throw new Indeterminate('the node group names its launch template by an unresolved value');
  return match === 'yes';
}

/** `$Default`, `$Latest` or a number. A template declares one version, which an unresolved reference can only mean. */
function versionNumber(template: LaunchTemplate, reference: NonNullable<EksNodegroup['launchTemplate']>['version']): number {
  const resolved = attempt(() => must(reference));
  if (!resolved.ok) {
    const only = onlyVersion(template);
    if (only !== undefined) return only;
    throw new Indeterminate(resolved.reason);
  }
  const text = resolved.value.trim();
  const number = text === '$Default' ? template.defaultVersion : text === '$Latest' ? template.latestVersion : Number(text);
  const chosen = number ?? onlyVersion(template);
  if (chosen === undefined || !Number.isInteger(chosen)) throw new Indeterminate(`launch template version "${text}" is not recorded`);
  return chosen;
}

function onlyVersion(template: LaunchTemplate): number | undefined {
  return template.versions.length === 1 ? template.versions[0]!.versionNumber : undefined;
}

function versionOf(template: LaunchTemplate, number: number): LaunchTemplateVersion {
  const version = template.versions.find((v) => v.versionNumber === number);
  if (!version) throw new Indeterminate(`version ${number} of launch template ${describeResolvable(template.name)} was not collected`);
  return version;
}

/**
 * The node group runs an AL2023 EKS-optimized AMI. The Amazon EKS User Guide ("Upgrade from Amazon
 * Linux 2 to Amazon Linux 2023", al2023.html) states that AL2023 requires IMDSv2 by default and
 * that "for IMDSv2, the default hop count for managed node groups is set to 1": this is what EKS
 * applies when neither the launch template nor the account sets otherwise. For other AMI types EKS
 * documents no such default (the AMI and EKS's generated template decide).
 */
export function runsAl2023(nodegroup: EksNodegroup): boolean {
  return nodegroup.amiType !== undefined && must(nodegroup.amiType).startsWith('AL2023');
}
