import { Annotations, Stack } from 'aws-cdk-lib';
import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { applyAccountSetting, EBS_ENCRYPTION_BY_DEFAULT, imdsDefaults, passwordPolicy } from './baseline/account-settings';
import { SecureTrail } from './baseline/secure-trail';
import { encryptLogGroups } from './encrypt-log-groups';
import { HardeningErrorCode, HardeningValidationError } from './errors';
import { logsKey } from './keys';
import { acknowledgeAwsManagedPolicies, acknowledgeRule, AWS_SOLUTIONS, MANAGED_POLICY_REASONS, NIST_800_53_R5 } from './nag-acknowledgements';
import { requireHopLimit } from './nodegroups';
import { requireRetention } from './retention';
import { verifyWithHardeks } from './self-verification';

/** What the baseline does about GuardDuty in this region. */
export enum GuardDutyMode {
  /** Create a detector with EKS audit logs, Runtime Monitoring with the EKS add-on managed, and every other protection plan. */
  CREATE = 'CREATE',
  /**
   * The account already has a detector (an organization's delegated administrator enables and
   * configures it): create none, since a second detector cannot exist. The administrator keeps
   * EKS_AUDIT_LOGS and RUNTIME_MONITORING with EKS_ADDON_MANAGEMENT on; `hardeks audit` checks it live.
   */
  ADOPT_EXISTING = 'ADOPT_EXISTING',
  /** Leave GuardDuty alone. */
  NONE = 'NONE',
}

/** The IAM password policy; the defaults meet CIS AWS Foundations and hardeks' password checks. */
export interface PasswordPolicyOptions {
  /** At least 14. @default 14 */
  readonly minimumLength?: number;
  /** How many previous passwords cannot be reused; at least 24. @default 24 */
  readonly reusePrevention?: number;
  /** Days before a password expires, 1 to 90. @default 90 */
  readonly maxAgeDays?: number;
}

export interface AccountSecurityBaselineProps {
  /**
   * A multi-region CloudTrail trail (log file validation, KMS, CloudWatch Logs, a protected bucket
   * with access logs). Turn it off when an organization trail already records this account.
   * @default true
   */
  readonly cloudTrail?: boolean;
  /** @default - a unique name derived from the construct path */
  readonly trailName?: string;
  /**
   * Record S3 object-level reads and writes of every bucket in the trail (CIS AWS 3.8/3.9; data
   * events are billed per event).
   * @default true
   */
  readonly s3DataEvents?: boolean;
  /**
   * CloudTrail Insights on API call and error rates (CIS AWS 3.x monitoring; billed per event analysed).
   * @default true
   */
  readonly insights?: boolean;
  /**
   * How long the trail's CloudWatch Logs copy is kept (at least 90 days).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly trailLogRetention?: logs.RetentionDays;
  /** @default GuardDutyMode.CREATE */
  readonly guardDuty?: GuardDutyMode;
  /**
   * The id of the detector that already exists, recorded as `detectorId` (ADOPT_EXISTING only).
   * @default - not recorded
   */
  readonly existingDetectorId?: string;
  /**
   * Turn on EBS encryption by default in this region.
   * @default true
   */
  readonly ebsEncryptionByDefault?: boolean;
  /**
   * Require IMDSv2 by default for instances launched in this region without metadata options.
   * @default true
   */
  readonly imdsV2ByDefault?: boolean;
  /**
   * The default IMDS hop limit: 1, or 2 as an explicit opt-in for containers outside EKS that read instance metadata.
   * @default 1
   */
  readonly imdsDefaultHopLimit?: number;
  /**
   * Set the account's IAM password policy (global: deploy the baseline with it in one region only).
   * @default true
   */
  readonly passwordPolicy?: boolean;
  /** @default - the CIS values of PasswordPolicyOptions */
  readonly passwordPolicyOptions?: PasswordPolicyOptions;
  /**
   * An IAM Access Analyzer for the account in this region.
   * @default true
   */
  readonly accessAnalyzer?: boolean;
  /**
   * A role for incident handling with AWS Support (AWSSupportAccess), assumable from this account (CIS AWS 1.17).
   * @default true
   */
  readonly supportRole?: boolean;
  /**
   * Key that encrypts the baseline's log groups.
   * @default - a new rotating key that only CloudWatch Logs of this account and region may use
   */
  readonly logsEncryptionKey?: kms.IKey;
  /**
   * Audit this construct's resources with hardeks' checks at synth; a FAIL fails the synth.
   * @default true
   */
  readonly verify?: boolean;
}

