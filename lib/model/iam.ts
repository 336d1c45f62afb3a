import { z } from 'zod';
import { isoDate, resourceBase } from './common';
import { inlinePolicySchema, policyDocumentSchema } from './policy-document';
import { resolvable } from './resolvable';

const rstring = resolvable(z.string());
const rbool = resolvable(z.boolean());
const rint = resolvable(z.number().int());

/** Account password policy (`GetAccountPasswordPolicy`). */
export const passwordPolicySchema = z.strictObject({
  minimumLength: z.number().int(),
  requireSymbols: z.boolean(),
  requireNumbers: z.boolean(),
  requireUppercase: z.boolean(),
  requireLowercase: z.boolean(),
  allowUsersToChangePassword: z.boolean(),
  /** Days; absent when passwords never expire. */
  maxPasswordAge: z.number().int().optional(),
  /** Number of previous passwords that cannot be reused; absent when reuse is not prevented. */
  passwordReusePrevention: z.number().int().optional(),
  hardExpiry: z.boolean(),
});

const accessKeySlotSchema = z.strictObject({
  active: z.boolean(),
  lastRotated: isoDate.optional(),
  lastUsed: isoDate.optional(),
  lastUsedRegion: z.string().optional(),
  lastUsedService: z.string().optional(),
});

const certificateSlotSchema = z.strictObject({ active: z.boolean(), lastRotated: isoDate.optional() });

/** One row of the IAM credential report. The root user's row has `user: '<root_account>'`. */
export const credentialReportRowSchema = z.strictObject({
  user: z.string(),
  arn: z.string(),
  userCreationTime: isoDate.optional(),
  /** The root row reports `not_supported` for password fields; the source maps it to `undefined` there. */
  passwordEnabled: z.boolean().optional(),
  passwordLastUsed: isoDate.optional(),
  passwordLastChanged: isoDate.optional(),
  passwordNextRotation: isoDate.optional(),
  mfaActive: z.boolean(),
  accessKeys: z.array(accessKeySlotSchema),
  signingCertificates: z.array(certificateSlotSchema),
});

export const virtualMfaDeviceSchema = z.strictObject({
  serialNumber: z.string(),
  /** ARN of the user (or root) the device is assigned to; absent when unassigned. */
  userArn: z.string().optional(),
  enableDate: isoDate.optional(),
});

/**
 * Account-wide IAM facts, one per account (region `global`). Collected by several calls; when one
 * fails, its part is left empty and the coverage entry names the part (`passwordPolicy`,
 * `credentialReport`, `summary`, `virtualMfaDevices`) so checks reading only other parts still run.
 */
export const iamAccountSchema = z.strictObject({
  kind: z.literal('iam.account'),
  ...resourceBase,
  accountId: z.string(),
  /** `null` when the account has no password policy (IAM answers NoSuchEntity): a fact, not a failure. */
  passwordPolicy: passwordPolicySchema.nullable(),
  /** `GetAccountSummary` map, e.g. `AccountMFAEnabled`, `AccountAccessKeysPresent`. */
  summary: z.record(z.string(), z.number()),
  credentialReport: z.strictObject({ generatedAt: isoDate.optional(), rows: z.array(credentialReportRowSchema) }),
  virtualMfaDevices: z.array(virtualMfaDeviceSchema),
});

export const iamUserSchema = z.strictObject({
  kind: z.literal('iam.user'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  path: z.string().optional(),
  createdAt: isoDate.optional(),
  inlinePolicies: z.array(inlinePolicySchema),
  /** Ids (ARNs) of attached managed policies; see `iam.policy`. */
  attachedPolicies: z.array(rstring),
  /** Ids (ARNs) of the groups the user belongs to. */
  groups: z.array(rstring),
  permissionsBoundary: rstring.optional(),
  /** A console password exists (template: an `AWS::IAM::User` LoginProfile). */
  hasConsolePassword: rbool.optional(),
});

export const iamGroupSchema = z.strictObject({
  kind: z.literal('iam.group'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  path: z.string().optional(),
  inlinePolicies: z.array(inlinePolicySchema),
  attachedPolicies: z.array(rstring),
});

export const iamRoleSchema = z.strictObject({
  kind: z.literal('iam.role'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  path: z.string().optional(),
  createdAt: isoDate.optional(),
  /** The assume-role (trust) policy. */
  trustPolicy: resolvable(policyDocumentSchema),
  inlinePolicies: z.array(inlinePolicySchema),
  attachedPolicies: z.array(rstring),
  permissionsBoundary: rstring.optional(),
  maxSessionDurationSeconds: rint.optional(),
  lastUsed: z.strictObject({ date: isoDate.optional(), region: z.string().optional() }).optional(),
  /** ARNs of instance profiles that carry this role. */
  instanceProfiles: z.array(z.string()).optional(),
});

/** A managed policy with the document of its default version. */
export const iamPolicySchema = z.strictObject({
  kind: z.literal('iam.policy'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  path: z.string().optional(),
  /** AWS managed (`arn:aws:iam::aws:policy/...`) rather than customer managed. */
  awsManaged: z.boolean(),
  defaultVersionId: z.string().optional(),
  document: resolvable(policyDocumentSchema),
  attachmentCount: z.number().int().optional(),
  isAttachable: z.boolean().optional(),
});

/** An IAM OIDC identity provider; EKS clusters and GitHub Actions are the usual issuers. */
export const iamOidcProviderSchema = z.strictObject({
  kind: z.literal('iam.oidc-provider'),
  ...resourceBase,
  arn: rstring,
  /** Issuer without the scheme, as IAM stores it: `oidc.eks.eu-west-1.amazonaws.com/id/ABC…`. */
  url: rstring,
  clientIds: z.array(rstring),
  thumbprints: z.array(rstring),
});

export const iamServerCertificateSchema = z.strictObject({
  kind: z.literal('iam.server-certificate'),
  ...resourceBase,
  name: z.string(),
  arn: z.string(),
  expiration: isoDate.optional(),
  uploadDate: isoDate.optional(),
});

/** IAM Access Analyzer analyzers, per region. */
export const accessAnalyzerSchema = z.strictObject({
  kind: z.literal('accessanalyzer.analyzer'),
  ...resourceBase,
  name: rstring,
  arn: rstring,
  /** ACCOUNT, ORGANIZATION, or their _UNUSED_ACCESS variants. */
  type: rstring,
  /** ACTIVE, CREATING, DISABLED or FAILED; templates declare ACTIVE. */
  status: rstring,
});

export interface IamAccount extends z.infer<typeof iamAccountSchema> {}
export interface IamUser extends z.infer<typeof iamUserSchema> {}
export interface IamGroup extends z.infer<typeof iamGroupSchema> {}
export interface IamRole extends z.infer<typeof iamRoleSchema> {}
export interface IamPolicy extends z.infer<typeof iamPolicySchema> {}
export interface IamOidcProvider extends z.infer<typeof iamOidcProviderSchema> {}
export interface IamServerCertificate extends z.infer<typeof iamServerCertificateSchema> {}
export interface AccessAnalyzer extends z.infer<typeof accessAnalyzerSchema> {}
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;
export type CredentialReportRow = z.infer<typeof credentialReportRowSchema>;
