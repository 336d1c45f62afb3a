import { isUnresolved, unresolved, type EksCluster, type EksPodIdentityAssociation, type Resolvable } from '../../../model';
import { bool, get, int, oneOf, str, strList, type MapContext } from '../context';
import type { Resolved } from '../intrinsics';
import { externalClusterId, owns, type Mapper } from './mapper';

const CLUSTER_TYPES = ['AWS::EKS::Cluster', 'Custom::AWSCDK-EKS-Cluster'];

/**
 * The settings of a cluster, whichever resource declares them: the native `AWS::EKS::Cluster`
 * (PascalCase properties) or the classic aws-eks module's `Custom::AWSCDK-EKS-Cluster`, whose
 * `Config` is the EKS CreateCluster request (camelCase).
 */
interface ClusterSettings {
  name: Resolved | undefined;
  version: Resolved | undefined;
  roleArn: Resolved | undefined;
  subnetIds: Resolved | undefined;
  securityGroupIds: Resolved | undefined;
  publicAccess: Resolved | undefined;
  privateAccess: Resolved | undefined;
  publicAccessCidrs: Resolved | undefined;
  enabledLogTypes: Resolvable<string>[];
  encryption: { keyArn: Resolved | undefined; resources: Resolved | undefined }[] | Resolved;
  authenticationMode: Resolved | undefined;
  bootstrapAdmin: Resolved | undefined;
  deletionProtection: Resolved | undefined;
  supportType: Resolved | undefined;
  autoMode: Resolved | undefined;
}

function nativeSettings(x: MapContext): ClusterSettings {
  const p = x.props;
  const vpc = p.ResourcesVpcConfig;
  const logTypes = get(p, 'Logging', 'ClusterLogging', 'EnabledTypes');
  const encryption = p.EncryptionConfig;
  return {
    name: p.Name,
    version: p.Version,
    roleArn: p.RoleArn,
    subnetIds: get(vpc, 'SubnetIds'),
    securityGroupIds: get(vpc, 'SecurityGroupIds'),
    publicAccess: get(vpc, 'EndpointPublicAccess'),
    privateAccess: get(vpc, 'EndpointPrivateAccess'),
    publicAccessCidrs: get(vpc, 'PublicAccessCidrs'),
    enabledLogTypes: isUnresolved(logTypes) ? [logTypes] : x.objects(logTypes, 'Logging.ClusterLogging.EnabledTypes').flatMap((t) => strList(t.Type) ?? []),
    encryption: Array.isArray(encryption) ? encryption.map((e) => ({ keyArn: get(e, 'Provider', 'KeyArn'), resources: get(e, 'Resources') })) : (encryption ?? []),
    authenticationMode: get(p, 'AccessConfig', 'AuthenticationMode'),
    bootstrapAdmin: get(p, 'AccessConfig', 'BootstrapClusterCreatorAdminPermissions'),
    deletionProtection: p.DeletionProtection,
    supportType: get(p, 'UpgradePolicy', 'SupportType'),
    autoMode: get(p, 'ComputeConfig', 'Enabled'),
  };
}