/**
 * The account-level controls an EKS account needs, each optional: a multi-region CloudTrail trail,
 * a GuardDuty detector with EKS audit logs and Runtime Monitoring (or the organization's, adopted),
 * EBS encryption and IMDSv2 by default in the region, a CIS password policy, IAM Access Analyzer,
 * and an AWS Support role.
 */
export class AccountSecurityBaseline extends Construct {
  /** The key of the baseline's log groups (the trail's CloudWatch Logs copy, CDK provider functions), when it has any. */
  public readonly logsEncryptionKey?: kms.IKey;
  public readonly trail?: SecureTrail;
  /** The detector this baseline created, or the adopted one's id when given. */
  public readonly detectorId?: string;
  public readonly analyzer?: accessanalyzer.CfnAnalyzer;
  public readonly supportRole?: iam.Role;

  constructor(scope: Construct, id: string, props: AccountSecurityBaselineProps = {}) {
    super(scope, id);
    const guardDutyMode = props.guardDuty ?? GuardDutyMode.CREATE;
    if (props.existingDetectorId !== undefined && guardDutyMode !== GuardDutyMode.ADOPT_EXISTING) {
      throw new HardeningValidationError(HardeningErrorCode.GUARDDUTY_MODE, `existingDetectorId is only used with GuardDutyMode.ADOPT_EXISTING (mode is ${guardDutyMode})`, this);
    }
    const settings = { ebs: props.ebsEncryptionByDefault ?? true, imds: props.imdsV2ByDefault ?? true, passwords: props.passwordPolicy ?? true };
    // Only what writes logs (the trail, the account-setting provider function) needs the key.
    const writesLogs = (props.cloudTrail ?? true) || Object.values(settings).some(Boolean);
    this.logsEncryptionKey = props.logsEncryptionKey ?? (writesLogs ? logsKey(this, 'LogsKey', `${this.node.path} CloudWatch Logs`) : undefined);
    if (props.cloudTrail ?? true) {
      this.trail = new SecureTrail(this, 'CloudTrail', {
        ...(this.logsEncryptionKey ? { logsEncryptionKey: this.logsEncryptionKey } : {}),
        ...(props.trailName !== undefined ? { trailName: props.trailName } : {}),
        logRetention: requireRetention(props.trailLogRetention ?? logs.RetentionDays.ONE_YEAR, 'trailLogRetention', this),
        s3DataEvents: props.s3DataEvents ?? true,
        insights: props.insights ?? true,
      });
    }
    this.detectorId = this.setUpGuardDuty(guardDutyMode, props.existingDetectorId);
    if (settings.ebs) applyAccountSetting(this, 'EbsEncryptionByDefault', EBS_ENCRYPTION_BY_DEFAULT);
    if (settings.imds) applyAccountSetting(this, 'ImdsV2ByDefault', imdsDefaults(requireHopLimit(props.imdsDefaultHopLimit, this, 'containers on instances launched with the region defaults')));
    if (settings.passwords) applyAccountSetting(this, 'PasswordPolicy', passwordPolicy(requireCisPasswordPolicy(props.passwordPolicyOptions ?? {}, this)));
    if (props.accessAnalyzer ?? true) this.analyzer = new accessanalyzer.CfnAnalyzer(this, 'AccessAnalyzer', { type: 'ACCOUNT' });
    if (props.supportRole ?? true) this.supportRole = supportRole(this);
    acknowledgeRequiredFindings(this, this.logsEncryptionKey);
    if (props.verify ?? true) verifyWithHardeks(this);
  }

