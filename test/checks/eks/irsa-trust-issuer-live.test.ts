import { eksIrsaTrustIssuerLive } from '../../../lib/checks/eks/irsa-trust-issuer-live';
import type { IamOidcProvider } from '../../../lib/model';
import { ACCOUNT, unresolved } from '../../fixtures/model';
import { ISSUER, OLD_ISSUER, cluster, coverageDenying, judge, role, scopedIrsaTrust, statements, statusesOf } from '../../fixtures/eks';

const CHECK = eksIrsaTrustIssuerLive;
const US_ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/9F8E7D6C5B4A39281706F5E4D3C2B1A0';

describe('eks-irsa-trust-issuer-live', () => {
  test('the trusted issuer is a live cluster’s (the cluster reports it with https://) → PASS', () => {
    const r = role('api', scopedIrsaTrust());
    expect(judge(CHECK, [r, cluster()])).toEqual([{ checkId: CHECK.id, status: 'PASS', key: `Provider::${ISSUER}`, resource: r.id }]);
  });

  test('trust left behind by a blue/green replacement → FAIL', () => {
    expect(statusesOf(judge(CHECK, [role('api', scopedIrsaTrust('system:serviceaccount:apps:api', OLD_ISSUER)), cluster()]))).toEqual(['FAIL']);
  });

  test('option externalIssuers: a cluster of another account → NOT_APPLICABLE', () => {
    const options = { checkOptions: { externalIssuers: [`https://${OLD_ISSUER}`] } };
    expect(statusesOf(judge(CHECK, [role('api', scopedIrsaTrust('system:serviceaccount:apps:api', OLD_ISSUER))], options))).toEqual(['NOT_APPLICABLE']);
  });

  test('the issuer’s region was not collected → UNKNOWN, never FAIL', () => {
    expect(statusesOf(judge(CHECK, [role('api', scopedIrsaTrust('system:serviceaccount:apps:api', US_ISSUER)), cluster()]))).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [role('api', scopedIrsaTrust())], { coverage: coverageDenying('eks.cluster') }))).toEqual(['UNKNOWN']);
  });

  test('a cluster whose issuer a template leaves unresolved may be the one → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [role('api', scopedIrsaTrust()), cluster({ oidcIssuer: unresolved('<Other.OpenIdConnectIssuerUrl>') })]))).toEqual(['UNKNOWN']);
  });

  test('template: a provider declared for the template’s own cluster (same unresolved issuer) → PASS', () => {
    const issuer = unresolved('<Cluster.OpenIdConnectIssuerUrl>');
    const providerId = 'cfn:Platform/ClusterOidcProvider';
    const provider: IamOidcProvider = { kind: 'iam.oidc-provider', id: providerId, origin: { kind: 'cfn', stack: 'Platform', logicalId: 'ClusterOidcProvider' }, arn: providerId, url: issuer, clientIds: ['sts.amazonaws.com'], thumbprints: [] };
    const trust = statements({
      Effect: 'Allow',
      Principal: { Federated: providerId },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${providerId}:sub`]: 'system:serviceaccount:apps:api', [`${providerId}:aud`]: 'sts.amazonaws.com' } },
    });
    const templated = cluster({ oidcIssuer: issuer });
    expect(statusesOf(judge(CHECK, [role('api', trust), provider, templated], { source: { type: 'template', accountId: ACCOUNT } }))).toEqual(['PASS']);
  });
});
