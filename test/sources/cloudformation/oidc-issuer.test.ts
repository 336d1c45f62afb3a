import { eksClusterOidcProviderExists } from '../../../lib/checks/eks/cluster-oidc-provider-exists';
import { eksIrsaTrustHasSub } from '../../../lib/checks/eks/irsa-trust-has-sub';
import { eksIrsaTrustIssuerLive } from '../../../lib/checks/eks/irsa-trust-issuer-live';
import { eksOidcProviderHasCluster } from '../../../lib/checks/eks/oidc-provider-has-cluster';
import type { Check } from '../../../lib/engine/check';
import { runChecks } from '../../../lib/engine/run';
import type { Inventory } from '../../../lib/model';
import { TemplateScope } from '../../../lib/sources/cloudformation/scope';
import type { CfnTemplate, TemplateOptions } from '../../../lib/sources/cloudformation/types';
import { ACCOUNT, REGION } from '../../fixtures/model';
import { mapped, resource } from './fixture';

const ISSUER_URL = { 'Fn::GetAtt': ['Cluster', 'OpenIdConnectIssuerUrl'] };
/** The issuer without `https://`, as CDK writes it into an IRSA role's principal. */
const ISSUER_HOST = { 'Fn::Select': [1, { 'Fn::Split': ['https://', ISSUER_URL] }] };

/** A role trusting the cluster's issuer for one service account, with the principal built from the issuer itself. */
const irsaRole = {
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':oidc-provider/', ISSUER_HOST]] } },
          // Condition keys cannot be computed in CloudFormation: CDK renders them through CfnJson, as here.
          Condition: { 'Fn::GetAtt': ['AppRoleConditions', 'Value'] },
        },
      ],
    },
  },
};

const irsaConditions = {
  Type: 'Custom::AWSCDKCfnJson',
  Properties: {
    Value: { 'Fn::Join': ['', ['{"StringEquals":{"', ISSUER_HOST, ':sub":"system:serviceaccount:web:app","', ISSUER_HOST, ':aud":"sts.amazonaws.com"}}']] },
  },
};

function clusterTemplate(withProvider: boolean, type = 'AWS::EKS::Cluster'): CfnTemplate {
  return {
    Resources: {
      Cluster: { Type: type, Properties: {} },
      ...(withProvider ? { Provider: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: ISSUER_URL, ClientIdList: ['sts.amazonaws.com'] } } } : {}),
    },
  } as CfnTemplate;
}

const inventoryOf = (template: CfnTemplate, options: Partial<TemplateOptions> = {}, stack = 'Test'): Inventory => mapped(template, { stack, ...options }).inventory;
const statusesOf = (inventory: Inventory, check: Check) => runChecks(inventory, [check]).findings.map((f) => ({ resource: f.resource.id, status: f.status }));

