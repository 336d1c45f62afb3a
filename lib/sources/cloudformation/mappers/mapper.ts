import { isUnresolved, parsePolicyDocument, PolicyDocumentError, unresolved, type PolicyDocument, type Resolvable } from '../../../model';
import type { MapContext } from '../context';
import { isPlainObject, type Resolved } from '../intrinsics';

/**
 * Maps one CloudFormation type. `own` mappers create the modelled resources; `fold` mappers run
 * after every owner exists and add their settings to it (a role's separate policy, a group's rule).
 */
export interface Mapper {
  readonly cfnType: string;
  readonly phase: 'own' | 'fold';
  map(x: MapContext): void;
}

export const owns = (cfnType: string, map: (x: MapContext) => void): Mapper => ({ cfnType, phase: 'own', map });
export const folds = (cfnType: string, map: (x: MapContext) => void): Mapper => ({ cfnType, phase: 'fold', map });

/**
 * A policy document as the model holds it (canonical, see `parsePolicyDocument`). A document the
 * template computes as a whole stays Unresolved; one that is not a valid policy at all marks the
 * resource incomplete, so its checks say UNKNOWN with the reason instead of judging a guess.
 */
export function policyDocument(value: Resolved | undefined, x: MapContext, what: string): Resolvable<PolicyDocument> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value)) return value;
  try {
    return parsePolicyDocument(value);
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    if (containsUnresolved(value)) return unresolved(`<${x.logicalId}.${what}>`);
    x.markIncomplete(`${what} is not a valid policy document: ${error.message}`);
    return unresolved(`<${x.logicalId}.${what}: invalid>`);
  }
}

function containsUnresolved(value: Resolved): boolean {
  if (isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnresolved);
  if (isPlainObject(value)) return Object.values(value).some((v) => containsUnresolved(v as Resolved));
  return false;
}

/**
 * The ARN a template uses for an EKS cluster given by name only (a cluster of another stack): not a
 * resource of this inventory, named the way a live inventory would name it.
 */
export function externalClusterId(name: Resolvable<string>, x: MapContext): string {
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const partition = text(x.scope.pseudo('AWS::Partition'), '<AWS::Partition>');
  const region = text(x.scope.pseudo('AWS::Region'), '<AWS::Region>');
  const account = text(x.scope.pseudo('AWS::AccountId'), '<AWS::AccountId>');
  return `arn:${partition}:eks:${region}:${account}:cluster/${isUnresolved(name) ? name.unresolved : name}`;
}
