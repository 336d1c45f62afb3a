import { Indeterminate, must, unknown, type CheckContext, type Verdict } from '../../../engine/check';
import type { InventoryView } from '../../../engine/inventory-view';
import { describeResolvable, isUnresolved, type LaunchTemplate, type LaunchTemplateVersion, type Resolvable } from '../../../model';
import { attempt, mentions, referenceIds, settle, undecided } from './decide';
import { isGone } from './instances';

/** One version of a template that something launches from, and what does. */
export interface VersionUse {
  readonly versionNumber: number;
  /** Absent when the version is referenced but was not collected. */
  readonly version?: LaunchTemplateVersion;
  /** `default`, `latest`, `instance i-…`, `node group workers`. */
  readonly usedAs: readonly string[];
}

export interface VersionsInUse {
  readonly uses: readonly VersionUse[];
  /** Why some use could not be established (instances or node groups not collected, unresolved references). */
  readonly gaps: readonly string[];
}

/**
 * The versions of a launch template that matter: the default and the latest (what a launch without a
 * version, or with `$Latest`, gets), and every version an instance or an EKS node group in the region
 * launches from. A template that names neither a default nor a latest version (a CloudFormation
 * template) is judged on every version it declares. Old versions nothing uses are left alone.
 */
export function versionsInUse(template: LaunchTemplate, ctx: CheckContext): VersionsInUse {
  const uses = new Map<number, string[]>();
  const gaps: string[] = [];
  const use = (versionNumber: number, by: string) => uses.set(versionNumber, [...(uses.get(versionNumber) ?? []), by]);

  if (template.defaultVersion !== undefined) use(template.defaultVersion, 'default');
  if (template.latestVersion !== undefined) use(template.latestVersion, 'latest');
  if (template.defaultVersion === undefined && template.latestVersion === undefined) {
    for (const version of template.versions) use(version.versionNumber, 'declared');
  }
  const launches = launchesFrom(template, ctx);
  gaps.push(...launches.gaps);
  for (const reference of launches.references) {
    const number = attempt(() => versionNumberOf(template, reference.version));
    if (number.ok) use(number.value, reference.by);
    else gaps.push(`${reference.by} launches from a version that ${number.reason}`);
  }
  const recorded = new Map(template.versions.map((v) => [v.versionNumber, v]));
  const list = [...uses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([versionNumber, usedAs]) => {
      const version = recorded.get(versionNumber);
      return { versionNumber, usedAs: [...new Set(usedAs)], ...(version ? { version } : {}) };
    });
  return { uses: list, gaps };
}

interface TemplateReference {
  readonly by: string;
  readonly version: Resolvable<string>;
}

/** Instances and node groups in the template's region that launch from it, and what could not be read. */
function launchesFrom(template: LaunchTemplate, ctx: CheckContext): { references: TemplateReference[]; gaps: string[] } {
  const ids = referenceIds(template.id, template.launchTemplateId);
  const names = referenceIds(template.id, template.name);
  const references: TemplateReference[] = [];
  const gaps: string[] = [];

  const instances = attempt(() => ctx.inventory.derived(launchingInstances, ctx.region));
  if (!instances.ok) gaps.push(instances.reason);
  else {
    references.push(...instancesNaming(instances.value, ids));
    for (const launch of instances.value.unsure) gaps.push(`${launch.by} launches from a template whose id is unresolved`);
  }

  const nodegroups = attempt(() => ctx.inventory.inRegion('eks.nodegroup', ctx.region));
  if (!nodegroups.ok) gaps.push(nodegroups.reason);
  for (const nodegroup of nodegroups.ok ? nodegroups.value : []) {
    const ref = nodegroup.launchTemplate;
    if (!ref) continue;
    const by = `node group ${describeResolvable(nodegroup.name)}`;
    const match = ref.id !== undefined ? mentions([ref.id], ids) : ref.name !== undefined ? mentions([ref.name], names) : 'no';
    if (match === 'yes') references.push({ by, version: ref.version });
    else if (match === 'maybe') gaps.push(`${by} launches from a template that is unresolved`);
  }
  return { references, gaps };
}

