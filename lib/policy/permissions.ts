import type { PolicyDocument, Resolvable } from '../model';
import { isAllActions, serviceWideWildcard } from './actions';
import { isUnresolved, type PolicyStatement } from '../model';
import {
  appliesToActions,
  appliesToResources,
  isAllow,
  isConditional,
  isDeny,
  statementLabel,
  statementsOf,
  touchesActions,
  type ResourceMode,
} from './statements';
import { and, anyOf, both, either, not, NO, UNKNOWN, YES, type Tri } from './tri';

/** One identity-based policy reaching a principal, with a label for messages (`inline ci-deploy-inline`, a policy ARN). */
export interface PolicySource {
  readonly label: string;
  readonly document: Resolvable<PolicyDocument>;
}

/**
 * What a principal may do: the identity policies that reach it (its own, its groups') and an
 * optional permissions boundary, which caps them. Service control policies and session policies
 * are not collected and not modelled.
 */
export interface PermissionSet {
  readonly policies: readonly PolicySource[];
  readonly boundary?: PolicySource;
}

/** "May the principal perform these actions on these resources?" */
export interface AccessQuery {
  /** A concrete action (`iam:PassRole`) or a pattern (`s3:*`, `*`): the question is about every action it names. */
  readonly action: string;
  /** A resource ARN pattern; default `*`. */
  readonly resource?: string;
  /** `all`: on every resource the probe names (default); `some`: on at least one of them. */
  readonly resourceMode?: ResourceMode;
  /**
   * Decides whether an Allow statement's Condition still leaves the grant standing (default: every
   * Allow counts, conditional or not). KMS.1, for example, does not count a grant scoped to one
   * service with `kms:ViaService`.
   */
  readonly grantStands?: (statement: PolicyStatement) => Tri;
}

/** A statement that decided an answer. */
export interface StatementRef {
  readonly policy: string;
  readonly statement: string;
  /** Allow statements only: the grant holds only when its Condition does. */
  readonly conditional?: boolean;
}

export interface AccessAnswer {
  readonly allowed: Tri;
  /** Allow statements that grant (or may grant) the query. */
  readonly grantedBy: readonly StatementRef[];
  /** Unconditional Deny statements that remove (or may remove) it. */
  readonly deniedBy: readonly StatementRef[];
}

/**
 * Whether the policies allow the query. An Allow counts even when conditional (it grants whenever
 * its condition holds); only an unconditional Deny that applies to every action and resource of the
 * query subtracts, since a conditional or partial Deny may not apply. Adding a Deny therefore never
 * widens the answer, and an Unresolved value turns a yes/no it could change into unknown.
 */
export function evaluateAccess(policies: readonly PolicySource[], query: AccessQuery): AccessAnswer {
  let grant: Tri = NO;
  let deny: Tri = NO;
  let grantedBy: StatementRef[] | undefined;
  let deniedBy: StatementRef[] | undefined;
  for (const source of policies) {
    const statements = statementsOf(source.document);
    if (!statements) {
      grant = either(grant, UNKNOWN);
      deny = either(deny, UNKNOWN);
      continue;
    }
    const answer = documentAnswer(statements, query);
    grant = either(grant, answer.grant);
    deny = either(deny, answer.deny);
    for (const g of answer.granting) (grantedBy ??= []).push({ policy: source.label, statement: g.statement, conditional: g.conditional });
    for (const statement of answer.denying) (deniedBy ??= []).push({ policy: source.label, statement });
  }
  return { allowed: both(grant, not(deny)), grantedBy: grantedBy ?? NONE, deniedBy: deniedBy ?? NONE };
}

/** The empty list of statements, shared: most answers name none, and an audit asks millions. */
const NONE: readonly never[] = Object.freeze([]);

/** What one document's statements say about a query, without the label of the policy they are read from. */
interface DocumentAnswer {
  /** Some statement grants the query (Kleene OR over the statements). */
  readonly grant: Tri;
  /** Some unconditional Deny removes it. */
  readonly deny: Tri;
  readonly granting: readonly { readonly statement: string; readonly conditional: boolean }[];
  readonly denying: readonly string[];
}

/**
 * Answers by document and query. The same managed policy reaches thousands of principals, and the
 * escalation paths ask the same query (iam:PassRole) many times for each: the statements are read
 * once per distinct question. Keyed by the statement list's identity (documents are never changed
 * once read) and held weakly, so the cache lives exactly as long as the inventory.
 */
const documentAnswers = new WeakMap<readonly PolicyStatement[], Map<string, DocumentAnswer>>();

function documentAnswer(statements: readonly PolicyStatement[], query: AccessQuery): DocumentAnswer {
  // A grantStands function is the caller's own judgement: not something to share across calls.
  if (query.grantStands) return answerFromStatements(statements, query);
  const key = queryKey(query);
  let byQuery = documentAnswers.get(statements);
  if (!byQuery) {
    byQuery = new Map();
    documentAnswers.set(statements, byQuery);
  }
  let answer = byQuery.get(key);
  if (!answer) {
    answer = answerFromStatements(statements, query);
    byQuery.set(key, answer);
  }
  return answer;
}

// Callers that ask the same query object many times (the escalation paths) spell its key once.
const queryKeys = new WeakMap<AccessQuery, string>();

function queryKey(query: AccessQuery): string {
  let key = queryKeys.get(query);
  if (key === undefined) {
    key = `${query.action}\u0000${query.resource ?? '*'}\u0000${query.resourceMode ?? 'all'}`;
    queryKeys.set(query, key);
  }
  return key;
}

