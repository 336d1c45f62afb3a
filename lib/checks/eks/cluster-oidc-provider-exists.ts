import { defineResourceCheck, fail, Indeterminate, must, notApplicable, pass, unknown, type CheckContext } from '../../engine/check';
import { GLOBAL_REGION, type IamRole, type Resolvable } from '../../model';
import { UNKNOWN, YES } from '../../policy';
import { attempt } from '../ec2/lib/decide';
import { irsaTrustsOf } from './lib/irsa';
import { issuerLabel, providerForIssuer, sameIssuer, withoutScheme } from './lib/oidc';
import { CIS_EKS, eksGuide } from './lib/references';
import { listed } from './lib/verdicts';

export const eksClusterOidcProviderExists = defineResourceCheck({
  id: 'eks-cluster-oidc-provider-exists',
  kind: 'eks.cluster',
  title: 'EKS clusters whose issuer IRSA roles trust have an IAM OIDC provider',
  severity: 'low',
  description:
    'When IAM roles trust the cluster\'s OIDC issuer (IRSA), the account has an IAM OIDC provider for that issuer. Clusters ' +
    'no role trusts are NOT_APPLICABLE. A role whose trust policy cannot be read makes the answer UNKNOWN unless a provider exists.',
  risk:
    'Without the provider STS rejects every IRSA token: the workloads lose their dedicated roles, and SDKs fall back to the node ' +
    'role through IMDS where it is reachable, which is exactly what IRSA was meant to prevent.',
  remediation: 'eksctl utils associate-iam-oidc-provider --cluster <cluster> --approve, or create the provider with the cluster\'s issuer URL and audience sts.amazonaws.com.',
  references: [eksGuide('enable-iam-roles-for-service-accounts'), CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.2.1'] } },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    if (cluster.oidcIssuer === undefined) return notApplicable(`Cluster ${name} reports no OIDC issuer.`);
    const issuer = normalized(must(cluster.oidcIssuer));
    const provider = providerForIssuer(issuer, ctx);
    if (provider) return pass(`Cluster ${name} has the IAM OIDC provider ${provider.id} for its issuer.`, { evidence: { provider: provider.id } });
    const { trusting, undecided } = rolesTrusting(issuer, ctx);
    if (trusting.length > 0) {
      return fail(`No IAM OIDC provider exists for the issuer of cluster ${name}, yet ${listed(trusting)} trust it: their IRSA tokens are rejected.`, {
        evidence: { issuer: issuerLabel(issuer), roles: trusting },
      });
    }
    if (undecided.length > 0) return unknown(`Cluster ${name} has no IAM OIDC provider; whether IRSA roles trust it could not be decided: ${undecided[0]}.`);
    return notApplicable(`No IAM role trusts the issuer of cluster ${name}, and it has no IAM OIDC provider: IRSA is not in use.`);
  },
});

function normalized(issuer: Resolvable<string>): Resolvable<string> {
  return typeof issuer === 'string' ? withoutScheme(issuer) : issuer;
}

/** Roles with an IRSA trust to the issuer, and why some roles could not be read. */
function rolesTrusting(issuer: Resolvable<string>, ctx: CheckContext): { trusting: string[]; undecided: string[] } {
  const trusting: string[] = [];
  const undecided: string[] = [];
  for (const role of ctx.inventory.inRegion('iam.role', GLOBAL_REGION)) {
    const outcome = attempt(() => trustsIssuer(role, issuer, ctx));
    if (!outcome.ok) undecided.push(`${role.id}: ${outcome.reason}`);
    else if (outcome.value) trusting.push(role.id);
  }
  return { trusting, undecided };
}

function trustsIssuer(role: IamRole, issuer: Resolvable<string>, ctx: CheckContext): boolean {
  const { trusts, undecided } = irsaTrustsOf(role, ctx);
  const answers = trusts.map((t) => sameIssuer(t.issuer, issuer));
  if (answers.includes(YES)) return true;
  if (undecided.length > 0) throw new Indeterminate(undecided[0]!.reason);
  if (answers.includes(UNKNOWN)) throw new Indeterminate('an issuer it trusts depends on unresolved values');
  return false;
}
