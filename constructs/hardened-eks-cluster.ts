import { KubectlV35Layer } from '@aws-cdk/lambda-layer-kubectl-v35';
import { Annotations, CfnResource, Names, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { EKS_USE_NATIVE_OIDC_PROVIDER } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { accessPolicyFor, ClusterAccessLevel, requireRolePrincipal, type ClusterAccessOptions } from './cluster-access';
import { HardeningErrorCode, HardeningValidationError } from './errors';
import { encryptLogGroups } from './encrypt-log-groups';
import { requirePublicAccessCidrs } from './endpoint-access';
import { HardenedVpc } from './hardened-vpc';
import { logsKey, rotatingKey } from './keys';
import { acknowledgeAwsManagedPolicies, acknowledgeRule, AWS_SOLUTIONS, MANAGED_POLICY_REASONS, NIST_800_53_R5 } from './nag-acknowledgements';
import { requireWorkloadNamespace } from './kubernetes-names';
import { addHardenedNodegroup, type HardenedNodegroupOptions } from './nodegroups';
import { requireRetention } from './retention';
import { verifyWithHardeks } from './self-verification';
import { WorkloadIdentity, workloadRole, type WorkloadIdentityOptions } from './workload-identity';
import { workloadNamespaceObjects } from './workload-namespace';

/** The Kubernetes minor version the bundled kubectl layer (v1.35) drives; kubectl supports one minor version of skew. */
const BUNDLED_KUBECTL_MINOR = 35;

/** Every control-plane log type: audit and authenticator above all, but an incident needs them all. */
const ALL_LOG_TYPES = [
  eks.ClusterLoggingTypes.API,
  eks.ClusterLoggingTypes.AUDIT,
  eks.ClusterLoggingTypes.AUTHENTICATOR,
  eks.ClusterLoggingTypes.CONTROLLER_MANAGER,
  eks.ClusterLoggingTypes.SCHEDULER,
];

/** EKS cluster names: 1–100 characters, alphanumeric first, then alphanumerics, '-' and '_'. */
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;

export interface HardenedEksClusterProps {
  /**
   * The cluster name. Fixed at synth time because the control-plane log group is created before
   * the cluster under `/aws/eks/<name>/cluster`; changing it replaces the cluster.
   * @default - a unique name derived from the construct path
   */
  readonly clusterName?: string;
  /**
   * Kubernetes version of the control plane (standard support is pinned, so keep it current).
   * @default eks.KubernetesVersion.V1_35
   */
  readonly version?: eks.KubernetesVersion;
  /**
   * The VPC. It needs private subnets with egress (or endpoints) and DNS hostnames on.
   * @default - a new HardenedVpc (private nodes, flow logs, restricted default security group, endpoints)
   */
  readonly vpc?: ec2.IVpc;
  /**
   * Subnets for the control-plane network interfaces; public subnets are refused.
   * @default - the VPC's private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Networks allowed to reach a public API endpoint, in CIDR notation. Leave empty for a private
   * endpoint. `0.0.0.0/0`, `::/0` and any other /0 are refused.
   * @default [] - private endpoint only
   */
  readonly publicAccessCidrs?: string[];
  /**
   * Key that envelope-encrypts Kubernetes secrets.
   * @default - a new customer managed key with yearly rotation, retained on deletion
   */
  readonly secretsEncryptionKey?: kms.IKey;
  /**
   * Key that encrypts the control-plane log group (and the default VPC's flow logs).
   * @default - a new rotating key that only CloudWatch Logs of this account and region may use
   */
  readonly logsEncryptionKey?: kms.IKey;
  /**
   * How long control-plane logs are kept (at least 90 days).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * An IAM role given cluster-admin through an access entry: the break-glass administrator. The
   * identity that deploys the stack gets no permanent admin access either way.
   * @default - none
   */
  readonly clusterAdminRoleArn?: string;
  /**
   * Apply Kubernetes objects (workload namespaces, NetworkPolicies, service accounts) through the
   * kubectl provider, a Lambda function in the VPC. When off, the construct says with a warning
   * what it could not apply.
   * @default true
   */
  readonly kubectl?: boolean;
  /**
   * kubectl layer for the provider; give one that matches `version` when it is more than one minor
   * version away from 1.35.
   * @default - the kubectl 1.35 layer from `@aws-cdk/lambda-layer-kubectl-v35`
   */
  readonly kubectlLayer?: lambda.ILayerVersion;
  /**
   * Namespaces for workloads, each created with Pod Security Standards `restricted` (enforce, audit,
   * warn), a default-deny NetworkPolicy with DNS egress allowed, and a `default` service account
   * that mounts no API token.
   * @default ['workloads']
   */
  readonly workloadNamespaces?: string[];
  /**
   * How the VPC CNI (`aws-node`) gets its AWS permissions; never through the node role.
   * @default eks.IdentityType.POD_IDENTITY
   */
  readonly vpcCniIdentityType?: eks.IdentityType;
  /**
   * Create a managed node group named `system` with `defaultNodegroupOptions`.
   * @default true
   */
  readonly defaultNodegroup?: boolean;
  /** Options of the default node group. @default - the hardened defaults of HardenedNodegroupOptions */
  readonly defaultNodegroupOptions?: HardenedNodegroupOptions;
  /**
   * EKS refuses to delete the cluster while this is on; turn it off before `cdk destroy`.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Audit this construct's resources with hardeks' checks at synth (a CDK policy-validation
   * plugin on the enclosing app); a FAIL on one of them fails the synth.
   * @default true
   */
  readonly verify?: boolean;
}

/**
 * An EKS cluster (aws-eks-v2) whose every insecure default is overridden, so that it passes
 * hardeks' own checks as deployed:
 * - private API endpoint, or public only to the networks given (never the whole internet);
 * - secrets envelope-encrypted with a rotating customer managed key;
 * - all five control-plane log types, into a retained, KMS-encrypted log group created first;
 * - access entries only (authentication mode API), no permanent admin for the cluster creator;
 * - deletion protection, standard support policy, a native IAM OIDC provider, the Pod Identity agent;
 * - the VPC CNI with network policy enforcement and its own identity (not the node role);
 * - managed node groups on AL2023 or Bottlerocket, in private subnets, through a launch template
 *   with IMDSv2 (hop limit 1), encrypted gp3 volumes and no SSH;
 * - workload namespaces with restricted Pod Security and default-deny NetworkPolicies.
 */
export class HardenedEksCluster extends Construct {
  /** The aws-eks-v2 cluster, for anything this construct does not wrap. */
  public readonly cluster: eks.Cluster;
  /** The key that encrypts Kubernetes secrets. */
  public readonly secretsEncryptionKey: kms.IKey;
  /** The control-plane log group `/aws/eks/<name>/cluster`. */
  public readonly controlPlaneLogGroup: logs.LogGroup;
  /** The VPC the cluster runs in. */
  public readonly vpc: ec2.IVpc;
  /** The IAM OIDC provider of the cluster's issuer (IRSA). */
  public readonly openIdConnectProvider: iam.IOpenIdConnectProvider;
  /** The VPC CNI add-on. */
  public readonly vpcCni: eks.Addon;
  /** The role of the nodes of hardened node groups: worker node and image pull permissions only. */
  public readonly nodeRole: iam.Role;
  /** The default node group, when created. */
  public readonly defaultNodegroup?: eks.Nodegroup;
  private readonly namespaceManifests = new Map<string, eks.KubernetesManifest>();
  private readonly kubectlEnabled: boolean;

  constructor(scope: Construct, id: string, props: HardenedEksClusterProps = {}) {
    super(scope, id);
    // Security-relevant behaviour must not depend on the consumer's feature flags: the native
    // AWS::IAM::OIDCProvider instead of a Lambda-backed custom resource, in this subtree only.
    this.node.setContext(EKS_USE_NATIVE_OIDC_PROVIDER, true);

    const version = props.version ?? eks.KubernetesVersion.V1_35;
    this.kubectlEnabled = props.kubectl ?? true;
    if (this.kubectlEnabled && props.kubectlLayer === undefined) requireBundledKubectlCanDrive(version, this);
    const publicAccessCidrs = requirePublicAccessCidrs(props.publicAccessCidrs ?? [], this);
    const clusterName = requireClusterName(props.clusterName ?? Names.uniqueResourceName(this, { maxLength: 100, separator: '-' }), this);
    const vpcSubnets = requireNonPublicSubnets(props.vpcSubnets, this);
    const logsEncryptionKey = props.logsEncryptionKey ?? logsKey(this, 'LogsKey', `${clusterName} EKS control-plane logs`);

    this.vpc = props.vpc ?? new HardenedVpc(this, 'Vpc', { logsEncryptionKey }).vpc;
    this.secretsEncryptionKey = props.secretsEncryptionKey ?? rotatingKey(this, 'SecretsKey', `${clusterName} EKS secrets envelope encryption`);
    this.controlPlaneLogGroup = new logs.LogGroup(this, 'ControlPlaneLogs', {
      logGroupName: `/aws/eks/${clusterName}/cluster`,
      retention: requireRetention(props.logRetention ?? logs.RetentionDays.ONE_YEAR, 'logRetention', this),
      encryptionKey: logsEncryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.cluster = new eks.Cluster(this, 'Cluster', {
      clusterName,
      version,
      vpc: this.vpc,
      vpcSubnets: [vpcSubnets],
      endpointAccess: publicAccessCidrs.length > 0 ? eks.EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(...publicAccessCidrs) : eks.EndpointAccess.PRIVATE,
      secretsEncryptionKey: this.secretsEncryptionKey,
      clusterLogging: ALL_LOG_TYPES,
      // Managed node groups rather than Auto Mode: their launch template is ours to harden.
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      defaultCapacity: 0,
      bootstrapClusterCreatorAdminPermissions: false,
      ...(this.kubectlEnabled ? { kubectlProviderOptions: { kubectlLayer: props.kubectlLayer ?? new KubectlV35Layer(this, 'KubectlLayer') } } : {}),
    });
    // EKS creates the group itself (unencrypted, kept forever) when it does not exist yet.
    this.cluster.node.addDependency(this.controlPlaneLogGroup);
    hardenClusterResource(this.cluster, props.deletionProtection ?? true);

    this.openIdConnectProvider = this.cluster.openIdConnectProvider;
    // Created now, so every Pod Identity association can depend on it.
    const podIdentityAgent = this.cluster.eksPodIdentityAgent!;
    this.vpcCni = this.addVpcCni(props.vpcCniIdentityType ?? eks.IdentityType.POD_IDENTITY);
    this.vpcCni.node.addDependency(podIdentityAgent);
    this.nodeRole = nodeRole(this);

    if (props.clusterAdminRoleArn !== undefined) {
      this.cluster.grantAccess('ClusterAdminAccess', requireRolePrincipal(props.clusterAdminRoleArn, this), [accessPolicyFor({ level: ClusterAccessLevel.CLUSTER_ADMIN }, this)]);
    }
    if (props.defaultNodegroup ?? true) this.defaultNodegroup = this.addNodegroup('system', props.defaultNodegroupOptions);
    for (const namespace of props.workloadNamespaces ?? ['workloads']) this.addWorkloadNamespace(namespace);

    // Includes the kubectl provider's log groups, which CDK creates unencrypted.
    encryptLogGroups(this, logsEncryptionKey);
    acknowledgeRequiredFindings(this.cluster, this);
    if (props.verify ?? true) verifyWithHardeks(this);
  }

  /** The cluster name (a deploy-time value when the name was generated from a token). */
  public get clusterName(): string {
    return this.cluster.clusterName;
  }

  /**
   * A managed node group with the hardened defaults: AL2023 or Bottlerocket, private subnets, and a
   * launch template with IMDSv2 (hop limit 1), encrypted gp3 volumes and no SSH. It starts after
   * the VPC CNI and the Pod Identity agent, so nodes never need CNI permissions of their own.
   */
  public addNodegroup(id: string, options: HardenedNodegroupOptions = {}): eks.Nodegroup {
    const nodegroup = addHardenedNodegroup(this.cluster, this, id, this.nodeRole, options);
    nodegroup.node.addDependency(this.vpcCni);
    return nodegroup;
  }

  /**
   * A namespace for workloads: Pod Security Standards `restricted` (enforce, audit, warn), a
   * default-deny NetworkPolicy for ingress and egress plus DNS egress to CoreDNS, and a `default`
   * service account without an API token. Needs the kubectl provider; without it the construct
   * warns at synth with what it could not apply.
   */
  public addWorkloadNamespace(namespace: string): void {
    requireWorkloadNamespace(namespace, this);
    if (this.namespaceManifests.has(namespace)) return;
    if (!this.kubectlEnabled) {
      Annotations.of(this).addWarningV2(
        `hardeks:kubectl-off:${namespace}`,
        `kubectl is off, so namespace "${namespace}" was not created: apply it yourself with the labels pod-security.kubernetes.io/{enforce,audit,warn}=restricted, ` +
          'a default-deny NetworkPolicy (ingress and egress) with DNS egress to kube-system/kube-dns allowed, and automountServiceAccountToken: false on its default service account.',
      );
      return;
    }
    const manifest = this.cluster.addManifest(`Namespace-${namespace}`, ...workloadNamespaceObjects(namespace));
    // NetworkPolicies are only enforced once the VPC CNI runs with network policy on.
    manifest.node.addDependency(this.vpcCni);
    this.namespaceManifests.set(namespace, manifest);
  }

  /**
   * An IAM role for the pods of exactly one service account in one namespace: EKS Pod Identity (an
   * association, and a trust policy that checks this cluster's session tags) or IRSA (a trust
   * policy with exact `sub` and `aud` on the cluster's OIDC issuer). The service account is created
   * through kubectl, after its namespace when this cluster manages it; with kubectl off, a warning
   * says to create it.
   */
  public addWorkloadIdentity(id: string, options: WorkloadIdentityOptions): WorkloadIdentity {
    const identity = new WorkloadIdentity(this, id, {
      ...options,
      cluster: this.cluster,
      openIdConnectProvider: this.openIdConnectProvider,
      createServiceAccount: this.kubectlEnabled,
    });
    const namespaceManifest = this.namespaceManifests.get(identity.namespace);
    if (namespaceManifest && identity.serviceAccountManifest) identity.serviceAccountManifest.node.addDependency(namespaceManifest);
    if (!this.kubectlEnabled) {
      Annotations.of(identity).addWarningV2(
        'hardeks:kubectl-off:service-account',
        `kubectl is off, so service account ${identity.namespace}/${identity.serviceAccountName} was not created` +
          (identity.identityType === eks.IdentityType.IRSA ? ': create it with the annotation eks.amazonaws.com/role-arn set to the role ARN.' : '; create it before its pods start.'),
      );
    }
    return identity;
  }

  /**
   * Kubernetes access for an IAM role through an EKS access entry, at the least privilege asked
   * for: VIEW may be cluster-wide, EDIT and ADMIN only per namespace, CLUSTER_ADMIN only
   * explicitly. IAM users are refused.
   */
  public grantAccess(id: string, principalArn: string, options: ClusterAccessOptions = {}): void {
    this.cluster.grantAccess(id, requireRolePrincipal(principalArn, this), [accessPolicyFor(options, this)]);
  }

  /**
   * The VPC CNI as a managed add-on with network policy enforcement on, its `aws-node` service
   * account given AmazonEKS_CNI_Policy through Pod Identity or IRSA instead of the node role.
   */
  private addVpcCni(identityType: eks.IdentityType): eks.Addon {
    const role = workloadRole(this, 'VpcCniRole', {
      cluster: this.cluster,
      openIdConnectProvider: this.openIdConnectProvider,
      namespace: 'kube-system',
      serviceAccount: 'aws-node',
      identityType,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonEKS_CNI_Policy')],
      description: 'VPC CNI (kube-system/aws-node) network interface management',
    });
    const addon = new eks.Addon(this, 'VpcCni', {
      cluster: this.cluster,
      addonName: 'vpc-cni',
      // Without it, NetworkPolicies are accepted by the API server and silently not enforced.
      configurationValues: { enableNetworkPolicy: 'true' },
    });
    const cfnAddon = addon.node.defaultChild as eks.CfnAddon;
    // The cluster bootstraps a self-managed aws-node; the managed add-on takes it over.
    cfnAddon.resolveConflicts = 'OVERWRITE';
    if (identityType === eks.IdentityType.IRSA) cfnAddon.serviceAccountRoleArn = role.roleArn;
    else cfnAddon.podIdentityAssociations = [{ serviceAccount: 'aws-node', roleArn: role.roleArn }];
    return addon;
  }
}

/**
 * Findings of rule packs (cdk-nag AwsSolutions, NIST 800-53 R5, CloudFormation Validate) on what an
 * EKS cluster must contain: the AWS managed policies EKS requires, and aws-eks-v2's own kubectl
 * provider. Each is acknowledged with its reason; anything else stays reported.
 */
function acknowledgeRequiredFindings(cluster: eks.Cluster, scope: Construct): void {
  for (const role of scope.node.findAll().filter((c): c is iam.CfnRole => c instanceof iam.CfnRole)) acknowledgeAwsManagedPolicies(role, MANAGED_POLICY_REASONS);
  Validations.of(cluster.node.defaultChild!).acknowledge({
    id: 'CloudFormation-Validate::W9009',
    reason: 'aws-eks-v2 writes EncryptionConfig.Resources ["secrets"], which the EKS API still requires to encrypt secrets.',
  });
  const provider = cluster.kubectlProvider;
  if (provider === undefined) return;
  const handler = provider.node.tryFindChild('Handler')?.node.defaultChild as CfnResource | undefined;
  const cdkInternal = 'The aws-eks-v2 kubectl provider is CDK-internal and invoked only by CloudFormation during deployments';
  acknowledgeRule(provider, AWS_SOLUTIONS, 'L1', `${cdkInternal}; aws-cdk-lib pins and updates its runtime.`);
  if (handler) {
    acknowledgeRule(provider, AWS_SOLUTIONS, 'IAM5', `${cdkInternal}; the provider framework may invoke every version of the kubectl handler and nothing else.`, `Resource::<${Stack.of(handler).resolve(handler.logicalId)}.Arn>:*`);
  }
  acknowledgeRule(provider, NIST_800_53_R5, 'IAMNoInlinePolicy', `${cdkInternal}; its default policies only describe this cluster and invoke the handler.`);
  acknowledgeRule(provider, NIST_800_53_R5, 'LambdaConcurrency', `${cdkInternal}; reserved concurrency would only add a way for a deployment to fail.`);
  acknowledgeRule(provider, NIST_800_53_R5, 'LambdaDLQ', `${cdkInternal}, synchronously: CloudFormation reports every failure, so a dead-letter queue would stay empty.`);
}

/** Settings the L2 does not expose: deletion protection and the standard (not extended, billed) support policy. */
function hardenClusterResource(cluster: eks.Cluster, deletionProtection: boolean): void {
  const cfnCluster = cluster.node.defaultChild as eks.CfnCluster;
  cfnCluster.deletionProtection = deletionProtection;
  cfnCluster.upgradePolicy = { supportType: 'STANDARD' };
}

/** Nodes run kubelet and pull images; network interfaces are the VPC CNI's business, under its own identity. */
function nodeRole(scope: Construct): iam.Role {
  return new iam.Role(scope, 'NodeRole', {
    description: 'EKS managed node group nodes: join the cluster and pull images',
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
    managedPolicies: ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryPullOnly'].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
  });
}

function requireBundledKubectlCanDrive(version: eks.KubernetesVersion, scope: Construct): void {
  const minor = Number(/^1\.(\d+)$/.exec(version.version)?.[1]);
  if (!Number.isInteger(minor) || Math.abs(minor - BUNDLED_KUBECTL_MINOR) > 1) {
    throw new HardeningValidationError(
      HardeningErrorCode.KUBECTL_VERSION_SKEW,
      `the bundled kubectl 1.${BUNDLED_KUBECTL_MINOR} cannot drive Kubernetes ${version.version} (kubectl supports one minor version of skew); pass a matching kubectlLayer`,
      scope,
    );
  }
}

function requireClusterName(name: string, scope: Construct): string {
  if (!Token.isUnresolved(name) && !CLUSTER_NAME.test(name)) {
    throw new HardeningValidationError(HardeningErrorCode.CLUSTER_NAME, `clusterName "${name}" is not a valid EKS cluster name (1-100 characters: letters, digits, '-' and '_', starting with a letter or digit)`, scope);
  }
  return name;
}

function requireNonPublicSubnets(selection: ec2.SubnetSelection | undefined, scope: Construct): ec2.SubnetSelection {
  if (selection?.subnetType === ec2.SubnetType.PUBLIC) {
    throw new HardeningValidationError(HardeningErrorCode.VPC, 'the control plane must not be placed in public subnets', scope);
  }
  return selection ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
}