/** An instance of the region that launched from a launch template. */
interface InstanceLaunch extends TemplateReference {
  /** Its position among the region's instances, so that launches keep inventory order. */
  readonly position: number;
}

/** The region's live instances that launched from a template, by template id: built once per inventory, not once per template. */
interface InstanceLaunches {
  readonly byTemplateId: ReadonlyMap<string, readonly InstanceLaunch[]>;
  /** Launches whose template id is unresolved: they may be from any template. */
  readonly unsure: readonly InstanceLaunch[];
}

function launchingInstances(inventory: InventoryView, region: string): InstanceLaunches {
  const byTemplateId = new Map<string, InstanceLaunch[]>();
  const unsure: InstanceLaunch[] = [];
  inventory.inRegion('ec2.instance', region).forEach((instance, position) => {
    if (!instance.launchTemplate || isGone(instance.state)) return;
    const launch = { by: `instance ${describeResolvable(instance.instanceId)}`, version: instance.launchTemplate.version, position };
    const templateId = instance.launchTemplate.launchTemplateId;
    if (isUnresolved(templateId)) unsure.push(launch);
    else {
      const list = byTemplateId.get(templateId) ?? [];
      list.push(launch);
      byTemplateId.set(templateId, list);
    }
  });
  return { byTemplateId, unsure };
}

/** The launches from a template known by any of `ids`, in inventory order. */
function instancesNaming(launches: InstanceLaunches, ids: ReadonlySet<string>): TemplateReference[] {
  const found = [...ids].flatMap((id) => launches.byTemplateId.get(id) ?? []).sort((a, b) => a.position - b.position);
  return found.map(({ by, version }) => ({ by, version }));
}

/**
 * The version number a reference means: `$Default`, `$Latest` or a number. A reference a template
 * left unresolved (CDK passes `LatestVersionNumber`) can only mean the one version a single-version
 * template has; otherwise it stays undecided.
 */
function versionNumberOf(template: LaunchTemplate, reference: Resolvable<string>): number {
  const only = onlyVersion(template);
  const resolved = attempt(() => must(reference));
  if (!resolved.ok) {
    if (only !== undefined) return only;
    throw new Indeterminate(resolved.reason);
  }
  const text = resolved.value.trim();
  const known = text === '$Default' ? template.defaultVersion : text === '$Latest' ? template.latestVersion : Number(text);
  const number = known ?? only;
  if (number === undefined || !Number.isInteger(number)) throw new Indeterminate(`is "${text}", which the template does not record`);
  return number;
}

/** The version number of a template that has exactly one, as CloudFormation templates do. */
function onlyVersion(template: LaunchTemplate): number | undefined {
  if (template.versions.length !== 1) return undefined;
  const [single] = template.versions;
  const latest = template.latestVersion ?? single!.versionNumber;
  return latest === single!.versionNumber ? latest : undefined;
}

export function templateLabel(template: LaunchTemplate): string {
  return `${describeResolvable(template.launchTemplateId)} (${describeResolvable(template.name)})`;
}

/**
 * One verdict per version in use, keyed `Version::N`, from `judge`; versions in use that were not
 * collected are UNKNOWN, and uses that could not be established add one UNKNOWN keyed `Version::in-use`.
 */
export function judgeVersionsInUse(
  template: LaunchTemplate,
  ctx: CheckContext,
  judge: (version: LaunchTemplateVersion, usedAs: string) => Verdict,
): Verdict[] {
  const { uses, gaps } = versionsInUse(template, ctx);
  const verdicts = uses.map((use): Verdict => {
    const key = `Version::${use.versionNumber}`;
    const usedAs = use.usedAs.slice(0, 4).join(', ') + (use.usedAs.length > 4 ? `, and ${use.usedAs.length - 4} more` : '');
    if (!use.version) return unknown(`Version ${use.versionNumber} of ${templateLabel(template)} (${usedAs}) is in use but was not collected.`, key);
    const version = use.version;
    return { ...settle(key, () => judge(version, usedAs)), key };
  });
  if (gaps.length > 0) verdicts.push(undecided(`Which versions of ${templateLabel(template)} are in use`, gaps, 'Version::in-use'));
  if (verdicts.length === 0) verdicts.push(unknown(`${templateLabel(template)} records no version to judge.`));
  return verdicts;
}