function classicSettings(x: MapContext): ClusterSettings {
  const c = get(x.props, 'Config');
  const vpc = get(c, 'resourcesVpcConfig');
  const logging = get(c, 'logging', 'clusterLogging');
  const encryption = get(c, 'encryptionConfig');
  return {
    name: get(c, 'name'),
    version: get(c, 'version'),
    roleArn: get(c, 'roleArn'),
    subnetIds: get(vpc, 'subnetIds'),
    securityGroupIds: get(vpc, 'securityGroupIds'),
    publicAccess: get(vpc, 'endpointPublicAccess'),
    privateAccess: get(vpc, 'endpointPrivateAccess'),
    publicAccessCidrs: get(vpc, 'publicAccessCidrs'),
    enabledLogTypes: isUnresolved(logging)
      ? [logging]
      : x.objects(logging, 'Config.logging.clusterLogging').flatMap((entry) => {
          const enabled = bool(entry.enabled);
          if (enabled === false) return [];
          const types = strList(entry.types) ?? [];
          // A group whose `enabled` is unknown leaves each of its types unknown.
          return isUnresolved(enabled) ? types.map(() => enabled) : types;
        }),
    encryption: Array.isArray(encryption) ? encryption.map((e) => ({ keyArn: get(e, 'provider', 'keyArn'), resources: get(e, 'resources') })) : (encryption ?? []),
    authenticationMode: get(c, 'accessConfig', 'authenticationMode'),
    bootstrapAdmin: get(c, 'accessConfig', 'bootstrapClusterCreatorAdminPermissions'),
    deletionProtection: undefined,
    supportType: get(c, 'upgradePolicy', 'supportType'),
    autoMode: get(c, 'computeConfig', 'enabled'),
  };
}

/** The key that envelope-encrypts secrets: only an EncryptionConfig entry covering `secrets` counts. */
function secretsKey(encryption: ClusterSettings['encryption']): Resolvable<string> | undefined {
  if (isUnresolved(encryption)) return encryption;
  if (!Array.isArray(encryption)) return undefined;
  for (const entry of encryption as { keyArn: Resolved | undefined; resources: Resolved | undefined }[]) {
    const resources = strList(entry.resources) ?? [];
    const unknown = resources.find(isUnresolved);
    if (resources.includes('secrets')) return str(entry.keyArn) ?? unresolved('<EncryptionConfig key>');
    if (unknown) return unknown;
  }
  return undefined;
}

function toCluster(x: MapContext, s: ClusterSettings): EksCluster {
  const publicAccess = bool(s.publicAccess) ?? true; // EKS default
  const subnetIds = strList(s.subnetIds) ?? [];
  const key = secretsKey(s.encryption);
  const firstSubnet = x.scope.findReferenced(subnetIds[0] as Resolved, ['AWS::EC2::Subnet']);
  const vpcId = firstSubnet ? str(x.scope.properties(firstSubnet).VpcId) : undefined;
  const deletionProtection = bool(s.deletionProtection);
  return {
    kind: 'eks.cluster',
    name: str(s.name) ?? x.ref,
    arn: x.attribute('Arn'),
    version: str(s.version) ?? unresolved('<EKS default version>'),
    ...(s.roleArn !== undefined ? { roleArn: str(s.roleArn)! } : {}),
    endpoint: {
      publicAccess,
      privateAccess: bool(s.privateAccess) ?? false,
      // EKS opens a public endpoint to the whole internet unless CIDRs are given.
      publicAccessCidrs: strList(s.publicAccessCidrs) ?? (publicAccess === false ? [] : ['0.0.0.0/0']),
    },
    ...(vpcId !== undefined ? { vpcId } : {}),
    subnetIds,
    securityGroupIds: strList(s.securityGroupIds) ?? [],
    clusterSecurityGroupId: str(x.scope.referenceValue(x.logicalId, 'ClusterSecurityGroupId'))!,
    enabledLogTypes: s.enabledLogTypes,
    ...(key !== undefined ? { secretsKeyArn: key } : {}),
    oidcIssuer: str(x.scope.referenceValue(x.logicalId, 'OpenIdConnectIssuerUrl'))!,
    access: {
      // CloudFormation and the EKS API default to CONFIG_MAP (the console to API_AND_CONFIG_MAP).
      authenticationMode: str(s.authenticationMode) ?? 'CONFIG_MAP',
      bootstrapClusterCreatorAdminPermissions: bool(s.bootstrapAdmin) ?? true,
    },
    deletionProtection: deletionProtection ?? false,
    upgradeSupportType: str(s.supportType) ?? 'EXTENDED',
    autoMode: bool(s.autoMode) ?? false,
    ...x.base(),
  };
}

