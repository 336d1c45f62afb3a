import { must, notApplicable, unknown, type Verdict } from '../../../engine/check';
import type { IamRole } from '../../../model';
import { principalGrants, webIdentityTrusts, type PrincipalGrant, type RestrictionKind, type WebIdentityTrust } from '../../../policy';

/**
 * The action AWS and service principals assume a role with. Web-identity and SAML trust
 * (`…WithWebIdentity`, `…WithSAML`) is judged by the OIDC checks from the Federated principal.
 */
export const ASSUME_ACTION = 'sts:AssumeRole';

/** The (statement, principal) grants of a role's trust policy; an Unresolved trust policy ends the evaluation as UNKNOWN. */
export function trustGrants(role: IamRole, kinds: readonly RestrictionKind[]): PrincipalGrant[] {
  return principalGrants(must(role.trustPolicy), ASSUME_ACTION, kinds);
}

/** Grants whose principal an Unresolved value hides: reported as UNKNOWN, never as absent. */
export function unresolvedPrincipalVerdicts(grants: readonly PrincipalGrant[]): Verdict[] {
  return grants.filter((g) => g.principal.type === 'unresolved').map((g) => unknown(`The principal of ${g.statement} depends on ${g.principal.value}, which could not be resolved.`));
}

/** Web-identity trusts of a role, or a NOT_APPLICABLE verdict when there are none. */
export function webIdentityOf(role: IamRole): WebIdentityTrust[] | Verdict {
  const trusts = webIdentityTrusts(must(role.trustPolicy)).filter((t) => t.grants !== 'no');
  return trusts.length > 0 ? trusts : notApplicable(`Role ${must(role.name)} trusts no web-identity provider.`);
}

export const providerKey = (trust: WebIdentityTrust) => `Provider::${trust.issuer}`;
