import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Suppression } from '../../engine/suppressions';
import type { Coverage, Inventory, ResourceKind } from '../../model';
import { isPseudoParameter } from './intrinsics';
import { parseTemplateText } from './parse';
import { mapTemplate } from './template';
import { TemplateError, type CfnTemplate } from './types';

/** One stack to audit: its template file and what is known of where it deploys. */
export interface StackFile {
  readonly stack: string;
  readonly file: string;
  readonly region?: string;
  readonly accountId?: string;
  /** The stack's construct path in a CDK app (cloud assemblies only). */
  readonly constructPath?: string;
}

export interface LoadOptions {
  /** `Key=Value` overrides for template parameters and pseudo-parameters. */
  readonly parameters?: Readonly<Record<string, string>>;
}

export interface LoadedTemplates {
  readonly inventory: Inventory;
  readonly suppressions: Suppression[];
  readonly stacks: readonly StackFile[];
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new TemplateError(`cannot read ${what} ${file}: ${why}`, 'TEMPLATE_UNREADABLE');
  }
}

/** A stack name from a template file name: `Prod.template.json` → `Prod`. */
export function stackNameOf(file: string): string {
  return basename(file).replace(/(\.template)?\.(json|ya?ml)$/i, '');
}

/** The stacks of a CDK cloud assembly (`cdk.out`), nested stages included, from its manifest. */
export function readCloudAssembly(dir: string): StackFile[] {
  const manifestFile = join(dir, 'manifest.json');
  let manifest: { artifacts?: Record<string, { type?: string; environment?: string; displayName?: string; properties?: Record<string, unknown> }> };
  try {
    manifest = JSON.parse(readText(manifestFile, 'cloud assembly manifest'));
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError(`${manifestFile} is not valid JSON: ${(error as Error).message}`, 'CLOUD_ASSEMBLY_INVALID');
  }
  const stacks: StackFile[] = [];
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const props = artifact.properties ?? {};
    if (artifact.type === 'aws:cloudformation:stack' && typeof props.templateFile === 'string') {
      const [, account, region] = /^aws:\/\/([^/]+)\/(.+)$/.exec(artifact.environment ?? '') ?? [];
      stacks.push({
        stack: typeof props.stackName === 'string' ? props.stackName : artifactId,
        file: resolve(dir, props.templateFile),
        ...(region && region !== 'unknown-region' ? { region } : {}),
        ...(account && account !== 'unknown-account' ? { accountId: account } : {}),
        ...(artifact.displayName ? { constructPath: artifact.displayName } : {}),
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && typeof props.directoryName === 'string') {
      stacks.push(...readCloudAssembly(join(dir, props.directoryName)));
    }
  }
  if (stacks.length === 0) throw new TemplateError(`${dir} holds no CloudFormation stack (manifest.json lists none)`, 'CLOUD_ASSEMBLY_EMPTY');
  return stacks;
}

/** Template files given on the command line, each its own stack. */
export function stacksFromFiles(files: readonly string[]): StackFile[] {
  const stacks = files.map((file) => ({ stack: stackNameOf(file), file }));
  const seen = new Set<string>();
  for (const s of stacks) {
    if (seen.has(s.stack)) throw new TemplateError(`two templates would be stack ${s.stack}: rename one file`, 'TEMPLATE_DUPLICATE_STACK');
    seen.add(s.stack);
  }
  return stacks;
}

/**
 * Reads and maps every stack into one inventory (ids carry the stack name, so they stay unique) and
 * collects the accepted risks recorded in resource metadata. Parameters apply to every stack that
 * declares them; one that none declares is refused, since it is almost certainly a typo.
 */
export function loadTemplates(stacks: readonly StackFile[], options: LoadOptions = {}): LoadedTemplates {
  const parameters = options.parameters ?? {};
  const parsed = stacks.map((s) => ({ stack: s, ...parseTemplateText(readText(s.file, 'template'), s.file) }));
  const unknown = Object.keys(parameters).filter((name) => !isPseudoParameter(name) && !parsed.some((p) => declares(p.template, name)));
  if (unknown.length > 0) {
    throw new TemplateError(`no template declares parameter ${unknown.join(', ')}`, 'PARAMETER_UNKNOWN');
  }
  const mapped = parsed.map(({ stack, template, lines }) =>
    mapTemplate(template, {
      stack: stack.stack,
      file: stack.file,
      parameters,
      lines,
      ...(stack.region ? { region: stack.region } : {}),
      ...(stack.accountId ? { accountId: stack.accountId } : {}),
    }),
  );
  return { inventory: mergeInventories(mapped.map((m) => m.inventory)), suppressions: mapped.flatMap((m) => m.suppressions), stacks };
}

function declares(template: CfnTemplate, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(template.Parameters ?? {}, name);
}

/** Several stacks as one template inventory. Account and regions are kept only when every stack agrees. */
export function mergeInventories(inventories: readonly Inventory[]): Inventory {
  const [first] = inventories;
  if (!first) throw new TemplateError('no template to audit', 'NO_SOURCE');
  if (inventories.length === 1) return first;
  const resources: Record<string, unknown[]> = {};
  for (const inventory of inventories) {
    for (const [kind, list] of Object.entries(inventory.resources)) (resources[kind] ??= []).push(...(list ?? []));
  }
  const coverage = new Map<string, Coverage>();
  for (const c of inventories.flatMap((i) => i.coverage)) coverage.set(`${c.kind}|${c.region}|${c.status}`, c);
  const same = <T>(values: (T | undefined)[]) => (values.every((v) => v !== undefined && JSON.stringify(v) === JSON.stringify(values[0])) ? values[0] : undefined);
  const accountId = same(inventories.map((i) => i.source.accountId));
  const regions = same(inventories.map((i) => i.source.regions));
  const files = [...new Set(inventories.map((i) => i.source.file).filter((f): f is string => f !== undefined))];
  return {
    schemaVersion: first.schemaVersion,
    source: {
      type: 'template',
      stack: inventories.map((i) => i.source.stack).join(', '),
      ...(files.length > 0 ? { file: files.length === 1 ? files[0]! : dirname(files[0]!) } : {}),
      ...(accountId ? { accountId } : {}),
      ...(regions ? { regions } : {}),
    },
    resources: resources as Inventory['resources'] & Record<ResourceKind, never>,
    coverage: [...coverage.values()],
  };
}
