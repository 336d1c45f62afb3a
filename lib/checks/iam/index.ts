import type { Check } from '../../engine/check';
import { iamAccessAnalyzerEnabled } from './access-analyzer-enabled';
import { iamAccessKeysRotated } from './access-keys-rotated';
import { iamAttachedPoliciesNoFullAdmin } from './attached-policies-no-full-admin';
import { iamCloudshellFullAccessRestricted } from './cloudshell-full-access-restricted';
import { iamConsoleUsersMfa } from './console-users-mfa';
import { iamGroupInlinePoliciesNoFullAdmin } from './group-inline-policies-no-full-admin';
import { iamGroupInlinePoliciesNoKmsDecryptAll } from './group-inline-policies-no-kms-decrypt-all';
import { iamGroupsNoAdministratorAccess } from './groups-no-administrator-access';
import { iamNoAccessKeysAtInitialSetup } from './no-access-keys-at-initial-setup';
import { iamPasswordPolicyComplexity } from './password-policy-complexity';
import { iamPasswordPolicyExists } from './password-policy-exists';
import { iamPasswordPolicyExpiry } from './password-policy-expiry';
import { iamPasswordPolicyMinLength } from './password-policy-min-length';
import { iamPasswordPolicyReusePrevention } from './password-policy-reuse-prevention';
import { iamPoliciesNoAllowNotaction } from './policies-no-allow-notaction';
import { iamPoliciesNoAssumeRoleOnAll } from './policies-no-assume-role-on-all';
import { iamPoliciesNoKmsDecryptAll } from './policies-no-kms-decrypt-all';
import { iamPoliciesNoPrivilegeEscalation } from './policies-no-privilege-escalation';
import { iamPoliciesNoServiceWildcards } from './policies-no-service-wildcards';
import { iamRoleInlinePoliciesNoFullAdmin } from './role-inline-policies-no-full-admin';
import { iamRoleInlinePoliciesNoKmsDecryptAll } from './role-inline-policies-no-kms-decrypt-all';
import { iamRoleOidcTrustHasAud } from './role-oidc-trust-has-aud';
import { iamRoleOidcTrustHasSub } from './role-oidc-trust-has-sub';
import { iamRoleOidcTrustSubNotWildcard } from './role-oidc-trust-sub-not-wildcard';
import { iamRoleTrustCrossAccountConditions } from './role-trust-cross-account-conditions';
import { iamRoleTrustNoAnyPrincipal } from './role-trust-no-any-principal';
import { iamRoleTrustServiceConfusedDeputy } from './role-trust-service-confused-deputy';
import { iamRolesNoAdministratorAccess } from './roles-no-administrator-access';
import { iamRolesNoPrivilegeEscalation } from './roles-no-privilege-escalation';
import { iamRootHardwareMfa } from './root-hardware-mfa';
import { iamRootMfaEnabled } from './root-mfa-enabled';
import { iamRootNoAccessKeys } from './root-no-access-keys';
import { iamRootNotUsedRecently } from './root-not-used-recently';
import { iamServerCertificatesNotExpired } from './server-certificates-not-expired';
import { iamSupportRoleExists } from './support-role-exists';
import { iamUnattachedPoliciesNoFullAdmin } from './unattached-policies-no-full-admin';
import { iamUnusedCredentialsDisabled } from './unused-credentials-disabled';
import { iamUserInlinePoliciesNoFullAdmin } from './user-inline-policies-no-full-admin';
import { iamUserInlinePoliciesNoKmsDecryptAll } from './user-inline-policies-no-kms-decrypt-all';
import { iamUsersNoAdministratorAccess } from './users-no-administrator-access';
import { iamUsersNoDirectPolicies } from './users-no-direct-policies';
import { iamUsersNoPrivilegeEscalation } from './users-no-privilege-escalation';
import { iamUsersNotBothPasswordAndKeys } from './users-not-both-password-and-keys';
import { iamUsersOneActiveKey } from './users-one-active-key';

/** IAM checks in report order: root, password policy, credentials, policies and permissions, trust, account-wide. */
export const IAM_CHECKS: readonly Check[] = [
  iamRootNoAccessKeys,
  iamRootMfaEnabled,
  iamRootHardwareMfa,
  iamRootNotUsedRecently,
  iamPasswordPolicyExists,
  iamPasswordPolicyMinLength,
  iamPasswordPolicyReusePrevention,
  iamPasswordPolicyComplexity,
  iamPasswordPolicyExpiry,
  iamConsoleUsersMfa,
  iamNoAccessKeysAtInitialSetup,
  iamUsersNotBothPasswordAndKeys,
  iamUnusedCredentialsDisabled,
  iamUsersOneActiveKey,
  iamAccessKeysRotated,
  iamUsersNoDirectPolicies,
  iamUsersNoAdministratorAccess,
  iamGroupsNoAdministratorAccess,
  iamRolesNoAdministratorAccess,
  iamAttachedPoliciesNoFullAdmin,
  iamUnattachedPoliciesNoFullAdmin,
  iamUserInlinePoliciesNoFullAdmin,
  iamGroupInlinePoliciesNoFullAdmin,
  iamRoleInlinePoliciesNoFullAdmin,
  iamUsersNoPrivilegeEscalation,
  iamRolesNoPrivilegeEscalation,
  iamPoliciesNoPrivilegeEscalation,
  iamPoliciesNoServiceWildcards,
  iamPoliciesNoAllowNotaction,
  iamPoliciesNoAssumeRoleOnAll,
  iamPoliciesNoKmsDecryptAll,
  iamUserInlinePoliciesNoKmsDecryptAll,
  iamGroupInlinePoliciesNoKmsDecryptAll,
  iamRoleInlinePoliciesNoKmsDecryptAll,
  iamRoleTrustNoAnyPrincipal,
  iamRoleTrustCrossAccountConditions,
  iamRoleTrustServiceConfusedDeputy,
  iamRoleOidcTrustHasSub,
  iamRoleOidcTrustSubNotWildcard,
  iamRoleOidcTrustHasAud,
  iamSupportRoleExists,
  iamCloudshellFullAccessRestricted,
  iamServerCertificatesNotExpired,
  iamAccessAnalyzerEnabled,
];
