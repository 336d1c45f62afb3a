import { isUnresolved, type PolicyDocument, type PolicyStatement, type Resolvable } from '../model';
import { actionCovers, actionsIntersect } from './actions';
import { allOf, anyOf, fromBoolean, NO, UNKNOWN, YES, type Tri } from './tri';
import { covers, intersects } from './wildcard';

/**
 * Statement-level questions, each answered three-valued: an element a template left Unresolved
 * could be anything, so it makes an answer unknown unless a known element already decides it.
 */

export type ResourceMode = 'all' | 'some';

export function isAllow(statement: PolicyStatement): Tri {
  return isUnresolved(statement.Effect) ? UNKNOWN : fromBoolean(statement.Effect === 'Allow');
}

export function isDeny(statement: PolicyStatement): Tri {
  return isUnresolved(statement.Effect) ? UNKNOWN : fromBoolean(statement.Effect === 'Deny');
}

/** Does the statement apply to every action the pattern names? (`Action` covers it, or no `NotAction` entry touches it.) */
export function appliesToActions(statement: PolicyStatement, pattern: string): Tri {
  if (statement.Action) return anyOf(statement.Action.map((a) => elementTri(a, (v) => actionCovers(v, pattern))));
  if (statement.NotAction) return allOf(statement.NotAction.map((a) => elementTri(a, (v) => !actionsIntersect(v, pattern))));
  return NO;
}

/** Does the statement apply to some action the pattern names? */
export function touchesActions(statement: PolicyStatement, pattern: string): Tri {
  if (statement.Action) return anyOf(statement.Action.map((a) => elementTri(a, (v) => actionsIntersect(v, pattern))));
  if (statement.NotAction) return allOf(statement.NotAction.map((a) => elementTri(a, (v) => !actionCovers(v, pattern))));
  return NO;
}

/**
 * Does the statement apply to the resources the probe names: all of them (`mode: 'all'`) or at
 * least one (`'some'`)? A statement without Resource or NotResource (trust policies) applies to all.
 */
export function appliesToResources(statement: PolicyStatement, probe: string, mode: ResourceMode): Tri {
  if (statement.Resource) {
    const test = mode === 'all' ? (v: string) => covers(v, probe) : (v: string) => intersects(v, probe);
    return anyOf(statement.Resource.map((r) => elementTri(r, test)));
  }
  if (statement.NotResource) {
    const test = mode === 'all' ? (v: string) => !intersects(v, probe) : (v: string) => !covers(v, probe);
    return allOf(statement.NotResource.map((r) => elementTri(r, test)));
  }
  return YES;
}

/** A Condition block is present and (as far as known) not empty. */
export function isConditional(statement: PolicyStatement): Tri {
  const condition = statement.Condition;
  if (condition === undefined) return NO;
  if (isUnresolved(condition)) return UNKNOWN;
  return fromBoolean(Object.values(condition).some((entries) => Object.keys(entries).length > 0));
}

function elementTri(value: Resolvable<string>, test: (v: string) => boolean): Tri {
  return isUnresolved(value) ? UNKNOWN : fromBoolean(test(value));
}

/** The statements of a document, or undefined when the whole document is Unresolved. */
export function statementsOf(document: Resolvable<PolicyDocument>): readonly PolicyStatement[] | undefined {
  return isUnresolved(document) ? undefined : document.Statement;
}

/** A short human label for a statement: its Sid, else its position. */
export function statementLabel(statement: PolicyStatement, index: number): string {
  return statement.Sid ? `Sid ${statement.Sid}` : `statement ${index + 1}`;
}
