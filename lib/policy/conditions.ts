import { isUnresolved, type ConditionBlock, type PolicyStatement, type Resolvable, type Unresolved } from '../model';
import { UNKNOWN, YES, NO, anyOf, type Tri } from './tri';
import { hasWildcard } from './wildcard';

/** One `operator → key → values` entry of a Condition block, with its operator taken apart. */
export interface ConditionEntry {
  /** As written: `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** Without set qualifier and `IfExists`: `StringLike`. */
  readonly base: string;
  readonly qualifier?: 'ForAnyValue' | 'ForAllValues';
  /** `…IfExists` operators are true when the key is absent from the request. */
  readonly ifExists: boolean;
  readonly key: string;
  readonly values: readonly Resolvable<string>[];
}

export function parseOperator(operator: string): Pick<ConditionEntry, 'base' | 'qualifier' | 'ifExists'> {
  let rest = operator;
  let qualifier: ConditionEntry['qualifier'];
  const colon = rest.indexOf(':');
  if (colon > 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    rest = rest.slice(colon + 1);
  }
  const ifExists = /IfExists$/i.test(rest);
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  return { base, ifExists, ...(qualifier ? { qualifier } : {}) };
}

/** The entries of a statement's Condition, or Unresolved when a template computes the block. */
export function conditionEntries(statement: PolicyStatement): ConditionEntry[] | Unresolved {
  const condition = statement.Condition;
  if (condition === undefined) return [];
  if (isUnresolved(condition)) return condition;
  return entriesOf(condition);
}

export function entriesOf(block: ConditionBlock): ConditionEntry[] {
  return Object.entries(block).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => ({ operator, ...parseOperator(operator), key, values })),
  );
}

/** What a restricting condition narrows the caller to. */
export type RestrictionKind = 'account' | 'organization' | 'arn' | 'network' | 'external-id' | 'mfa';

/** Condition keys that narrow who can act, by what they narrow to (keys compare case-insensitively). */
const RESTRICTING_KEYS: Readonly<Record<string, RestrictionKind>> = {
  'aws:sourceaccount': 'account',
  'aws:principalaccount': 'account',
  'aws:sourceowner': 'account',
  'kms:calleraccount': 'account',
  'aws:resourceaccount': 'account',
  'aws:sourceorgid': 'organization',
  'aws:sourceorgpaths': 'organization',
  'aws:principalorgid': 'organization',
  'aws:principalorgpaths': 'organization',
  'aws:sourcearn': 'arn',
  'aws:principalarn': 'arn',
  'aws:userid': 'arn',
  'aws:sourcevpc': 'network',
  'aws:sourcevpce': 'network',
  'sts:externalid': 'external-id',
  'aws:multifactorauthpresent': 'mfa',
  'aws:multifactorauthage': 'mfa',
};

const POSITIVE_STRING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);
const LIKE_OPERATORS = new Set(['stringlike', 'arnlike']);

/** A condition entry that narrows who can act, and how. */
export interface Restriction {
  readonly kind: RestrictionKind;
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/**
 * Does this entry restrict who can act? Only positive operators restrict: `StringEquals`,
 * `StringLike` (unless every value is a bare wildcard), `ArnEquals`/`ArnLike`, `Bool` true and
 * `NumericLessThan` for MFA. `…IfExists` passes when the key is absent and `ForAllValues` passes on
 * an empty set, so neither restricts; negated operators (`StringNotEquals`) exclude rather than
 * restrict. `unknown` when a value that decides it is Unresolved.
 */
export function restrictionOf(entry: ConditionEntry): Restriction | 'none' | 'unknown' {
  const kind = RESTRICTING_KEYS[entry.key.toLowerCase()];
  if (!kind || entry.ifExists || entry.qualifier === 'ForAllValues') return 'none';
  if (entry.values.some(isUnresolved)) return 'unknown';
  const values = entry.values as readonly string[];
  if (values.length === 0) return 'none';
  const base = entry.base.toLowerCase();
  const restriction = { kind, key: entry.key, operator: entry.operator, values };
  if (kind === 'mfa') return restrictsToMfa(entry.key, base, values) ? restriction : 'none';
  if (!POSITIVE_STRING_OPERATORS.has(base)) return 'none';
  // StringLike "*" admits every value; StringEquals "*" admits only the literal string "*".
  if (LIKE_OPERATORS.has(base) && values.some(isBareWildcard)) return 'none';
  return restriction;
}

function restrictsToMfa(key: string, base: string, values: readonly string[]): boolean {
  if (key.toLowerCase() === 'aws:multifactorauthpresent') return base === 'bool' && values.every((v) => v.toLowerCase() === 'true');
  return base === 'numericlessthan' || base === 'numericlessthanequals';
}

function isBareWildcard(value: string): boolean {
  return hasWildcard(value) && value.replace(/[*?]/g, '') === '';
}

/**
 * The restrictions a statement's Condition imposes, as far as they can be known. `restricted` is
 * `yes` when some entry restricts in one of the `kinds` asked about, `unknown` when only an
 * Unresolved value could.
 */
export function restrictionsOf(statement: PolicyStatement, kinds?: readonly RestrictionKind[]): { readonly restricted: Tri; readonly restrictions: readonly Restriction[] } {
  const entries = conditionEntries(statement);
  if (isUnresolved(entries)) return { restricted: UNKNOWN, restrictions: [] };
  const restrictions: Restriction[] = [];
  const answers: Tri[] = [];
  for (const entry of entries) {
    const r = restrictionOf(entry);
    if (r === 'unknown') {
      const kind = RESTRICTING_KEYS[entry.key.toLowerCase()];
      answers.push(!kinds || (kind && kinds.includes(kind)) ? UNKNOWN : NO);
    } else if (r !== 'none' && (!kinds || kinds.includes(r.kind))) {
      restrictions.push(r);
      answers.push(YES);
    }
  }
  return { restricted: anyOf(answers), restrictions };
}

/** The accounts an `account`-kind restriction admits (literal account ids only). */
export function accountsAdmitted(restrictions: readonly Restriction[]): string[] {
  return restrictions.filter((r) => r.kind === 'account').flatMap((r) => r.values);
}
