import { must, notApplicable, unknown, type CheckContext, type Verdict } from '../../../engine/check';
import { isUnresolved, type IamRole, type PolicyStatement } from '../../../model';
import { claimConstraint, conditionEntries, NO, principalGrants, statementLabel, UNKNOWN, YES, type Tri } from '../../../policy';
import { irsaTrustsOf } from './irsa';

/** The service principal EKS Pod Identity assumes roles as. */
export const POD_IDENTITY_SERVICE = 'pods.eks.amazonaws.com';

/** How pods get a role: IRSA (a trust to a cluster issuer) and/or EKS Pod Identity (a trust to pods.eks.amazonaws.com). */
export type WorkloadIdentity = 'IRSA' | 'EKS Pod Identity';

/** Does the trust policy let EKS Pod Identity assume the role? `unknown` when an unresolved value could decide it. */
export function trustsPodIdentity(role: IamRole): 'yes' | 'no' | 'unknown' {
  const grants = principalGrants(must(role.trustPolicy), 'sts:AssumeRole', []);
  const forPods = grants.filter((g) => g.principal.type === 'service' && g.principal.value === POD_IDENTITY_SERVICE);
  if (forPods.some((g) => g.grants === YES)) return 'yes';
  if (forPods.some((g) => g.grants === UNKNOWN) || grants.some((g) => g.principal.type === 'unresolved')) return 'unknown';
  return 'no';
}

/**
 * Judges a role only when pods can assume it (IRSA or Pod Identity): other roles are
 * NOT_APPLICABLE, and a role that may or may not be one is UNKNOWN.
 */
export function forWorkloadRole(role: IamRole, ctx: CheckContext, judge: (identities: WorkloadIdentity[]) => Verdict | Verdict[]): Verdict | Verdict[] {
  const name = must(role.name);
  const irsa = irsaTrustsOf(role, ctx);
  const podIdentity = trustsPodIdentity(role);
  const identities: WorkloadIdentity[] = [...(irsa.trusts.length > 0 ? ['IRSA' as const] : []), ...(podIdentity === 'yes' ? ['EKS Pod Identity' as const] : [])];
  if (identities.length > 0) return judge(identities);
  if (irsa.undecided.length > 0 || podIdentity === 'unknown') return unknown(`Whether pods can assume role ${name} depends on unresolved values.`);
  return notApplicable(`Role ${name} is not assumed by pods (neither IRSA nor EKS Pod Identity).`);
}

/** Session tags EKS Pod Identity sets, which a trust policy can condition on to narrow who may use the role. */
const POD_IDENTITY_TAG_KEYS = ['eks-cluster-arn', 'eks-cluster-name', 'kubernetes-namespace', 'kubernetes-service-account'].map((t) => `aws:RequestTag/${t}`);

/** One statement of a trust policy that lets EKS Pod Identity assume the role, and what narrows it. */
export interface PodIdentityGrant {
  readonly statement: string;
  readonly grants: 'yes' | 'unknown';
  /** Narrowed to an account, organization or resource ARN (in the statement or by a Deny guard), or to cluster/namespace/service-account session tags. */
  readonly scoped: 'yes' | 'no' | 'unknown';
  readonly scopedBy: readonly string[];
}

/**
 * The grants of `sts:<action>` to pods.eks.amazonaws.com in the role's trust policy, with the
 * conditions that narrow them: the analyser's account, organization and ARN restrictions, or a
 * pinned `aws:RequestTag/<eks tag>` condition.
 */
export function podIdentityGrants(role: IamRole, action: string): PodIdentityGrant[] {
  const document = must(role.trustPolicy);
  const byLabel = new Map(document.Statement.map((statement, index) => [statementLabel(statement, index), statement] as const));
  return principalGrants(document, action, ['account', 'organization', 'arn'])
    .filter((g) => g.principal.type === 'service' && g.principal.value === POD_IDENTITY_SERVICE && g.grants !== 'no')
    .map((g) => {
      const tags = tagScoping(byLabel.get(g.statement));
      const scopedBy = [...g.restrictions.map((r) => `${r.key} ${r.values.join(', ')}`), ...tags.keys];
      const scoped = g.restricted === YES || tags.pinned === YES ? 'yes' : g.restricted === UNKNOWN || tags.pinned === UNKNOWN ? 'unknown' : 'no';
      return { statement: g.statement, grants: g.grants === YES ? 'yes' : 'unknown', scoped, scopedBy };
    });
}

function tagScoping(statement: PolicyStatement | undefined): { pinned: Tri; keys: string[] } {
  if (!statement) return { pinned: NO, keys: [] };
  const entries = conditionEntries(statement);
  if (isUnresolved(entries)) return { pinned: UNKNOWN, keys: [] };
  const constraints = POD_IDENTITY_TAG_KEYS.map((key) => ({ key, state: claimConstraint(entries, key).state }));
  const keys = constraints.filter((c) => c.state === 'exact' || c.state === 'wildcard').map((c) => c.key);
  if (keys.length > 0) return { pinned: YES, keys };
  return { pinned: constraints.some((c) => c.state === 'unknown') ? UNKNOWN : NO, keys };
}
