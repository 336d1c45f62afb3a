import { eksOidcProviderHasCluster } from '../../../lib/checks/eks/oidc-provider-has-cluster';
import { unresolved } from '../../fixtures/model';
import { OLD_ISSUER, cluster, coverageDenying, judge, oidcProvider, statusesOf } from '../../fixtures/eks';

const CHECK = eksOidcProviderHasCluster;

describe('eks-oidc-provider-has-cluster', () => {
  test('the provider’s issuer is a live cluster’s → PASS', () => {
    const provider = oidcProvider();
    expect(judge(CHECK, [provider, cluster()])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: provider.id }]);
  });

  test('no cluster has the issuer any more → FAIL', () => expect(statusesOf(judge(CHECK, [oidcProvider(OLD_ISSUER), cluster()]))).toEqual(['FAIL']));

  test('GitHub Actions and other issuers → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [oidcProvider('token.actions.githubusercontent.com')]))).toEqual(['NOT_APPLICABLE']);
  });

  test('option externalIssuers (cross-account IRSA) → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [oidcProvider(OLD_ISSUER)], { checkOptions: { externalIssuers: ['oidc.eks.eu-west-1.amazonaws.com/id/0B1D*'] } }))).toEqual(['NOT_APPLICABLE']);
  });

  test('a bad externalIssuers value is an ERROR', () => {
    expect(statusesOf(judge(CHECK, [oidcProvider(OLD_ISSUER)], { checkOptions: { externalIssuers: 'x' } }))).toEqual(['ERROR']);
  });

  test('the URL is a template value → UNKNOWN', () => expect(statusesOf(judge(CHECK, [oidcProvider(OLD_ISSUER, { url: unresolved('<Url>') })]))).toEqual(['UNKNOWN']));

  test('clusters could not be listed in the issuer’s region → UNKNOWN, never FAIL', () => {
    expect(statusesOf(judge(CHECK, [oidcProvider(OLD_ISSUER)], { coverage: coverageDenying('eks.cluster') }))).toEqual(['UNKNOWN']);
  });

  test('OIDC providers could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [oidcProvider()], { coverage: coverageDenying('iam.oidc-provider') })))).toEqual(new Set(['UNKNOWN']));
  });
});
