/**
 * `hardeks/constructs`: CDK integration. aws-cdk-lib is imported only under constructs/ and bin/.
 * HardeksValidation audits every stack's synthesized template at `cdk synth` with the same checks
 * as `hardeks audit`, and records accepted risks in the template metadata. HardenedEksCluster,
 * HardenedVpc and AccountSecurityBaseline deploy what those checks expect, and verify themselves.
 */
export { HardeksValidation, AcknowledgementError, type HardeksValidationProps, type HardeksAcknowledgement } from './validation';
export { HardenedEksCluster, type HardenedEksClusterProps } from './hardened-eks-cluster';
export { HardenedVpc, type HardenedVpcProps } from './hardened-vpc';
export { type HardenedNodegroupOptions } from './nodegroups';
export { WorkloadIdentity, type WorkloadIdentityOptions, type WorkloadIdentityProps } from './workload-identity';
export { ClusterAccessLevel, type ClusterAccessOptions } from './cluster-access';
export { AccountSecurityBaseline, GuardDutyMode, type AccountSecurityBaselineProps, type PasswordPolicyOptions } from './account-security-baseline';
export { SecureTrail, type SecureTrailProps } from './baseline/secure-trail';
export { HardeningValidationError, HardeningErrorCode } from './errors';
export { ScheduledAudit, AuditConstructError, AUDIT_HANDLERS, auditBundleCode, type ScheduledAuditProps, type AuditDeliveryOptions } from './scheduled-audit';
export { OrganizationAudit, type OrganizationAuditProps, type MemberRoleDeployment } from './organization-audit';
export { MemberAuditRole, memberAuditRoleTemplate, DEFAULT_MEMBER_ROLE_NAME, DEFAULT_AUDITOR_ROLE_NAME, MEMBER_TEMPLATE_PARAMETERS, type MemberAuditRoleProps } from './member-audit-role';
