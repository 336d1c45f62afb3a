#!/usr/bin/env node
/**
 * The example CDK app (cdk.json "app"): an account security baseline and a hardened EKS cluster,
 * each in its own stack. Both stacks are environment-agnostic, so `npx cdk synth` works offline
 * with no credentials and no Docker; `cdk deploy` puts them in the account and region of the
 * current credentials.
 *
 * Synth also runs cdk-nag's AwsSolutions and NIST 800-53 R5 packs, and each hardened construct
 * audits itself with hardeks' checks: any unacknowledged violation fails the synth.
 *
 * Context (`-c key=value`):
 *   adminRoleArn   an IAM role given cluster-admin through an access entry (break-glass)
 *   viewerRoleArn  an IAM role given cluster-wide read access
 *   publicAccessCidrs  comma-separated networks allowed to reach a public API endpoint (default: private only)
 *   guardDuty      CREATE (default), ADOPT_EXISTING or NONE
 */
import { App, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { AccountSecurityBaseline, ClusterAccessLevel, GuardDutyMode, HardenedEksCluster } from '../constructs';

/** Context values are strings on the command line; an absent or empty one is no value. */
function contextString(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function guardDutyMode(scope: Construct): GuardDutyMode {
  const value = contextString(scope, 'guardDuty') ?? GuardDutyMode.CREATE;
  if (!Object.values(GuardDutyMode).includes(value as GuardDutyMode)) {
    throw new Error(`context guardDuty must be one of ${Object.values(GuardDutyMode).join(', ')}; got ${value}`);
  }
  return value as GuardDutyMode;
}

/** Account-wide controls: deploy once per account (the password policy is global) and region. */
export class BaselineStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new AccountSecurityBaseline(this, 'Baseline', { guardDuty: guardDutyMode(this) });
  }
}

/** A private EKS cluster with one workload namespace and one workload identity. */
export class ClusterStack extends Stack {
  public readonly cluster: HardenedEksCluster;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const publicAccessCidrs = contextString(this, 'publicAccessCidrs')?.split(',').map((c) => c.trim());
    const adminRoleArn = contextString(this, 'adminRoleArn');
    this.cluster = new HardenedEksCluster(this, 'Cluster', {
      workloadNamespaces: ['workloads'],
      ...(publicAccessCidrs ? { publicAccessCidrs } : {}),
      ...(adminRoleArn ? { clusterAdminRoleArn: adminRoleArn } : {}),
    });
    // The orders API reads and writes AWS resources as itself, never as the node.
    this.cluster.addWorkloadIdentity('OrdersApi', { namespace: 'workloads', serviceAccount: 'orders-api' });
    const viewerRoleArn = contextString(this, 'viewerRoleArn');
    if (viewerRoleArn) this.cluster.grantAccess('Viewers', viewerRoleArn, { level: ClusterAccessLevel.VIEW });
  }
}

/** The example app's stacks, with cdk-nag's packs as an independent judge. */
export function buildExampleApp(app: App): { baseline: BaselineStack; cluster: ClusterStack } {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
  const baseline = new BaselineStack(app, 'HardeksBaseline', { description: 'hardeks example: account security baseline' });
  const cluster = new ClusterStack(app, 'HardeksCluster', { description: 'hardeks example: hardened EKS cluster' });
  return { baseline, cluster };
}

if (require.main === module) {
  const app = new App();
  buildExampleApp(app);
  app.synth();
}
