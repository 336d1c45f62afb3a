import { eksClusterOidcProviderExists } from '../../../lib/checks/eks/cluster-oidc-provider-exists';
import { unresolved } from '../../fixtures/model';
import { ISSUER, OLD_ISSUER, cluster, coverageDenying, irsaTrust, judge, oidcProvider, podIdentityTrust, role, scopedIrsaTrust, statusesOf } from '../../fixtures/eks';

const CHECK = eksClusterOidcProviderExists;
const prod = cluster();

describe('eks-cluster-oidc-provider-exists', () => {
  test('an IAM OIDC provider for the issuer → PASS', () => {
    expect(judge(CHECK, [prod, oidcProvider(), role('api', scopedIrsaTrust())])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('IRSA roles trust the issuer but no provider exists → FAIL', () => {
    expect(statusesOf(judge(CHECK, [prod, role('api', scopedIrsaTrust())]))).toEqual(['FAIL']);
  });

  test('no role trusts the issuer: IRSA is not in use → NOT_APPLICABLE', () => {
    const elsewhere = role('old', scopedIrsaTrust('system:serviceaccount:apps:api', OLD_ISSUER));
    expect(statusesOf(judge(CHECK, [prod, elsewhere, role('pods', podIdentityTrust())]))).toEqual(['NOT_APPLICABLE']);
  });

  test('trap: the provider of another issuer does not count', () => {
    expect(statusesOf(judge(CHECK, [prod, oidcProvider(OLD_ISSUER), role('api', irsaTrust())]))).toEqual(['FAIL']);
  });

  test('a role whose trust a template could not resolve → UNKNOWN (it may be an IRSA role)', () => {
    expect(statusesOf(judge(CHECK, [prod, role('maybe', unresolved('<Trust>'))]))).toEqual(['UNKNOWN']);
  });

  test('the issuer is a template value no provider shares → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [cluster({ oidcIssuer: unresolved('<Cluster.OpenIdConnectIssuerUrl>') }), oidcProvider()]))).toEqual(['UNKNOWN']);
  });

  test('OIDC providers could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod, role('api', scopedIrsaTrust())], { coverage: coverageDenying('iam.oidc-provider') }))).toEqual(['UNKNOWN']);
  });

  test('the issuer matches without scheme or trailing slash', () => {
    expect(statusesOf(judge(CHECK, [cluster({ oidcIssuer: `https://${ISSUER}/` }), oidcProvider()]))).toEqual(['PASS']);
  });
});
