import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { clusterWithIssuer, isEksIssuer, withoutScheme } from './lib/oidc';
import { isExternalIssuer } from './lib/options';
import { eksGuide, wellArchitected } from './lib/references';

export const eksOidcProviderHasCluster = defineResourceCheck({
  id: 'eks-oidc-provider-has-cluster',
  kind: 'iam.oidc-provider',
  title: 'IAM OIDC providers for EKS issuers belong to clusters that still exist',
  severity: 'low',
  description:
    'An IAM OIDC provider whose URL is an EKS cluster issuer (`oidc.eks.<region>.amazonaws.com/id/<id>`) has a cluster with that ' +
    'issuer in its region; providers of other issuers (GitHub Actions, …) are NOT_APPLICABLE. The issuer\'s region must have ' +
    'been collected, else UNKNOWN. Option `externalIssuers` (default none) lists issuers of clusters in other accounts that ' +
    'this account trusts on purpose (cross-account IRSA): NOT_APPLICABLE.',
  risk: 'An orphaned provider keeps a federation trust anchor in the account that nothing needs, and the roles still trusting it are forgotten with it.',
  remediation: 'Delete the roles that trust the deleted cluster\'s issuer (see eks-irsa-trust-issuer-live), then aws iam delete-open-id-connect-provider --open-id-connect-provider-arn <ARN>.',
  references: [eksGuide('enable-iam-roles-for-service-accounts'), wellArchitected('sec_permissions_lifecycle')],
  frameworks: { wellArchitected: ['SEC03-BP06'] },
  defaultOptions: { externalIssuers: [] as string[] },

  evaluate(provider, ctx) {
    const url = withoutScheme(must(provider.url));
    if (!isEksIssuer(url)) return notApplicable(`${url} is not an EKS cluster issuer.`);
    if (isExternalIssuer(url, ctx)) return notApplicable(`${url} is the issuer of a cluster in another account (option externalIssuers).`);
    const cluster = clusterWithIssuer(url, ctx);
    return cluster
      ? pass(`The provider belongs to cluster ${cluster.id}.`, { evidence: { cluster: cluster.id } })
      : fail(`No cluster has the issuer ${url} any more: the IAM OIDC provider is an orphan.`, { evidence: { issuer: url } });
  },
});
