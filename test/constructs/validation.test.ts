import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { AcknowledgementError, HardeksValidation } from '../../constructs';
import { InputError } from '../../lib/errors';

/** An app whose only stack holds a cluster with a public endpoint (high), no logs and no secrets key (medium). */
function appWithPublicCluster(props: ConstructorParameters<typeof HardeksValidation>[0] = {}) {
  const app = new App();
  Validations.of(app).addPlugins(new HardeksValidation({ checks: ['eks-endpoint-not-public', 'eks-control-plane-logging', 'eks-secrets-encrypted'], ...props }));
  const stack = new Stack(app, 'Web');
  const cluster = new eks.Cluster(stack, 'Cluster', { version: eks.KubernetesVersion.V1_33 });
  return { app, stack, cluster };
}

describe('HardeksValidation (CDK policy-validation plugin)', () => {
  test('a violation fails synth and names the check and the owning construct', () => {
    const { app } = appWithPublicCluster({ failOn: 'high' });
    let message = '';
    try {
      app.synth();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('eks-endpoint-not-public');
    expect(message).toContain('Web/Cluster/Resource');
    // Below the threshold: medium findings do not fail this synth.
    expect(message).not.toContain('eks-secrets-encrypted');
  });

  test('an acknowledgement with a reason is recorded in the template and lets synth pass', () => {
    const { app, stack, cluster } = appWithPublicCluster({ failOn: 'high' });
    HardeksValidation.acknowledge(cluster, { checkId: 'eks-endpoint-not-public', reason: 'Sandbox cluster, reachable from the office VPN only (SEC-42)' });
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResource('AWS::EKS::Cluster', {
      Metadata: { hardeks: { suppressions: [{ checkId: 'eks-endpoint-not-public', reason: 'Sandbox cluster, reachable from the office VPN only (SEC-42)' }] } },
    });
  });

  test('every FAIL counts by default, and each must be acknowledged', () => {
    const { app, cluster } = appWithPublicCluster();
    HardeksValidation.acknowledge(cluster, { checkId: 'eks-endpoint-not-public', reason: 'Sandbox cluster, reachable from the office VPN only' });
    expect(() => app.synth()).toThrow(/eks-secrets-encrypted/);
  });

  test('a fix made with addPropertyOverride is seen, since the rendered template is what is judged', () => {
    const { app, cluster } = appWithPublicCluster({ failOn: 'high' });
    (cluster.node.defaultChild as eks.CfnCluster).addPropertyOverride('ResourcesVpcConfig.EndpointPublicAccess', false);
    expect(() => app.synth()).not.toThrow();
  });

  test.each([
    ['a reason shorter than 10 characters', { checkId: 'eks-endpoint-not-public', reason: 'todo' }],
    ['an unknown check id', { checkId: 'eks-endpoint-not-publik', reason: 'a perfectly good reason' }],
    ['an impossible expiry date', { checkId: 'eks-endpoint-not-public', reason: 'a perfectly good reason', expires: '2027-02-30' }],
  ])('refuses %s', (_name, acknowledgement) => {
    const { cluster } = appWithPublicCluster();
    expect(() => HardeksValidation.acknowledge(cluster, acknowledgement)).toThrow(AcknowledgementError);
  });

  test('refuses a severity it does not know and checks it does not have', () => {
    expect(() => new HardeksValidation({ failOn: 'urgent' })).toThrow(InputError);
    expect(() => new HardeksValidation({ checks: ['eks-nope'] })).toThrow(InputError);
  });
});
