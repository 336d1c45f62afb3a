import { isUnresolved, type PolicyDocument, type PolicyStatement } from '../model';
import { conditionEntries, restrictionsOf, type Restriction, type RestrictionKind } from './conditions';
import { principalsOf, type PrincipalRef } from './principals';
import { appliesToActions, isAllow, isConditional, isDeny, statementLabel, touchesActions } from './statements';
import { and, anyOf, NO, not, or, UNKNOWN, YES, type Tri } from './tri';

/** An Allow statement of a resource or trust policy that grants some of the asked actions to one principal. */
export interface PrincipalGrant {
  readonly statement: string;
  readonly principal: PrincipalRef;
  /** The grant applies: `unknown` when its Effect or Action is Unresolved. */
  readonly grants: Tri;
  /** The statement has a Condition block. */
  readonly conditional: Tri;
  /** A condition of the asked kinds (in the statement, or a Deny guard of the policy) narrows the callers. */
  readonly restricted: Tri;
  readonly restrictions: readonly Restriction[];
}

const NEGATED_OPERATORS = new Set(['stringnotequals', 'stringnotequalsignorecase', 'stringnotlike', 'arnnotequals', 'arnnotlike']);

/**
 * Every (Allow statement, principal) pair that grants some action the pattern names. Restrictions
 * count from the statement's own Condition and from "Deny unless" guards elsewhere in the policy:
 * a Deny to everyone of the same actions whose Condition only negates restricting keys
 * (`StringNotEquals aws:PrincipalOrgID`) admits only the callers that match. An unconditional Deny
 * of the actions to everyone leaves no grant at all.
 */
export function principalGrants(document: PolicyDocument, actionPattern: string, kinds: readonly RestrictionKind[]): PrincipalGrant[] {
  const guard = denyGuard(document, actionPattern, kinds);
  const grants: PrincipalGrant[] = [];
  document.Statement.forEach((statement, index) => {
    const grantsAction = and(isAllow(statement), touchesActions(statement, actionPattern), not(guard.blocked));
    if (grantsAction === NO) return;
    const own = restrictionsOf(statement, kinds);
    for (const principal of principalsOf(statement)) {
      grants.push({
        statement: statementLabel(statement, index),
        principal,
        grants: grantsAction,
        conditional: isConditional(statement),
        restricted: or(own.restricted, guard.restricted),
        restrictions: [...own.restrictions, ...guard.restrictions],
      });
    }
  });
  return grants;
}

interface Guard {
  readonly blocked: Tri;
  readonly restricted: Tri;
  readonly restrictions: readonly Restriction[];
}

function denyGuard(document: PolicyDocument, actionPattern: string, kinds: readonly RestrictionKind[]): Guard {
  const blocked: Tri[] = [];
  const restricted: Tri[] = [];
  const restrictions: Restriction[] = [];
  for (const statement of document.Statement) {
    const applies = and(isDeny(statement), appliesToActions(statement, actionPattern), toEveryone(statement));
    if (applies === NO) continue;
    const conditional = isConditional(statement);
    blocked.push(and(applies, not(conditional)));
    if (conditional === NO) continue;
    const entries = conditionEntries(statement);
    if (isUnresolved(entries)) {
      restricted.push(UNKNOWN);
      continue;
    }
    const negated = entries.map((entry) => {
      const kind = restrictionKindOf(entry.key);
      if (!kind || !kinds.includes(kind) || !NEGATED_OPERATORS.has(entry.base.toLowerCase()) || entry.qualifier === 'ForAllValues') return undefined;
      if (entry.values.some(isUnresolved)) return 'unknown' as const;
      return { kind, key: entry.key, operator: entry.operator, values: entry.values as string[] };
    });
    // Every entry must be such a guard: a Deny also conditioned on, say, the source IP guards only part of the traffic.
    if (negated.some((n) => n === undefined)) continue;
    if (negated.some((n) => n === 'unknown')) {
      restricted.push(and(applies, UNKNOWN));
      continue;
    }
    restricted.push(applies);
    if (applies === YES) restrictions.push(...(negated as Restriction[]));
  }
  return { blocked: anyOf(blocked), restricted: anyOf(restricted), restrictions };
}

function toEveryone(statement: PolicyStatement): Tri {
  const principals = principalsOf(statement);
  if (principals.some((p) => p.type === 'any')) return YES;
  return principals.some((p) => p.type === 'unresolved') ? UNKNOWN : NO;
}

function restrictionKindOf(key: string): RestrictionKind | undefined {
  const probe: PolicyStatement = { Effect: 'Allow', Condition: { StringEquals: { [key]: ['x'] } } };
  return restrictionsOf(probe).restrictions[0]?.kind;
}
