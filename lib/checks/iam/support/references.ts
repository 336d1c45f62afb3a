/** Reference URLs shared by the IAM and KMS checks. */
export const CIS_AWS = 'https://www.cisecurity.org/benchmark/amazon_web_services';
export const securityHubIam = (n: number) => `https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-${n}`;
export const securityHubKms = (n: number) => `https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-${n}`;
export const CREDENTIAL_REPORT = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html';
export const PASSWORD_POLICY = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html';
export const ROOT_USER = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html';
export const LEAST_PRIVILEGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege';
export const ROLE_TRUST = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html';
export const CONFUSED_DEPUTY = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html';
export const OIDC_TRUST = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub';
export const IRSA = 'https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html';
export const CIS_EKS = 'https://www.cisecurity.org/benchmark/kubernetes';

/** AWS Well-Architected security best practices, for checks no Security Hub or CIS control covers. */
const wellArchitected = (page: string) => `https://docs.aws.amazon.com/wellarchitected/latest/framework/${page}.html`;
/** SEC02-BP02 Use temporary credentials. */
export const WA_TEMPORARY_CREDENTIALS = wellArchitected('sec_identities_unique');
/** SEC03-BP02 Grant least privilege access. */
export const WA_LEAST_PRIVILEGE = wellArchitected('sec_permissions_least_privileges');
/** SEC03-BP07 Analyze public and cross-account access. */
export const WA_CROSS_ACCOUNT = wellArchitected('sec_permissions_analyze_cross_account');
/** SEC03-BP09 Share resources securely with a third party. */
export const WA_THIRD_PARTY = wellArchitected('sec_permissions_share_securely_third_party');
/** SEC08-BP01 Implement secure key management. */
export const WA_KEY_MANAGEMENT = wellArchitected('sec_protect_data_rest_key_mgmt');
/** SEC08-BP04 Enforce access control (data at rest). */
export const WA_DATA_ACCESS_CONTROL = wellArchitected('sec_protect_data_rest_access_control');
