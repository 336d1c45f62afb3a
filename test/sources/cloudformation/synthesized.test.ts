import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ALL_CHECKS } from '../../../lib/checks';
import { eksControlPlaneLogging } from '../../../lib/checks/eks/control-plane-logging';
import { eksEndpointNotPublic } from '../../../lib/checks/eks/endpoint-not-public';
import { eksSecretsEncrypted } from '../../../lib/checks/eks/secrets-encrypted';
import { runChecks } from '../../../lib/engine/run';
import { isUnresolved, type Inventory } from '../../../lib/model';
import type { CfnTemplate, TemplateOptions } from '../../../lib/sources/cloudformation/types';
import { mapped } from './fixture';

// Env-agnostic stacks: synth needs no credentials and no context lookups. The CDK CLI turns on
// construct-path metadata; a test app has to ask for it.
const newApp = () => new App({ context: { 'aws:cdk:enable-path-metadata': true } });

function clusterStack(id: string, configure: (stack: Stack, cluster: eks.Cluster) => void = () => undefined) {
  const stack = new Stack(newApp(), id);
  const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_33 });
  configure(stack, cluster);
  return stack;
}

const inventoryOf = (stack: Stack, options: Partial<TemplateOptions> = {}): Inventory =>
  mapped(Template.fromStack(stack).toJSON() as CfnTemplate, { stack: stack.stackName, ...options }).inventory;

const EKS = [eksEndpointNotPublic, eksControlPlaneLogging, eksSecretsEncrypted];
const statusesByCheck = (inventory: Inventory) => {
  const out: Record<string, string[]> = {};
  for (const f of runChecks(inventory, EKS).findings) (out[f.checkId] ??= []).push(f.status);
  return out;
};

