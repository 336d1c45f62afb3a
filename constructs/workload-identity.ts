import { CfnJson, Names, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { requireNamespaceName, requireServiceAccountName } from './kubernetes-names';

/** Options of `HardenedEksCluster.addWorkloadIdentity`. */
export interface WorkloadIdentityOptions {
  /** The Kubernetes namespace of the service account; exactly one, no wildcard. */
  readonly namespace: string;
  /** The Kubernetes service account whose pods get the role; exactly one, no wildcard. */
  readonly serviceAccount: string;
  /**
   * How pods get the role's credentials.
   * @default eks.IdentityType.POD_IDENTITY
   */
  readonly identityType?: eks.IdentityType;
  /** Managed policies for the role. @default - none; grant with `grant*` methods or `role.addToPrincipalPolicy` */
  readonly managedPolicies?: iam.IManagedPolicy[];
  /** @default - names the cluster, namespace and service account */
  readonly description?: string;
}

/** Properties of a `WorkloadIdentity`. */
export interface WorkloadIdentityProps extends WorkloadIdentityOptions {
  /** The cluster the service account lives in. */
  readonly cluster: eks.Cluster;
  /**
   * The IAM OIDC provider of the cluster's issuer (IRSA only).
   * @default - cluster.openIdConnectProvider
   */
  readonly openIdConnectProvider?: iam.IOpenIdConnectProvider;
  /**
   * Create the Kubernetes service account through the cluster's kubectl provider.
   * @default - true when the cluster has a kubectl provider
   */
  readonly createServiceAccount?: boolean;
}

/** What a workload role is for: one service account of one namespace of one cluster. */
export interface WorkloadRoleProps extends WorkloadIdentityOptions {
  readonly cluster: eks.Cluster;
  /** @default - cluster.openIdConnectProvider (IRSA only) */
  readonly openIdConnectProvider?: iam.IOpenIdConnectProvider;
}

/**
 * An IAM role that only the pods of one service account can assume: through EKS Pod Identity
 * (trust limited to this account and to the session tags of this cluster, namespace and service
 * account) or IRSA (exact `sub` and `aud` on the cluster's OIDC issuer).
 */
export function workloadRole(scope: Construct, id: string, props: WorkloadRoleProps): iam.Role {
  const namespace = requireNamespaceName(props.namespace, scope);
  const serviceAccount = requireServiceAccountName(props.serviceAccount, scope);
  const irsa = (props.identityType ?? eks.IdentityType.POD_IDENTITY) === eks.IdentityType.IRSA;
  return new iam.Role(scope, id, {
    description: props.description ?? `Pods of ${namespace}/${serviceAccount} in cluster ${props.cluster.clusterName}`,
    assumedBy: irsa
      ? irsaPrincipal(scope, props.openIdConnectProvider ?? props.cluster.openIdConnectProvider, namespace, serviceAccount)
      : podIdentityPrincipal(scope, props.cluster, namespace, serviceAccount),
    managedPolicies: props.managedPolicies,
  });
}

/**
 * `pods.eks.amazonaws.com` for this account only, and only with the session tags of this cluster,
 * namespace and service account: another association cannot borrow the role.
 * @see https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html
 */
function podIdentityPrincipal(scope: Construct, cluster: eks.Cluster, namespace: string, serviceAccount: string): iam.IPrincipal {
  return new iam.SessionTagsPrincipal(
    new iam.ServicePrincipal('pods.eks.amazonaws.com').withConditions({
      StringEquals: {
        'aws:SourceAccount': Stack.of(scope).account,
        'aws:RequestTag/eks-cluster-arn': cluster.clusterArn,
        'aws:RequestTag/kubernetes-namespace': namespace,
        'aws:RequestTag/kubernetes-service-account': serviceAccount,
      },
    }),
  );
}

/** Web identity from the cluster's issuer, for exactly `system:serviceaccount:<namespace>:<name>` and audience STS. */
function irsaPrincipal(scope: Construct, provider: iam.IOpenIdConnectProvider, namespace: string, serviceAccount: string): iam.IPrincipal {
  // The issuer is a deploy-time value, so the condition keys go through CfnJson.
  const conditions = new CfnJson(scope, `TrustConditions${namespace}${serviceAccount}`, {
    value: {
      [`${provider.openIdConnectProviderIssuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
      [`${provider.openIdConnectProviderIssuer}:aud`]: 'sts.amazonaws.com',
    },
  });
  return new iam.OpenIdConnectPrincipal(provider, { StringEquals: conditions });
}

/**
 * An IAM role for the pods of exactly one service account in one namespace of one cluster, through
 * EKS Pod Identity (an association, and a trust policy that checks the session tags EKS sets) or
 * IRSA (a trust policy on the cluster's OIDC issuer with exact `sub` and `aud`), and the service
 * account itself when the cluster has kubectl. Grant it permissions like any principal:
 * `bucket.grantRead(identity)`.
 */
export class WorkloadIdentity extends Construct implements iam.IGrantable {
  /** The role pods assume. */
  public readonly role: iam.Role;
  public readonly grantPrincipal: iam.IPrincipal;
  public readonly namespace: string;
  public readonly serviceAccountName: string;
  public readonly identityType: eks.IdentityType;
  /** The Kubernetes ServiceAccount object, when this construct created it. */
  public readonly serviceAccountManifest?: eks.KubernetesManifest;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    this.namespace = props.namespace;
    this.serviceAccountName = props.serviceAccount;
    this.identityType = props.identityType ?? eks.IdentityType.POD_IDENTITY;
    this.role = workloadRole(this, 'Role', props);
    this.grantPrincipal = this.role;
    const irsa = this.identityType === eks.IdentityType.IRSA;
    if (!irsa) this.associate(props.cluster);
    if (props.createServiceAccount ?? props.cluster.kubectlProvider !== undefined) {
      this.serviceAccountManifest = props.cluster.addManifest(`${Names.uniqueId(this)}ServiceAccount`, this.serviceAccountObject(irsa));
    }
  }

  private associate(cluster: eks.Cluster): void {
    const association = new eks.CfnPodIdentityAssociation(this, 'Association', {
      clusterName: cluster.clusterName,
      namespace: this.namespace,
      serviceAccount: this.serviceAccountName,
      roleArn: this.role.roleArn,
    });
    // The agent serves the credentials; without it the association does nothing.
    association.node.addDependency(cluster.eksPodIdentityAgent!);
  }

  /** The service account: IRSA needs the role annotation; neither mechanism needs the API token mounted by default. */
  private serviceAccountObject(irsa: boolean): Record<string, unknown> {
    return {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: this.serviceAccountName,
        namespace: this.namespace,
        ...(irsa ? { annotations: { 'eks.amazonaws.com/role-arn': this.role.roleArn } } : {}),
      },
      automountServiceAccountToken: false,
    };
  }
}
