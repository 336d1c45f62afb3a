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