  private setUpGuardDuty(mode: GuardDutyMode, existingDetectorId: string | undefined): string | undefined {
    if (mode === GuardDutyMode.CREATE) return new guardduty.CfnDetector(this, 'GuardDuty', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES', features: DETECTOR_FEATURES }).ref;
    if (mode === GuardDutyMode.ADOPT_EXISTING) {
      Annotations.of(this).addInfo(
        'GuardDuty: adopting the existing detector. Its administrator must keep EKS_AUDIT_LOGS and RUNTIME_MONITORING (with EKS_ADDON_MANAGEMENT) enabled; `hardeks audit` checks this on the live account.',
      );
      return existingDetectorId;
    }
    return undefined;
  }
}

/**
 * Every protection plan, named so that none depends on GuardDuty's defaults. Runtime Monitoring
 * (not the legacy EKS_RUNTIME_MONITORING) with the agent managed by GuardDuty on EKS, EC2 and Fargate.
 */
const DETECTOR_FEATURES: guardduty.CfnDetector.CFNFeatureConfigurationProperty[] = [
  { name: 'EKS_AUDIT_LOGS', status: 'ENABLED' },
  {
    name: 'RUNTIME_MONITORING',
    status: 'ENABLED',
    additionalConfiguration: ['EKS_ADDON_MANAGEMENT', 'EC2_AGENT_MANAGEMENT', 'ECS_FARGATE_AGENT_MANAGEMENT'].map((name) => ({ name, status: 'ENABLED' })),
  },
  { name: 'S3_DATA_EVENTS', status: 'ENABLED' },
  { name: 'EBS_MALWARE_PROTECTION', status: 'ENABLED' },
  { name: 'RDS_LOGIN_EVENTS', status: 'ENABLED' },
  { name: 'LAMBDA_NETWORK_LOGS', status: 'ENABLED' },
];

/** CIS AWS Foundations: at least 14 characters, 24 remembered passwords; hardeks also expects expiry within 90 days. */
function requireCisPasswordPolicy(options: PasswordPolicyOptions, scope: Construct): { minimumLength: number; reusePrevention: number; maxAgeDays: number } {
  const policy = { minimumLength: options.minimumLength ?? 14, reusePrevention: options.reusePrevention ?? 24, maxAgeDays: options.maxAgeDays ?? 90 };
  const problems = [
    ...(policy.minimumLength < 14 || policy.minimumLength > 128 ? [`minimumLength must be 14 to 128 (got ${policy.minimumLength})`] : []),
    ...(policy.reusePrevention !== 24 ? [`reusePrevention must be 24, the most IAM allows (got ${policy.reusePrevention})`] : []),
    ...(policy.maxAgeDays < 1 || policy.maxAgeDays > 90 ? [`maxAgeDays must be 1 to 90 (got ${policy.maxAgeDays})`] : []),
  ];
  if (problems.length > 0) throw new HardeningValidationError(HardeningErrorCode.PASSWORD_POLICY, problems.join('; '), scope);
  return policy;
}

/**
 * Rule-pack findings on what the baseline must contain: the AWS managed policy CIS names for the
 * support role, and CDK's AWS API custom resources (account settings CloudFormation has no
 * resource for). Each is acknowledged with its reason; anything else stays reported.
 */
function acknowledgeRequiredFindings(scope: Construct, logsEncryptionKey: kms.IKey | undefined): void {
  for (const role of scope.node.findAll().filter((c): c is iam.CfnRole => c instanceof iam.CfnRole)) acknowledgeAwsManagedPolicies(role, MANAGED_POLICY_REASONS);
  const settings = scope.node.findAll().filter((c): c is cr.AwsCustomResource => c instanceof cr.AwsCustomResource);
  for (const setting of settings) {
    acknowledgeRule(setting, AWS_SOLUTIONS, 'IAM5', 'The account-setting APIs (EnableEbsEncryptionByDefault, ModifyInstanceMetadataDefaults, UpdateAccountPasswordPolicy) accept no resource but *.', 'Resource::*');
    acknowledgeRule(setting, NIST_800_53_R5, 'IAMNoInlinePolicy', 'CDK-generated policy of an AWS API custom resource: exactly the one action it calls.');
  }
  // CDK shares one provider function per stack for every AWS API custom resource.
  const provider = settings.length > 0 ? Stack.of(scope).node.tryFindChild(`AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`) : undefined;
  if (provider === undefined) return;
  // CDK gives the provider function a log group of its own when the app asks for managed log groups.
  if (logsEncryptionKey) encryptLogGroups(provider, logsEncryptionKey);
  for (const role of provider.node.findAll().filter((c): c is iam.CfnRole => c instanceof iam.CfnRole)) acknowledgeAwsManagedPolicies(role, MANAGED_POLICY_REASONS);
  const cdkInternal = 'CDK-internal provider of AWS API custom resources, invoked only by CloudFormation';
  acknowledgeRule(provider, NIST_800_53_R5, 'LambdaConcurrency', `${cdkInternal}; reserved concurrency would only add a way for a deployment to fail.`);
  acknowledgeRule(provider, NIST_800_53_R5, 'LambdaDLQ', `${cdkInternal}, synchronously: CloudFormation reports every failure.`);
  acknowledgeRule(provider, NIST_800_53_R5, 'LambdaInsideVPC', `${cdkInternal}; it calls AWS APIs only and reaches nothing in a VPC.`);
}

/** CIS AWS 1.17: a role that people of this account assume to work with AWS Support on incidents. */
function supportRole(scope: Construct): iam.Role {
  return new iam.Role(scope, 'SupportRole', {
    description: 'Incident handling with AWS Support (CIS AWS Foundations 1.17)',
    assumedBy: new iam.AccountRootPrincipal(),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AWSSupportAccess')],
  });
}
