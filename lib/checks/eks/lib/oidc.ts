import { Indeterminate, type CheckContext } from '../../../engine/check';
import { GLOBAL_REGION, isUnresolved, type EksCluster, type IamOidcProvider, type Resolvable } from '../../../model';
import { NO, UNKNOWN, YES, type Tri } from '../../../policy';
import { everyCluster } from './lookup';

/** `oidc.eks.<region>.amazonaws.com/id/<id>` (China: `.amazonaws.com.cn`): the issuer EKS gives every cluster. */
const EKS_ISSUER = /^oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/id\/[A-Za-z0-9]+$/;

/** An issuer as IAM writes it: no `https://`, no trailing slash. Clusters report theirs with the scheme. */
export function withoutScheme(url: string): string {
  return url.trim().replace(/^https:\/\//i, '').replace(/\/+$/, '');
}

/** The region of an EKS cluster issuer, or undefined for any other issuer (GitHub, Cognito, …). */
export function eksIssuerRegion(issuer: string): string | undefined {
  return EKS_ISSUER.exec(withoutScheme(issuer))?.[1];
}

export function isEksIssuer(issuer: string): boolean {
  return eksIssuerRegion(issuer) !== undefined;
}

/**
 * Whether two issuer values are the same issuer. Known values compare without scheme. A template
 * leaves a cluster's issuer unresolved; two values resolving the very same reference are one
 * deployed value, anything else unresolved is `unknown`.
 */
export function sameIssuer(a: Resolvable<string>, b: Resolvable<string>): Tri {
  if (isUnresolved(a) || isUnresolved(b)) return isUnresolved(a) && isUnresolved(b) && a.unresolved === b.unresolved ? YES : UNKNOWN;
  return withoutScheme(a) === withoutScheme(b) ? YES : NO;
}

/** The first of `candidates` whose value is the issuer; Indeterminate when only an unresolved one could be. */
function findByIssuer<T>(candidates: readonly T[], issuerOf: (c: T) => Resolvable<string> | undefined, issuer: Resolvable<string>, what: string): T | undefined {
  let unsure = false;
  for (const candidate of candidates) {
    const value = issuerOf(candidate);
    if (value === undefined) continue;
    const same = sameIssuer(value, issuer);
    if (same === YES) return candidate;
    if (same === UNKNOWN) unsure = true;
  }
  if (unsure) throw new Indeterminate(`whether some ${what} has issuer ${issuerLabel(issuer)} depends on unresolved values`);
  return undefined;
}

/**
 * The cluster whose issuer this is. An EKS issuer names its region, which is the only one searched
 * (Indeterminate when it was not collected); a template's unresolved issuer is looked for everywhere.
 */
export function clusterWithIssuer(issuer: Resolvable<string>, ctx: CheckContext): EksCluster | undefined {
  const region = isUnresolved(issuer) ? undefined : eksIssuerRegion(issuer);
  const clusters = region === undefined ? everyCluster(ctx) : ctx.inventory.inRegion('eks.cluster', region);
  return findByIssuer(clusters, (c) => c.oidcIssuer, issuer, region === undefined ? 'cluster' : `cluster in ${region}`);
}

/** The IAM OIDC provider for an issuer, if the account has one. */
export function providerForIssuer(issuer: Resolvable<string>, ctx: CheckContext): IamOidcProvider | undefined {
  return findByIssuer(ctx.inventory.inRegion('iam.oidc-provider', GLOBAL_REGION), (p) => p.url, issuer, 'IAM OIDC provider');
}

export function issuerLabel(issuer: Resolvable<string>): string {
  return isUnresolved(issuer) ? issuer.unresolved : withoutScheme(issuer);
}
