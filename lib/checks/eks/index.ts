import type { Check } from '../../engine/check';
import { eksAccessEntryPrincipalExists } from './access-entry-principal-exists';
import { eksAddonsHealthy } from './addons-healthy';
import { eksAuditLogMonitoredByGuardduty } from './audit-log-monitored-by-guardduty';
import { eksAuthenticationModeApi } from './authentication-mode-api';
import { eksClusterAdminNotIamUser } from './cluster-admin-not-iam-user';
import { eksClusterAdminsLimited } from './cluster-admins-limited';
import { eksClusterCreatorNotAdmin } from './cluster-creator-not-admin';
import { eksClusterOidcProviderExists } from './cluster-oidc-provider-exists';
import { eksClusterSecurityGroupsNotOpenToWorld } from './cluster-security-groups-not-open-to-world';
import { eksControlPlaneLogging } from './control-plane-logging';
import { eksDeletionProtectionEnabled } from './deletion-protection-enabled';
import { eksEndpointNotPublic } from './endpoint-not-public';
import { eksEndpointPrivateAccessEnabled } from './endpoint-private-access-enabled';
import { eksIrsaTrustAudSts } from './irsa-trust-aud-sts';
import { eksIrsaTrustHasSub } from './irsa-trust-has-sub';
import { eksIrsaTrustIssuerLive } from './irsa-trust-issuer-live';
import { eksIrsaTrustSubExact } from './irsa-trust-sub-exact';
import { eksIrsaTrustSubSingleNamespace } from './irsa-trust-sub-single-namespace';
import { eksNodegroupImdsHopLimitRestricted } from './nodegroup-imds-hop-limit-restricted';
import { eksNodegroupImdsv2Required } from './nodegroup-imdsv2-required';
import { eksNodegroupNoRemoteAccess } from './nodegroup-no-remote-access';
import { eksNodegroupRoleLeastPrivilege } from './nodegroup-role-least-privilege';
import { eksNodegroupRoleNoCniPolicy } from './nodegroup-role-no-cni-policy';
import { eksNodegroupSshNotOpenToWorld } from './nodegroup-ssh-not-open-to-world';
import { eksNodegroupSubnetsPrivate } from './nodegroup-subnets-private';
import { eksNodegroupVersionCurrent } from './nodegroup-version-current';
import { eksNodegroupVolumesEncrypted } from './nodegroup-volumes-encrypted';
import { eksOidcProviderHasCluster } from './oidc-provider-has-cluster';
import { eksPodIdentityAgentInstalled } from './pod-identity-agent-installed';
import { eksPodIdentityRoleSingleNamespace } from './pod-identity-role-single-namespace';
import { eksPodIdentityRoleTrustScoped } from './pod-identity-role-trust-scoped';
import { eksPodIdentityRoleTrustsEks } from './pod-identity-role-trusts-eks';
import { eksSecretsEncrypted } from './secrets-encrypted';
import { eksSecretsKeyCustomerManaged } from './secrets-key-customer-managed';
import { eksSecretsKeyEnabled } from './secrets-key-enabled';
import { eksSecretsKeyNotPendingDeletion } from './secrets-key-not-pending-deletion';
import { eksSecretsKeyRotated } from './secrets-key-rotated';
import { eksUpgradePolicyStandard } from './upgrade-policy-standard';
import { eksVersionNotNearEndOfSupport } from './version-not-near-end-of-support';
import { eksVersionStandardSupport } from './version-standard-support';
import { eksVpcCniNetworkPolicyEnabled } from './vpc-cni-network-policy-enabled';
import { eksWorkloadRoleNoPrivilegeEscalation } from './workload-role-no-privilege-escalation';
import { eksWorkloadRoleNotAdmin } from './workload-role-not-admin';

/** EKS checks in report order: control plane, cluster access, IRSA, Pod Identity, node groups, add-ons and network, detection. */
export const EKS_CHECKS: readonly Check[] = [
  // Control plane
  eksEndpointNotPublic,
  eksEndpointPrivateAccessEnabled,
  eksSecretsEncrypted,
  eksSecretsKeyCustomerManaged,
  eksSecretsKeyEnabled,
  eksSecretsKeyNotPendingDeletion,
  eksSecretsKeyRotated,
  eksControlPlaneLogging,
  eksVersionStandardSupport,
  eksVersionNotNearEndOfSupport,
  eksUpgradePolicyStandard,
  eksDeletionProtectionEnabled,
  // Cluster access
  eksAuthenticationModeApi,
  eksClusterCreatorNotAdmin,
  eksClusterAdminNotIamUser,
  eksClusterAdminsLimited,
  eksAccessEntryPrincipalExists,
  // Workload identity: IRSA
  eksIrsaTrustHasSub,
  eksIrsaTrustSubSingleNamespace,
  eksIrsaTrustSubExact,
  eksIrsaTrustAudSts,
  eksIrsaTrustIssuerLive,
  eksClusterOidcProviderExists,
  eksOidcProviderHasCluster,
  // Workload identity: Pod Identity, and what any pod role may do
  eksPodIdentityRoleTrustsEks,
  eksPodIdentityRoleTrustScoped,
  eksPodIdentityAgentInstalled,
  eksPodIdentityRoleSingleNamespace,
  eksWorkloadRoleNotAdmin,
  eksWorkloadRoleNoPrivilegeEscalation,
  // Node groups
  eksNodegroupSshNotOpenToWorld,
  eksNodegroupNoRemoteAccess,
  eksNodegroupImdsv2Required,
  eksNodegroupImdsHopLimitRestricted,
  eksNodegroupVolumesEncrypted,
  eksNodegroupRoleNoCniPolicy,
  eksNodegroupRoleLeastPrivilege,
  eksNodegroupSubnetsPrivate,
  eksNodegroupVersionCurrent,
  // Add-ons and network
  eksVpcCniNetworkPolicyEnabled,
  eksAddonsHealthy,
  eksClusterSecurityGroupsNotOpenToWorld,
  // Detection
  eksAuditLogMonitoredByGuardduty,
];
