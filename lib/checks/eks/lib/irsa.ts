import { Indeterminate, must, notApplicable, unknown, type CheckContext, type Verdict } from '../../../engine/check';
import { GLOBAL_REGION, isUnresolved, type IamRole, type Resolvable } from '../../../model';
import { hasWildcard, intersects, NO, webIdentityTrusts, YES, type WebIdentityTrust } from '../../../policy';
import { attempt } from '../../ec2/lib/decide';
import { everyCluster } from './lookup';
import { isEksIssuer, sameIssuer, withoutScheme } from './oidc';
import { worstPerKey } from './verdicts';

/** One IRSA trust: a web-identity grant to an EKS cluster's OIDC issuer. */
export interface IrsaTrust {
  /** `Provider::<issuer>`, the issuer as the trust policy names it (as the IAM OIDC checks key it). */
  readonly key: string;
  readonly trust: WebIdentityTrust;
  /** The cluster issuer without scheme, or (templates) the unresolved reference it stands for. */
  readonly issuer: Resolvable<string>;
}

export interface IrsaTrusts {
  readonly trusts: readonly IrsaTrust[];
  /** Grants that may or may not be IRSA: their principal or provider URL is unresolved. */
  readonly undecided: readonly { readonly key: string; readonly reason: string }[];
}

/**
 * The IRSA trusts of a role: web-identity grants (not certainly denied) to an EKS issuer
 * (`oidc.eks.<region>.amazonaws.com/id/<id>`). GitHub, Cognito and other issuers are not IRSA.
 * A template names its provider by inventory id; that provider is a cluster's when its URL is an
 * EKS issuer, or the very reference a cluster of the template leaves its issuer at.
 */
export function irsaTrustsOf(role: IamRole, ctx: CheckContext): IrsaTrusts {
  const trusts: IrsaTrust[] = [];
  const undecided: { key: string; reason: string }[] = [];
  for (const trust of webIdentityTrusts(must(role.trustPolicy))) {
    if (trust.grants === NO) continue;
    if (trust.issuer === '<unresolved>') {
      undecided.push({ key: `Provider::${trust.principal}`, reason: `the Federated principal depends on ${trust.principal}, which could not be resolved` });
      continue;
    }
    const key = `Provider::${trust.issuer}`;
    if (isEksIssuer(trust.issuer)) {
      trusts.push({ key, trust, issuer: withoutScheme(trust.issuer) });
      continue;
    }
    const viaTemplate = attempt(() => templateProviderIssuer(trust.issuer, ctx));
    if (!viaTemplate.ok) undecided.push({ key, reason: viaTemplate.reason });
    else if (viaTemplate.value !== undefined) trusts.push({ key, trust, issuer: viaTemplate.value });
  }
  return { trusts, undecided };
}

/** The cluster issuer behind a provider a template names by its inventory id (`cfn:<Stack>/<LogicalId>`). */
function templateProviderIssuer(providerId: string, ctx: CheckContext): Resolvable<string> | undefined {
  if (!providerId.startsWith('cfn:')) return undefined;
  const provider = ctx.inventory.find('iam.oidc-provider', providerId, GLOBAL_REGION);
  if (!provider) return undefined;
  const url = provider.url;
  if (!isUnresolved(url)) return isEksIssuer(url) ? withoutScheme(url) : undefined;
  const cluster = everyCluster(ctx).find((c) => c.oidcIssuer !== undefined && sameIssuer(c.oidcIssuer, url) === YES);
  if (cluster) return url;
  throw new Indeterminate(`the issuer of OIDC provider ${providerId} depends on ${url.unresolved}, which no cluster of the inventory shares`);
}

/**
 * Judges each IRSA trust of a role (one verdict per provider key; the weakest statement decides),
 * UNKNOWN where it cannot be told whether a grant is IRSA, NOT_APPLICABLE for a role without any.
 */
export function judgeIrsaTrusts(role: IamRole, ctx: CheckContext, judge: (trust: IrsaTrust) => Verdict): Verdict | Verdict[] {
  const name = must(role.name);
  const { trusts, undecided } = irsaTrustsOf(role, ctx);
  const verdicts = [
    ...undecided.map((u) => unknown(`Whether role ${name} trusts an EKS cluster issuer could not be decided: ${u.reason}.`, u.key)),
    ...trusts.map((t) => (t.trust.grants === YES ? { ...judge(t), key: t.key } : unknown(`Whether ${t.trust.statement} of role ${name} grants sts:AssumeRoleWithWebIdentity depends on unresolved values.`, t.key))),
  ];
  return verdicts.length > 0 ? worstPerKey(verdicts) : notApplicable(`Role ${name} trusts no EKS cluster issuer (it is not an IRSA role).`);
}

/** How far a `sub` pattern reaches into a cluster's service accounts. */
export type SubjectReach = 'one-service-account' | 'one-namespace' | 'many-namespaces' | 'no-service-account';

const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

/**
 * Service-account tokens carry `sub = system:serviceaccount:<namespace>:<name>`, and neither part
 * can contain `:`. A pattern whose namespace part is literal stays in that namespace; a wildcard in
 * (or before) the namespace reaches several. A pattern no service-account subject can match admits
 * no workload of the cluster.
 */
export function subjectReach(pattern: string): SubjectReach {
  if (!hasWildcard(pattern)) return 'one-service-account';
  if (!intersects(pattern, `${SERVICE_ACCOUNT_PREFIX}*:*`)) return 'no-service-account';
  if (!pattern.startsWith(SERVICE_ACCOUNT_PREFIX)) return 'many-namespaces';
  const rest = pattern.slice(SERVICE_ACCOUNT_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon < 0 || hasWildcard(rest.slice(0, colon)) ? 'many-namespaces' : 'one-namespace';
}

/** The widest reach among the admitted subject patterns. */
export function widestReach(patterns: readonly string[]): SubjectReach {
  const order: readonly SubjectReach[] = ['no-service-account', 'one-service-account', 'one-namespace', 'many-namespaces'];
  return patterns.map(subjectReach).reduce<SubjectReach>((widest, r) => (order.indexOf(r) > order.indexOf(widest) ? r : widest), 'no-service-account');
}