describe('aws-eks-v2 stacks, synthesized', () => {
  test('a plain eks.Cluster fails the endpoint, logging and secrets checks', () => {
    const statuses = statusesByCheck(inventoryOf(clusterStack('Plain')));
    expect(statuses['eks-endpoint-not-public']).toEqual(['FAIL']);
    expect(statuses['eks-control-plane-logging']).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL', 'FAIL']);
    expect(statuses['eks-secrets-encrypted']).toEqual(['FAIL']);
  });

  test('the same cluster fixed through addPropertyOverride passes: the rendered template is judged', () => {
    const stack = clusterStack('Fixed', (s, cluster) => {
      const key = new kms.Key(s, 'SecretsKey', { enableKeyRotation: true });
      const cfn = cluster.node.defaultChild as eks.CfnCluster;
      cfn.addPropertyOverride('ResourcesVpcConfig.EndpointPublicAccess', false);
      cfn.addPropertyOverride('Logging.ClusterLogging.EnabledTypes', ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((Type) => ({ Type })));
      cfn.addPropertyOverride('EncryptionConfig', [{ Provider: { KeyArn: key.keyArn }, Resources: ['secrets'] }]);
    });
    const inventory = inventoryOf(stack);
    const statuses = statusesByCheck(inventory);
    expect(statuses['eks-endpoint-not-public']).toEqual(['PASS']);
    expect(statuses['eks-control-plane-logging']).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS']);
    expect(statuses['eks-secrets-encrypted']).toEqual(['PASS']);
    // Findings name the stack, the logical id and the construct path.
    const finding = runChecks(inventory, [eksEndpointNotPublic]).findings[0]!;
    expect(finding.resource.origin).toMatchObject({ kind: 'cfn', stack: 'Fixed', constructPath: 'Fixed/Cluster/Resource' });
    expect(finding.resource.id).toMatch(/^cfn:Fixed\/Cluster[0-9A-F]{8}$/);
  });

  test('an IRSA role made by aws-eks-v2 has a trust policy the analyser can read', () => {
    const stack = clusterStack('Irsa', (s) => {
      // addServiceAccount needs a kubectl provider; an imported layer is enough to synthesize.
      const layer = lambda.LayerVersion.fromLayerVersionArn(s, 'Kubectl', 'arn:aws:lambda:eu-west-1:111122223333:layer:kubectl:1');
      new eks.Cluster(s, 'WithKubectl', { version: eks.KubernetesVersion.V1_33, kubectlProviderOptions: { kubectlLayer: layer } }).addServiceAccount('App', {
        name: 'app',
        namespace: 'web',
      });
    });
    const inventory = inventoryOf(stack);
    const role = inventory.resources['iam.role']!.find((r) => r.origin.kind === 'cfn' && r.origin.constructPath?.includes('WithKubectl/App/Role'))!;
    const provider = inventory.resources['iam.oidc-provider']![0]!;
    expect(isUnresolved(role.trustPolicy)).toBe(false);
    const [statement] = (role.trustPolicy as Exclude<typeof role.trustPolicy, { unresolved: string }>).Statement;
    expect(statement!.Principal).toEqual({ Federated: [provider.arn] });
    expect(isUnresolved(statement!.Condition)).toBe(false);
    // The provider's issuer is only known after deployment; its id names it in the principal and the keys alike.
    const issuer = provider.arn as string;
    expect(issuer).toBe(provider.id);
    expect(statement!.Condition).toEqual({
      StringEquals: { [`${issuer}:aud`]: ['sts.amazonaws.com'], [`${issuer}:sub`]: ['system:serviceaccount:web:app'] },
    });
    // The web-identity checks of the catalog judge the role: the subject and audience are pinned.
    const webIdentityChecks = ALL_CHECKS.filter((c) => c.kind === 'iam.role' && /oidc|web-identity|irsa/.test(c.id));
    const findings = runChecks(inventory, webIdentityChecks).findings.filter((f) => f.resource.id === role.id);
    for (const f of findings) expect([f.checkId, f.status]).toEqual([f.checkId, 'PASS']);
  });

  test.each([
    ['the account and region', 'the provider ARN', { accountId: '111122223333', region: 'eu-west-1' }],
    ['the region only', 'the provider id', { region: 'eu-west-1' }],
  ])('with %s known, the IRSA role, its provider and the cluster name one issuer (%s), and every IRSA check passes', (_what, _principal, environment: Partial<TemplateOptions>) => {
    const stack = clusterStack('IrsaDeployed', (s) => {
      const layer = lambda.LayerVersion.fromLayerVersionArn(s, 'Kubectl', 'arn:aws:lambda:eu-west-1:111122223333:layer:kubectl:1');
      new eks.Cluster(s, 'WithKubectl', { version: eks.KubernetesVersion.V1_33, kubectlProviderOptions: { kubectlLayer: layer } }).addServiceAccount('App', { name: 'app', namespace: 'web' });
    });
    const inventory = inventoryOf(stack, environment);
    const provider = inventory.resources['iam.oidc-provider']![0]!;
    const cluster = inventory.resources['eks.cluster']!.find((c) => c.origin.kind === 'cfn' && c.origin.constructPath?.includes('WithKubectl'))!;
    expect(cluster.oidcIssuer).toBe(`https://${provider.url as string}`);
    const role = inventory.resources['iam.role']!.find((r) => r.origin.kind === 'cfn' && r.origin.constructPath?.includes('WithKubectl/App/Role'))!;
    const [statement] = (role.trustPolicy as Exclude<typeof role.trustPolicy, { unresolved: string }>).Statement;
    // The principal and the condition keys name the issuer the same way: by the ARN once it is wholly known, else by the provider's id.
    const issuer = environment.accountId ? (provider.url as string) : provider.id;
    expect(statement!.Principal).toEqual({ Federated: [environment.accountId ? `arn:aws:iam::111122223333:oidc-provider/${issuer}` : provider.id] });
    expect(statement!.Condition).toEqual({ StringEquals: { [`${issuer}:aud`]: ['sts.amazonaws.com'], [`${issuer}:sub`]: ['system:serviceaccount:web:app'] } });
    const irsaChecks = ALL_CHECKS.filter((c) => /oidc|web-identity|irsa/.test(c.id));
    const findings = runChecks(inventory, irsaChecks).findings.filter((f) => [role.id, provider.id, cluster.id].includes(f.resource.id));
    expect(findings.filter((f) => f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE').map((f) => [f.checkId, f.resource.id, f.status])).toEqual([]);
    expect(findings.filter((f) => f.checkId === 'eks-irsa-trust-sub-exact' || f.checkId === 'eks-cluster-oidc-provider-exists').map((f) => f.status)).toEqual(['PASS', 'PASS']);
  });

  test('a parameter-controlled CIDR is UNKNOWN until a value is given for it', () => {
    const stack = new Stack(newApp(), 'Param');
    const cidr = new CfnParameter(stack, 'AdminCidr', { type: 'String' });
    new eks.Cluster(stack, 'Cluster', {
      version: eks.KubernetesVersion.V1_33,
      endpointAccess: eks.EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(cidr.valueAsString),
    });
    const statusOf = (options: Partial<TemplateOptions> = {}) => runChecks(inventoryOf(stack, options), [eksEndpointNotPublic]).findings.map((f) => f.status);
    expect(statusOf()).toEqual(['UNKNOWN']);
    expect(statusOf({ parameters: { AdminCidr: '198.51.100.0/24' } })).toEqual(['PASS']);
    expect(statusOf({ parameters: { AdminCidr: '0.0.0.0/0' } })).toEqual(['FAIL']);
  });
});
