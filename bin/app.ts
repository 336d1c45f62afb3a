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
 *   scheduledAudit     true: add a stack with a daily hardeks audit of this account (needs `npm run build` first: the function ships prebundled)
 *   auditRegions       comma-separated regions the audits cover (default: every enabled region; required for the organization audit)
 *   securityHub        true: the scheduled audit imports its findings into Security Hub
 *   organizationAudit  true: add a stack with the organization-wide audit (deploy it in the management or a delegated administrator account)
 *   externalId         the external id member roles require (organization audit)
 *   memberRoleOus      comma-separated OU ids (or the root) to deploy the member role to through a StackSet (organization audit)
 */
import { App, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { AccountSecurityBaseline, ClusterAccessLevel, GuardDutyMode, HardenedEksCluster, OrganizationAudit, ScheduledAudit } from '../constructs';

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

function contextFlag(scope: Construct, key: string): boolean {
  const value: unknown = scope.node.tryGetContext(key);
  return value === true || value === 'true';
}

function contextList(scope: Construct, key: string): string[] | undefined {
  return contextString(scope, key)?.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** A daily hardeks audit of the account it is deployed to (context scheduledAudit=true). */
export class AuditStack extends Stack {
  public readonly audit: ScheduledAudit;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const regions = contextList(this, 'auditRegions');
    this.audit = new ScheduledAudit(this, 'ScheduledAudit', { ...(regions ? { regions } : {}), securityHub: contextFlag(this, 'securityHub') });
  }
}

/** The organization-wide audit (context organizationAudit=true, with auditRegions and externalId). */
export class OrganizationAuditStack extends Stack {
  public readonly audit: OrganizationAudit;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const regions = contextList(this, 'auditRegions');
    const externalId = contextString(this, 'externalId');
    if (!regions || !externalId) throw new Error('context organizationAudit=true needs auditRegions (comma-separated) and externalId');
    const ous = contextList(this, 'memberRoleOus');
    this.audit = new OrganizationAudit(this, 'OrganizationAudit', { regions, externalId, ...(ous ? { memberRoles: { organizationalUnitIds: ous } } : {}) });
  }
}

/** The example app's stacks, with cdk-nag's packs as an independent judge. */
export function buildExampleApp(app: App): { baseline: BaselineStack; cluster: ClusterStack; audit?: AuditStack; organizationAudit?: OrganizationAuditStack } {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
  const baseline = new BaselineStack(app, 'HardeksBaseline', { description: 'hardeks example: account security baseline' });
  const cluster = new ClusterStack(app, 'HardeksCluster', { description: 'hardeks example: hardened EKS cluster' });
  const audit = contextFlag(app, 'scheduledAudit') ? new AuditStack(app, 'HardeksAudit', { description: 'hardeks example: scheduled audit of this account' }) : undefined;
  const organizationAudit = contextFlag(app, 'organizationAudit')
    ? new OrganizationAuditStack(app, 'HardeksOrganizationAudit', { description: 'hardeks example: audit of every account of the organization' })
    : undefined;
  return { baseline, cluster, ...(audit ? { audit } : {}), ...(organizationAudit ? { organizationAudit } : {}) };
}

if (require.main === module) {
  const app = new App();
  buildExampleApp(app);
  app.synth();
}