describe('a cluster\'s OIDC issuer in a template', () => {
  test('with the region known, the cluster and its IAM OIDC provider name one placeholder issuer, shaped as EKS issuers are', () => {
    const inventory = inventoryOf(clusterTemplate(true), { region: REGION });
    const cluster = resource(inventory, 'eks.cluster', 'Cluster');
    const provider = resource(inventory, 'iam.oidc-provider', 'Provider');
    expect(cluster.oidcIssuer).toMatch(/^https:\/\/oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/Clustercfn[0-9a-f]{8}$/);
    expect(provider.url).toBe((cluster.oidcIssuer as string).replace('https://', ''));
  });

  test('the placeholder is the same on every mapping of a stack, and differs between stacks', () => {
    const issuerOf = (stack: string) => resource(inventoryOf(clusterTemplate(false), { region: REGION }, stack), 'eks.cluster', 'Cluster', stack).oidcIssuer;
    expect(issuerOf('Dev')).toBe(issuerOf('Dev'));
    expect(issuerOf('Dev')).not.toBe(issuerOf('Prod'));
  });

  test('China regions get the .cn suffix; the classic aws-eks cluster resource gives the issuer with and without the scheme', () => {
    expect(resource(inventoryOf(clusterTemplate(false), { region: 'cn-north-1' }), 'eks.cluster', 'Cluster').oidcIssuer).toMatch(/^https:\/\/oidc\.eks\.cn-north-1\.amazonaws\.com\.cn\/id\//);
    const classic: CfnTemplate = {
      Resources: {
        Cluster: { Type: 'Custom::AWSCDK-EKS-Cluster', Properties: { Config: {} } },
        Provider: { Type: 'Custom::AWSCDKOpenIdConnectProvider', Properties: { Url: ISSUER_URL, ClientIDList: ['sts.amazonaws.com'] } },
        Probe: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Cluster', 'OpenIdConnectIssuer'] }]] } } },
      },
    };
    const inventory = inventoryOf(classic, { region: REGION });
    const issuer = resource(inventory, 'eks.cluster', 'Cluster').oidcIssuer as string;
    expect(resource(inventory, 'iam.oidc-provider', 'Provider').url).toBe(issuer.replace('https://', ''));
    expect(resource(inventory, 'iam.oidc-provider', 'Probe').url).toBe(issuer.replace('https://', ''));
  });

  test('the provider and the cluster are matched: PASS both ways', () => {
    const inventory = inventoryOf(clusterTemplate(true), { region: REGION, accountId: ACCOUNT });
    expect(statusesOf(inventory, eksClusterOidcProviderExists)).toEqual([{ resource: 'cfn:Test/Cluster', status: 'PASS' }]);
    expect(statusesOf(inventory, eksOidcProviderHasCluster)).toEqual([{ resource: 'cfn:Test/Provider', status: 'PASS' }]);
  });

  test('a role trusting the issuer with no provider for it FAILs; the role\'s trust names the same issuer', () => {
    const template = { Resources: { ...clusterTemplate(false).Resources, AppRole: irsaRole, AppRoleConditions: irsaConditions } } as CfnTemplate;
    const inventory = inventoryOf(template, { region: REGION, accountId: ACCOUNT });
    expect(statusesOf(inventory, eksClusterOidcProviderExists)).toEqual([{ resource: 'cfn:Test/Cluster', status: 'FAIL' }]);
    expect(statusesOf(inventory, eksIrsaTrustIssuerLive)).toEqual([{ resource: 'cfn:Test/AppRole', status: 'PASS' }]);
    expect(statusesOf(inventory, eksIrsaTrustHasSub)).toEqual([{ resource: 'cfn:Test/AppRole', status: 'PASS' }]);
  });

  test('without the region the issuer is not known: UNKNOWN, as before', () => {
    const inventory = inventoryOf(clusterTemplate(true));
    expect(resource(inventory, 'eks.cluster', 'Cluster').oidcIssuer).toEqual({ unresolved: '<Cluster.OpenIdConnectIssuerUrl>' });
    expect(statusesOf(inventory, eksClusterOidcProviderExists)).toEqual([{ resource: 'cfn:Test/Cluster', status: 'UNKNOWN' }]);
    expect(statusesOf(inventory, eksOidcProviderHasCluster)).toEqual([{ resource: 'cfn:Test/Provider', status: 'UNKNOWN' }]);
  });

  test('a provider\'s ARN names its issuer only once wholly known; until then `Ref` and the issuer part of the ARN are both its id', () => {
    const template: CfnTemplate = { Resources: { Provider: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC' } } } };
    const resolve = (node: unknown, options: Partial<TemplateOptions>) => new TemplateScope(template, { stack: 'Test', ...options }).evaluator.resolve(node);
    const issuerPart = { 'Fn::Select': [1, { 'Fn::Split': [':oidc-provider/', { Ref: 'Provider' }] }] };
    expect([resolve({ Ref: 'Provider' }, { region: REGION }), resolve(issuerPart, { region: REGION })]).toEqual(['cfn:Test/Provider', 'cfn:Test/Provider']);
    const known = { region: REGION, accountId: ACCOUNT };
    expect([resolve({ Ref: 'Provider' }, known), resolve(issuerPart, known)]).toEqual([
      'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC',
      'oidc.eks.eu-west-1.amazonaws.com/id/ABC',
    ]);
  });
});