function answerFromStatements(statements: readonly PolicyStatement[], query: AccessQuery): DocumentAnswer {
  const resource = query.resource ?? '*';
  const mode = query.resourceMode ?? 'all';
  let grants: Tri = NO;
  let denies: Tri = NO;
  let granting: { statement: string; conditional: boolean }[] | undefined;
  let denying: string[] | undefined;
  statements.forEach((statement, index) => {
    const actions = appliesToActions(statement, query.action);
    const grant = and(isAllow(statement), actions, appliesToResources(statement, resource, mode), query.grantStands?.(statement) ?? YES);
    const deny = and(isDeny(statement), not(isConditional(statement)), actions, appliesToResources(statement, resource, 'all'));
    grants = either(grants, grant);
    denies = either(denies, deny);
    if (grant !== NO) (granting ??= []).push({ statement: statementLabel(statement, index), conditional: isConditional(statement) !== NO });
    if (deny !== NO) (denying ??= []).push(statementLabel(statement, index));
  });
  return { grant: grants, deny: denies, granting: granting ?? NONE, denying: denying ?? NONE };
}

/** `evaluateAccess` through a permissions boundary: both must allow. */
export function evaluatePermissions(permissions: PermissionSet, query: AccessQuery): AccessAnswer {
  const own = evaluateAccess(permissions.policies, query);
  if (!permissions.boundary) return own;
  const capped = evaluateAccess([permissions.boundary], query);
  return { allowed: and(own.allowed, capped.allowed), grantedBy: own.grantedBy, deniedBy: [...own.deniedBy, ...capped.deniedBy] };
}

/**
 * Full administrator: every action on every resource is allowed, and no unconditional Deny on all
 * resources touches IAM. A Deny that removes some other service still leaves a principal that can
 * write IAM free to grant itself anything through a new identity, so that is still admin; a Deny of
 * everything (or of IAM) neutralises the Allow.
 */
export function isFullAdmin(permissions: PermissionSet): AccessAnswer {
  const everything = evaluatePermissions(permissions, { action: '*' });
  const iamDenied = deniesPartOf(permissions, 'iam:*');
  return { ...everything, allowed: and(everything.allowed, not(iamDenied)) };
}

/** Some unconditional Deny on all resources removes at least one action the pattern names. */
export function deniesPartOf(permissions: PermissionSet, actionPattern: string): Tri {
  const sources = permissions.boundary ? [...permissions.policies, permissions.boundary] : permissions.policies;
  const results: Tri[] = [];
  for (const source of sources) {
    const statements = statementsOf(source.document);
    if (!statements) {
      results.push(UNKNOWN);
      continue;
    }
    for (const statement of statements) {
      results.push(and(isDeny(statement), not(isConditional(statement)), touchesActions(statement, actionPattern), appliesToResources(statement, '*', 'all')));
    }
  }
  // A boundary that does not allow IAM at all also keeps IAM out of reach.
  if (permissions.boundary) results.push(not(evaluateAccess([permissions.boundary], { action: actionPattern }).allowed));
  return anyOf(results);
}

/** A statement that grants a wildcard, for IAM.21 and Allow+NotAction findings. */
export interface WildcardGrant extends StatementRef {
  readonly pattern: string;
}

/**
 * Service-wide wildcards (`s3:*`) granted by Allow statements, per service, unless an
 * unconditional Deny on all resources takes the whole service away again. Wildcards that name only
 * part of a service (`s3:Get*`) are not service-wide. `*` alone is full admin, reported elsewhere.
 * `unknown` lists Allow statements whose actions or effect could not be resolved.
 */
export function serviceWildcardGrants(policies: readonly PolicySource[]): { readonly grants: readonly WildcardGrant[]; readonly unknown: readonly StatementRef[] } {
  const grants: WildcardGrant[] = [];
  const unknown: StatementRef[] = [];
  for (const source of policies) {
    const statements = statementsOf(source.document);
    if (!statements) {
      unknown.push({ policy: source.label, statement: 'the whole document' });
      continue;
    }
    statements.forEach((statement, index) => {
      const allow = isAllow(statement);
      if (allow === NO || !statement.Action) return;
      const ref = { policy: source.label, statement: statementLabel(statement, index) };
      if (allow === UNKNOWN) {
        if (statement.Action.some((a) => isUnresolved(a) || (serviceWideWildcard(a) !== undefined && !isAllActions(a)))) unknown.push(ref);
        return;
      }
      for (const action of statement.Action) {
        if (isUnresolved(action)) {
          unknown.push(ref);
          continue;
        }
        if (isAllActions(action) || serviceWideWildcard(action) === undefined) continue;
        const service = serviceWideWildcard(action)!;
        const stillAllowed = evaluateAccess(policies, { action: `${service}:*` }).allowed;
        if (stillAllowed === YES) grants.push({ ...ref, pattern: action });
        else if (stillAllowed === UNKNOWN) unknown.push(ref);
      }
    });
  }
  return { grants, unknown };
}

/** Allow statements that use NotAction (their grant is "everything except"). */
export function allowNotActionStatements(policies: readonly PolicySource[]): { readonly found: readonly (StatementRef & { readonly notAction: readonly string[] })[]; readonly unknown: readonly StatementRef[] } {
  const found: (StatementRef & { notAction: string[] })[] = [];
  const unknown: StatementRef[] = [];
  for (const source of policies) {
    const statements = statementsOf(source.document);
    if (!statements) {
      unknown.push({ policy: source.label, statement: 'the whole document' });
      continue;
    }
    statements.forEach((statement, index) => {
      if (!statement.NotAction) return;
      const allow = isAllow(statement);
      const ref = { policy: source.label, statement: statementLabel(statement, index) };
      if (allow === YES) found.push({ ...ref, notAction: statement.NotAction.map((a) => (isUnresolved(a) ? a.unresolved : a)) });
      else if (allow === UNKNOWN) unknown.push(ref);
    });
  }
  return { found, unknown };
}