/** The owning cluster's id and name, from a `ClusterName` value (a Ref to a template cluster, or a literal name). */
function clusterOf(x: MapContext, value: Resolved | undefined): { clusterId: string; clusterName: Resolvable<string> } {
  const clusterName = str(value) ?? unresolved('<ClusterName>');
  const owner = x.scope.findReferenced(value, CLUSTER_TYPES);
  return { clusterId: owner ? x.scope.idOf(owner) : externalClusterId(clusterName, x), clusterName };
}

/** Add-ons that always install into kube-system; others may not, and then the namespace is not known. */
const KUBE_SYSTEM_ADDONS = new Set([
  'vpc-cni',
  'coredns',
  'kube-proxy',
  'aws-ebs-csi-driver',
  'aws-efs-csi-driver',
  'aws-mountpoint-s3-csi-driver',
  'eks-pod-identity-agent',
  'snapshot-controller',
]);

export const EKS_MAPPERS: readonly Mapper[] = [
  owns('AWS::EKS::Cluster', (x) => x.out.add(x.logicalId, toCluster(x, nativeSettings(x)))),
  owns('Custom::AWSCDK-EKS-Cluster', (x) => x.out.add(x.logicalId, toCluster(x, classicSettings(x)))),

  owns('AWS::EKS::Nodegroup', (x) => {
    const p = x.props;
    const lt = p.LaunchTemplate;
    const ltLogical = x.scope.findReferenced(get(lt, 'Id') ?? get(lt, 'Name'), ['AWS::EC2::LaunchTemplate']);
    const remote = p.RemoteAccess;
    const instanceTypes = strList(p.InstanceTypes);
    const diskSize = p.DiskSize;
    x.out.add(x.logicalId, {
      kind: 'eks.nodegroup',
      name: str(p.NodegroupName) ?? x.attribute('NodegroupName'),
      arn: x.attribute('Arn'),
      ...clusterOf(x, p.ClusterName),
      ...(p.Version !== undefined ? { version: str(p.Version)! } : {}),
      ...(p.ReleaseVersion !== undefined && typeof p.ReleaseVersion === 'string' ? { releaseVersion: p.ReleaseVersion } : {}),
      ...(p.AmiType !== undefined ? { amiType: str(p.AmiType)! } : {}),
      capacityType: str(p.CapacityType) ?? 'ON_DEMAND',
      nodeRoleArn: str(p.NodeRole) ?? unresolved('<NodeRole>'),
      subnetIds: strList(p.Subnets) ?? [],
      // Without a launch template EKS picks t3.medium; with one, the template decides.
      instanceTypes: instanceTypes ?? (lt === undefined ? ['t3.medium'] : []),
      ...(remote !== undefined
        ? { remoteAccess: { ...(get(remote, 'Ec2SshKey') !== undefined ? { ec2SshKey: str(get(remote, 'Ec2SshKey'))! } : {}), sourceSecurityGroups: strList(get(remote, 'SourceSecurityGroups')) ?? [] } }
        : {}),
      ...(lt !== undefined
        ? {
            launchTemplate: {
              ...(get(lt, 'Id') !== undefined ? { id: str(get(lt, 'Id'))! } : {}),
              ...(get(lt, 'Name') !== undefined ? { name: str(get(lt, 'Name'))! } : {}),
              // Omitted: the launch template's default version, which is the template's own when it declares the launch template.
              version: str(get(lt, 'Version')) ?? (ltLogical ? '1' : unresolved('<launch template default version>')),
            },
          }
        : {}),
      ...(diskSize !== undefined ? { diskSizeGiB: int(diskSize)! } : lt === undefined ? { diskSizeGiB: 20 } : {}),
      ...x.base(),
    });
  }),

  owns('AWS::EKS::Addon', (x) => {
    const p = x.props;
    const cluster = clusterOf(x, p.ClusterName);
    const name = str(p.AddonName) ?? unresolved('<AddonName>');
    const namespace = str(get(p, 'NamespaceConfig', 'Namespace')) ?? (typeof name === 'string' && KUBE_SYSTEM_ADDONS.has(name) ? 'kube-system' : unresolved(`<${x.logicalId} namespace>`));
    // Associations declared on the add-on are real associations: record them so Pod Identity checks see them.
    const associations: EksPodIdentityAssociation[] = x.objects(p.PodIdentityAssociations, 'PodIdentityAssociations').map((a) => {
      const serviceAccount = str(a.ServiceAccount) ?? unresolved('<ServiceAccount>');
      const id = `${x.id}/pod-identity/${isUnresolved(serviceAccount) ? serviceAccount.unresolved : serviceAccount}`;
      return {
        kind: 'eks.pod-identity-association',
        id,
        origin: x.origin(),
        associationId: id,
        ...cluster,
        namespace,
        serviceAccount,
        roleArn: str(a.RoleArn) ?? unresolved('<RoleArn>'),
      };
    });
    x.out.add(x.logicalId, {
      kind: 'eks.addon',
      name,
      arn: x.attribute('Arn'),
      ...cluster,
      ...(p.AddonVersion !== undefined ? { version: str(p.AddonVersion)! } : {}),
      ...(p.ServiceAccountRoleArn !== undefined ? { serviceAccountRoleArn: str(p.ServiceAccountRoleArn)! } : {}),
      ...(p.ConfigurationValues !== undefined ? { configurationValues: str(p.ConfigurationValues)! } : {}),
      podIdentityAssociations: associations.map((a) => a.id),
      ...x.base(),
    });
    for (const association of associations) {
      x.out.addShared(association);
      x.out.contributed(x.logicalId, association.id);
    }
  }),

  owns('AWS::EKS::AccessEntry', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'eks.access-entry',
      ...clusterOf(x, p.ClusterName),
      principalArn: str(p.PrincipalArn) ?? unresolved('<PrincipalArn>'),
      type: str(p.Type) ?? 'STANDARD',
      ...(p.Username !== undefined ? { username: str(p.Username)! } : {}),
      kubernetesGroups: strList(p.KubernetesGroups) ?? [],
      accessPolicies: x.objects(p.AccessPolicies, 'AccessPolicies').map((a) => ({
        policyArn: str(a.PolicyArn) ?? unresolved('<PolicyArn>'),
        scope: {
          type: oneOf(get(a, 'AccessScope', 'Type'), ['cluster', 'namespace'] as const, (s) => s.toLowerCase()) ?? unresolved('<AccessScope.Type>'),
          namespaces: strList(get(a, 'AccessScope', 'Namespaces')) ?? [],
        },
      })),
      ...x.base(),
    });
  }),

  owns('AWS::EKS::PodIdentityAssociation', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'eks.pod-identity-association',
      associationId: x.attribute('AssociationId'),
      ...clusterOf(x, p.ClusterName),
      namespace: str(p.Namespace) ?? unresolved('<Namespace>'),
      serviceAccount: str(p.ServiceAccount) ?? unresolved('<ServiceAccount>'),
      roleArn: str(p.RoleArn) ?? unresolved('<RoleArn>'),
      ...(p.TargetRoleArn !== undefined ? { targetRoleArn: str(p.TargetRoleArn)! } : {}),
      ...x.base(),
    });
  }),

  owns('AWS::EKS::IdentityProviderConfig', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'eks.identity-provider-config',
      name: str(p.IdentityProviderConfigName) ?? x.ref,
      ...clusterOf(x, p.ClusterName),
      issuerUrl: str(get(p, 'Oidc', 'IssuerUrl')) ?? unresolved('<Oidc.IssuerUrl>'),
      clientId: str(get(p, 'Oidc', 'ClientId')) ?? unresolved('<Oidc.ClientId>'),
      ...x.base(),
    });
  }),
];

