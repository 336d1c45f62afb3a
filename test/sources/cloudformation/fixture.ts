import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventorySchema, type Inventory, type ResourceKind, type ResourceKinds } from '../../../lib/model';
import { parseTemplateText } from '../../../lib/sources/cloudformation/parse';
import { mapTemplate } from '../../../lib/sources/cloudformation/template';
import type { CfnTemplate, TemplateOptions } from '../../../lib/sources/cloudformation/types';

export const TEMPLATES = join(__dirname, '..', '..', 'fixtures', 'templates');

/** Maps a template and proves the result is a valid inventory: the schema is the contract with the checks. */
export function mapped(template: CfnTemplate, options: Partial<TemplateOptions> = {}) {
  const result = mapTemplate(template, { stack: 'Test', ...options });
  const parsed = inventorySchema.safeParse(result.inventory);
  if (!parsed.success) throw new Error(`not a valid inventory: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  return result;
}

/** A fixture template from test/fixtures/templates, mapped as stack `Test`. */
export function fixture(name: string, options: Partial<TemplateOptions> = {}): Inventory {
  const file = join(TEMPLATES, name);
  const { template, lines } = parseTemplateText(readFileSync(file, 'utf8'), file);
  return mapped(template, { file: name, lines, ...options }).inventory;
}

/** The resource a logical id of stack `Test` became. */
export function resource<K extends ResourceKind>(inventory: Inventory, kind: K, logicalId: string, stack = 'Test'): ResourceKinds[K] {
  const found = (inventory.resources[kind] ?? []).find((r) => r.id === `cfn:${stack}/${logicalId}`);
  if (!found) throw new Error(`no ${kind} ${logicalId} in ${Object.keys(inventory.resources).join(', ')}`);
  return found as ResourceKinds[K];
}

/** A one-resource template. */
export function single(type: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}): CfnTemplate {
  return { Resources: { Subject: { Type: type, Properties: properties } }, ...extra } as CfnTemplate;
}
