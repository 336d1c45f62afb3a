import { z } from 'zod';
import { suppressionSchema, type Suppression } from '../../engine/suppressions';
import { zodProblems } from '../../engine/zod-problems';
import { ANY_REGION, RESOURCE_KINDS, SCHEMA_VERSION, type Coverage, type Inventory, type InventorySource, type Resource, type ResourceKind } from '../../model';
import { InventoryBuilder, MapContext } from './context';
import { networkInterfaceCoverage } from './group-uses';
import { isPlainObject } from './intrinsics';
import { MAPPERS, TEMPLATE_KINDS } from './mappers';
import { TemplateScope } from './scope';
import { TemplateError, type CfnTemplate, type TemplateOptions } from './types';

/** Resource metadata key under which accepted risks travel with a resource. */
export const METADATA_KEY = 'hardeks';

/** Where a suppression read from resource metadata says it came from. */
export const METADATA_SOURCE = 'cfn-metadata';

/**
 * The inventory a stack would create: every resource of a mapped type, with intrinsics evaluated,
 * AWS defaults applied and separate resources folded into their owners. Pure.
 */
export function inventoryFromTemplate(template: CfnTemplate, options: TemplateOptions): Inventory {
  return mapTemplate(template, options).inventory;
}

/** Accepted risks recorded in resource metadata (`Metadata.hardeks.suppressions`), each bound to the resources it shaped. */
export function suppressionsFromTemplate(template: CfnTemplate, options: TemplateOptions): Suppression[] {
  return mapTemplate(template, options).suppressions;
}

/** Both at once, mapping the template once. */
export function mapTemplate(template: CfnTemplate, given: TemplateOptions): { inventory: Inventory; suppressions: Suppression[] } {
  const options = withEnvironmentFromParameters(given);
  const scope = new TemplateScope(template, options);
  const out = new InventoryBuilder();
  for (const phase of ['own', 'fold'] as const) {
    for (const mapper of MAPPERS.filter((m) => m.phase === phase)) {
      for (const logicalId of scope.logicalIdsOfType(mapper.cfnType)) mapper.map(new MapContext(scope, logicalId, out));
    }
  }
  const resources = out.resources();
  countAttachments(resources);
  return {
    inventory: {
      schemaVersion: SCHEMA_VERSION,
      source: templateSource(options),
      resources: inReportOrder(resources),
      coverage: TEMPLATE_KINDS.map((kind): Coverage => (kind === 'ec2.network-interface' ? networkInterfaceCoverage(scope, out) : { kind, region: ANY_REGION, status: 'ok' })),
    },
    suppressions: metadataSuppressions(scope, out),
  };
}

/**
 * `--parameter AWS::AccountId=…` / `AWS::Region=…` say where the stack is deployed: the inventory then
 * knows its account (so the account's own principals are not "other accounts") and its region.
 */
function withEnvironmentFromParameters(options: TemplateOptions): TemplateOptions {
  const account = options.parameters?.['AWS::AccountId'];
  const region = options.parameters?.['AWS::Region'];
  return {
    ...options,
    ...(options.accountId === undefined && typeof account === 'string' ? { accountId: account } : {}),
    ...(options.region === undefined && typeof region === 'string' ? { region } : {}),
  };
}

function templateSource(options: TemplateOptions): InventorySource {
  return {
    type: 'template',
    stack: options.stack,
    ...(options.file ? { file: options.file } : {}),
    ...(options.accountId ? { accountId: options.accountId } : {}),
    ...(options.region ? { regions: [options.region] } : {}),
  };
}

function inReportOrder(resources: { [K in ResourceKind]?: Resource[] }): Inventory['resources'] {
  return Object.fromEntries(RESOURCE_KINDS.filter((k) => resources[k]?.length).map((k) => [k, resources[k]])) as Inventory['resources'];
}

/** How many principals of the stack attach each customer managed policy (IAM's AttachmentCount). */
function countAttachments(resources: { [K in ResourceKind]?: Resource[] }): void {
  const principals = [...(resources['iam.role'] ?? []), ...(resources['iam.user'] ?? []), ...(resources['iam.group'] ?? [])] as {
    attachedPolicies: unknown[];
  }[];
  for (const policy of (resources['iam.policy'] ?? []) as { awsManaged: boolean; arn: unknown; attachmentCount?: number }[]) {
    if (policy.awsManaged) continue;
    policy.attachmentCount = principals.filter((p) => p.attachedPolicies.some((a) => a === policy.arn)).length;
  }
}

/** What a resource's `Metadata.hardeks.suppressions` may hold: the resource itself is implied. */
const metadataSuppressionSchema = z.strictObject({
  suppressions: z.array(suppressionSchema.pick({ checkId: true, key: true, reason: true, expires: true })),
});

function metadataSuppressions(scope: TemplateScope, out: InventoryBuilder): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const logicalId of scope.logicalIds) {
    const metadata = scope.template.Resources[logicalId]?.Metadata;
    if (!isPlainObject(metadata) || metadata[METADATA_KEY] === undefined) continue;
    const parsed = metadataSuppressionSchema.safeParse(metadata[METADATA_KEY]);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error).map((p) => `${p.path.replace(/^\$/, `Resources.${logicalId}.Metadata.${METADATA_KEY}`)}: ${p.message}`);
      throw new TemplateError(`${scope.options.file ?? scope.stack}: invalid accepted risk: ${problems.join('; ')}`, 'SUPPRESSIONS_INVALID');
    }
    // A folded resource's acceptance applies to what it was folded into (a policy's to its role).
    for (const resourceId of out.contributions.get(logicalId) ?? []) {
      for (const s of parsed.data.suppressions) suppressions.push({ ...s, resource: escapeGlob(resourceId), source: METADATA_SOURCE });
    }
  }
  return suppressions;
}

/** Suppressions match resources by glob: a literal id must not be read as a pattern. */
function escapeGlob(id: string): string {
  return id.replace(/[*?[\]{}()!+@\\]/g, (c) => `\\${c}`);
}
