import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';

/**
 * An account or regional setting that CloudFormation has no resource for, applied with one AWS
 * API call on create and update. Deleting the stack leaves the setting as it is: removing a
 * baseline must not silently weaken the account.
 */
export interface AccountSetting {
  /** SDK v3 service name, e.g. `EC2`. */
  readonly service: string;
  /** API action, e.g. `EnableEbsEncryptionByDefault`. */
  readonly action: string;
  readonly parameters?: Record<string, unknown>;
  /** The IAM action the call needs. */
  readonly iamAction: string;
  /** A stable id for the setting (it has no AWS resource id). */
  readonly settingId: string;
}

export function applyAccountSetting(scope: Construct, id: string, setting: AccountSetting): cr.AwsCustomResource {
  const call: cr.AwsSdkCall = {
    service: setting.service,
    action: setting.action,
    ...(setting.parameters ? { parameters: setting.parameters } : {}),
    physicalResourceId: cr.PhysicalResourceId.of(setting.settingId),
  };
  return new cr.AwsCustomResource(scope, id, {
    onCreate: call,
    onUpdate: call,
    // The SDK in the Lambda runtime is enough; nothing is downloaded at deploy time.
    installLatestAwsSdk: false,
    // These APIs have no resource-level permissions: `*` is the only resource they accept.
    policy: cr.AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({ actions: [setting.iamAction], resources: ['*'] })]),
  });
}

/** EBS encryption by default for every new volume and snapshot copy in the region. */
export const EBS_ENCRYPTION_BY_DEFAULT: AccountSetting = {
  service: 'EC2',
  action: 'EnableEbsEncryptionByDefault',
  iamAction: 'ec2:EnableEbsEncryptionByDefault',
  settingId: 'ebs-encryption-by-default',
};

/** IMDSv2 required, with the given hop limit, for instances launched in the region without metadata options of their own. */
export function imdsDefaults(hopLimit: number): AccountSetting {
  return {
    service: 'EC2',
    action: 'ModifyInstanceMetadataDefaults',
    parameters: { HttpTokens: 'required', HttpPutResponseHopLimit: hopLimit, HttpEndpoint: 'enabled', InstanceMetadataTags: 'disabled' },
    iamAction: 'ec2:ModifyInstanceMetadataDefaults',
    settingId: 'instance-metadata-defaults',
  };
}

/** The IAM password policy of the account (global: apply it from one region only). */
export function passwordPolicy(policy: { minimumLength: number; reusePrevention: number; maxAgeDays: number }): AccountSetting {
  return {
    service: 'IAM',
    action: 'UpdateAccountPasswordPolicy',
    parameters: {
      MinimumPasswordLength: policy.minimumLength,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      MaxPasswordAge: policy.maxAgeDays,
      PasswordReusePrevention: policy.reusePrevention,
      HardExpiry: false,
    },
    iamAction: 'iam:UpdateAccountPasswordPolicy',
    settingId: 'account-password-policy',
  };
}
