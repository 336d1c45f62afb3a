import { isUnresolved, type PolicyDocument } from '../model';
import { conditionEntries, type ConditionEntry } from './conditions';
import { principalsOf } from './principals';
import { appliesToActions, isAllow, statementLabel } from './statements';
import { and, NO, UNKNOWN, type Tri } from './tri';
import { hasWildcard } from './wildcard';

/**
 * Federated web-identity trust (`sts:AssumeRoleWithWebIdentity`): which claims of which OIDC
 * provider's tokens a trust policy pins. Serves EKS IRSA (`oidc.eks.<region>.amazonaws.com/id/<id>`),
 * GitHub Actions (`token.actions.githubusercontent.com`) and any other IAM OIDC provider alike.
 */

/** How one claim (`sub`, `aud`) is constrained. */
export interface ClaimConstraint {
  /**
   * `absent`: no condition pins it. `weak`: only conditions that pass when the claim is missing or
   * that exclude rather than admit (`…IfExists`, `ForAllValues`, `StringNotEquals`). `wildcard`: pinned
   * with a pattern (`StringLike` with `*` or `?`). `exact`: pinned to literal values. `unknown`: an
   * Unresolved value decides it.
   */
  readonly state: 'absent' | 'weak' | 'wildcard' | 'exact' | 'unknown';
  /** The operators that pin it, as written. */
  readonly operators: readonly string[];
  /** The admitted values (of the pinning entries); wildcards kept as written. */
  readonly values: readonly string[];
}

export interface WebIdentityTrust {
  readonly statement: string;
  /** The Federated principal as written: an OIDC provider ARN, or a public IdP name. */
  readonly principal: string;
  /** The issuer the claim keys are prefixed with: `token.actions.githubusercontent.com`. */
  readonly issuer: string;
  /** The principal is an IAM OIDC provider (`…:oidc-provider/<issuer>`), not a public IdP (Cognito, Google). */
  readonly iamOidcProvider: boolean;
  /** The statement allows `sts:AssumeRoleWithWebIdentity`: `unknown` when Effect or Action is Unresolved. */
  readonly grants: Tri;
  readonly sub: ClaimConstraint;
  readonly aud: ClaimConstraint;
}

const OIDC_PROVIDER_ARN = /^arn:[a-z-]+:iam::\d{12}:oidc-provider\/(.+)$/;
const PINNING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike']);

/** The issuer of a Federated principal: the host path of an IAM OIDC provider ARN, or the name itself. */
export function issuerOf(federatedPrincipal: string): { readonly issuer: string; readonly iamOidcProvider: boolean } {
  const match = OIDC_PROVIDER_ARN.exec(federatedPrincipal);
  return match ? { issuer: match[1]!, iamOidcProvider: true } : { issuer: federatedPrincipal, iamOidcProvider: false };
}

/**
 * The web-identity grants of a trust policy, one per (statement, Federated principal). SAML
 * providers are not web identity and are left out. A statement whose whole Principal is Unresolved
 * cannot be attributed to a provider: it is returned with issuer `<unresolved>` and `unknown` claims.
 */
export function webIdentityTrusts(document: PolicyDocument): WebIdentityTrust[] {
  // Several checks read each role's trust policy; documents never change once read, so each is analysed once.
  let trusts = trustsByDocument.get(document);
  if (!trusts) {
    trusts = analyseWebIdentityTrusts(document);
    trustsByDocument.set(document, trusts);
  }
  return [...trusts];
}

const trustsByDocument = new WeakMap<PolicyDocument, readonly WebIdentityTrust[]>();

function analyseWebIdentityTrusts(document: PolicyDocument): WebIdentityTrust[] {
  const trusts: WebIdentityTrust[] = [];
  document.Statement.forEach((statement, index) => {
    const grants = and(isAllow(statement), appliesToActions(statement, 'sts:AssumeRoleWithWebIdentity'));
    if (grants === NO) return;
    const entries = conditionEntries(statement);
    for (const principal of principalsOf(statement)) {
      if (principal.type === 'unresolved') {
        trusts.push({ statement: statementLabel(statement, index), principal: principal.value, issuer: '<unresolved>', iamOidcProvider: false, grants: UNKNOWN, sub: UNKNOWN_CLAIM, aud: UNKNOWN_CLAIM });
        continue;
      }
      if (principal.type !== 'federated' || principal.value.includes(':saml-provider/')) continue;
      const { issuer, iamOidcProvider } = issuerOf(principal.value);
      const claim = (name: string) => (isUnresolved(entries) ? UNKNOWN_CLAIM : claimConstraint(entries, `${issuer}:${name}`));
      trusts.push({ statement: statementLabel(statement, index), principal: principal.value, issuer, iamOidcProvider, grants, sub: claim('sub'), aud: claim('aud') });
    }
  });
  return trusts;
}

const UNKNOWN_CLAIM: ClaimConstraint = { state: 'unknown', operators: [], values: [] };

/**
 * How the entries constrain one claim key. Several entries on the same key all have to hold, so the
 * tightest decides: an exact entry beats a wildcard one. An entry with an Unresolved value is
 * unknown unless a fully known exact entry already pins the claim.
 */
export function claimConstraint(entries: readonly ConditionEntry[], claimKey: string): ClaimConstraint {
  const onKey = entries.filter((e) => e.key.toLowerCase() === claimKey.toLowerCase());
  if (onKey.length === 0) return { state: 'absent', operators: [], values: [] };
  const pinning = onKey.filter(isPinning);
  if (pinning.length === 0) return { state: 'weak', operators: onKey.map((e) => e.operator), values: [] };
  const known = pinning.filter((e) => !e.values.some(isUnresolved));
  const exact = known.find((e) => !(e.values as string[]).some((v) => isLike(e) && hasWildcard(v)));
  if (exact) return { state: 'exact', operators: [exact.operator], values: exact.values as string[] };
  if (known.length < pinning.length) return { ...UNKNOWN_CLAIM, operators: pinning.map((e) => e.operator) };
  return { state: 'wildcard', operators: known.map((e) => e.operator), values: known.flatMap((e) => e.values as string[]) };
}

function isPinning(entry: ConditionEntry): boolean {
  return PINNING_OPERATORS.has(entry.base.toLowerCase()) && !entry.ifExists && entry.qualifier !== 'ForAllValues';
}

function isLike(entry: ConditionEntry): boolean {
  return entry.base.toLowerCase() === 'stringlike';
}
