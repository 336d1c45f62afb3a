import type {
  GetEbsDefaultKmsKeyIdResult,
  GetEbsEncryptionByDefaultResult,
  GetInstanceMetadataDefaultsResult,
  Instance as SdkInstance,
  InstanceMetadataOptionsResponse,
  LaunchTemplate as SdkLaunchTemplate,
  LaunchTemplateInstanceNetworkInterfaceSpecification,
  LaunchTemplateVersion as SdkLaunchTemplateVersion,
  Volume as SdkVolume,
} from '@aws-sdk/client-ec2';
import type { Instance, LaunchTemplate, LaunchTemplateVersion, MetadataOptions, RegionSettings, Volume } from '../../../../model';
import { compact, isoDate, tagMap } from '../../convert';
import { awsOrigin, distinct, ec2Arn, type Where } from './where';

/** Pure mappings from EC2's instance-side Describe* shapes and regional settings to the model. */

/** Tags EC2 puts on every instance launched from a launch template. */
export const LAUNCH_TEMPLATE_ID_TAG = 'aws:ec2launchtemplate:id';
export const LAUNCH_TEMPLATE_VERSION_TAG = 'aws:ec2launchtemplate:version';

/** What EC2 applies when an instance reports no metadata options: IMDSv1 allowed, one hop, endpoint on. */
export function instanceMetadataOptions(m: InstanceMetadataOptionsResponse | undefined): MetadataOptions {
  return {
    httpTokens: m?.HttpTokens === 'required' ? 'required' : 'optional',
    httpPutResponseHopLimit: m?.HttpPutResponseHopLimit ?? 1,
    httpEndpoint: m?.HttpEndpoint === 'disabled' ? 'disabled' : 'enabled',
  };
}

/** The launch template an instance came from, as EC2 records it in the instance's `aws:ec2launchtemplate:*` tags. */
export function launchTemplateOf(tags: Readonly<Record<string, string>>): Instance['launchTemplate'] {
  const launchTemplateId = tags[LAUNCH_TEMPLATE_ID_TAG];
  if (!launchTemplateId) return undefined;
  return { launchTemplateId, version: tags[LAUNCH_TEMPLATE_VERSION_TAG] ?? '$Default' };
}

export function toInstance(i: SdkInstance, at: Where): Instance {
  const arn = ec2Arn(at, 'instance', i.InstanceId!);
  const tags = tagMap(i.Tags);
  return compact({
    kind: 'ec2.instance' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags,
    instanceId: i.InstanceId!,
    state: i.State?.Name,
    vpcId: i.VpcId,
    subnetId: i.SubnetId,
    imageId: i.ImageId,
    metadataOptions: instanceMetadataOptions(i.MetadataOptions),
    publicIpAddress: i.PublicIpAddress,
    iamInstanceProfileArn: i.IamInstanceProfile?.Arn,
    // Secondary interfaces may carry groups of their own; all of them guard the instance.
    securityGroupIds: distinct([...(i.SecurityGroups ?? []).map((g) => g.GroupId), ...(i.NetworkInterfaces ?? []).flatMap((n) => (n.Groups ?? []).map((g) => g.GroupId))]),
    launchTemplate: launchTemplateOf(tags),
    volumeIds: distinct((i.BlockDeviceMappings ?? []).map((b) => b.Ebs?.VolumeId)),
    launchedAt: isoDate(i.LaunchTime),
  });
}

/** Whether a launch template's interfaces ask for a public IPv4 address; absent when none says. */
function associatePublicIp(interfaces: readonly LaunchTemplateInstanceNetworkInterfaceSpecification[]): boolean | undefined {
  const stated = interfaces.map((n) => n.AssociatePublicIpAddress).filter((v): v is boolean => v !== undefined);
  return stated.length === 0 ? undefined : stated.includes(true);
}

export function toLaunchTemplateVersion(v: SdkLaunchTemplateVersion): LaunchTemplateVersion {
  const data = v.LaunchTemplateData ?? {};
  const interfaces = data.NetworkInterfaces ?? [];
  const imds = data.MetadataOptions;
  return compact({
    versionNumber: v.VersionNumber!,
    // Left absent when the version does not say: the AMI's and the account's defaults decide then.
    metadataOptions: imds
      ? compact({
          httpTokens: imds.HttpTokens,
          httpPutResponseHopLimit: imds.HttpPutResponseHopLimit,
          httpEndpoint: imds.HttpEndpoint,
        })
      : undefined,
    blockDevices: (data.BlockDeviceMappings ?? [])
      .filter((b) => b.Ebs !== undefined)
      .map((b) =>
        compact({
          deviceName: b.DeviceName ?? 'unknown',
          encrypted: b.Ebs!.Encrypted,
          kmsKeyId: b.Ebs!.KmsKeyId,
          volumeType: b.Ebs!.VolumeType,
          volumeSize: b.Ebs!.VolumeSize,
        }),
      ),
    associatePublicIp: associatePublicIp(interfaces),
    securityGroupIds: distinct([...(data.SecurityGroupIds ?? []), ...interfaces.flatMap((n) => n.Groups ?? [])]),
    imageId: data.ImageId,
    keyName: data.KeyName,
    hasUserData: Boolean(data.UserData),
  });
}

/** A launch template with the versions collected for it, each once, in version order. */
export function toLaunchTemplate(t: SdkLaunchTemplate, versions: readonly SdkLaunchTemplateVersion[], at: Where): LaunchTemplate {
  const arn = ec2Arn(at, 'launch-template', t.LaunchTemplateId!);
  const byNumber = new Map(versions.filter((v) => v.VersionNumber !== undefined).map((v) => [v.VersionNumber!, v]));
  return compact({
    kind: 'ec2.launch-template' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(t.Tags),
    launchTemplateId: t.LaunchTemplateId!,
    name: t.LaunchTemplateName ?? t.LaunchTemplateId!,
    defaultVersion: t.DefaultVersionNumber,
    latestVersion: t.LatestVersionNumber,
    versions: [...byNumber.keys()].sort((a, b) => a - b).map((n) => toLaunchTemplateVersion(byNumber.get(n)!)),
  });
}

export function toVolume(v: SdkVolume, at: Where): Volume {
  const arn = ec2Arn(at, 'volume', v.VolumeId!);
  return compact({
    kind: 'ec2.volume' as const,
    id: arn,
    origin: awsOrigin(arn, at),
    tags: tagMap(v.Tags),
    volumeId: v.VolumeId!,
    encrypted: v.Encrypted ?? false,
    kmsKeyId: v.KmsKeyId,
    volumeType: v.VolumeType,
    state: v.State,
    attachedInstanceIds: distinct((v.Attachments ?? []).map((a) => a.InstanceId)),
  });
}

export interface RegionSettingsAnswers {
  readonly encryption: GetEbsEncryptionByDefaultResult;
  readonly defaultKey: GetEbsDefaultKmsKeyIdResult;
  readonly metadataDefaults: GetInstanceMetadataDefaultsResult;
}

/** The synthetic id every source agrees on for a region's EC2 settings. */
export const regionSettingsId = (at: Where) => `arn:${at.partition}:ec2:${at.region}:${at.accountId}:region-settings`;

export function toRegionSettings(answers: RegionSettingsAnswers, at: Where): RegionSettings {
  const id = regionSettingsId(at);
  // An account that never set IMDS defaults gets an empty AccountLevel: no preference, the AMI decides.
  const imds = answers.metadataDefaults.AccountLevel ?? {};
  const hopLimit = imds.HttpPutResponseHopLimit;
  return compact({
    kind: 'ec2.region-settings' as const,
    id,
    origin: awsOrigin(id, at),
    ebsEncryptionByDefault: answers.encryption.EbsEncryptionByDefault ?? false,
    ebsDefaultKmsKeyId: answers.defaultKey.KmsKeyId,
    imdsDefaults: compact({
      httpTokens: imds.HttpTokens ?? ('no-preference' as const),
      // -1 is how the API spells "no preference" on input; only a real limit is recorded.
      httpPutResponseHopLimit: hopLimit !== undefined && hopLimit > 0 ? hopLimit : undefined,
      httpEndpoint: imds.HttpEndpoint,
    }),
  });
}

/** Instance states whose launch template no longer matters. */
const GONE = new Set(['terminated', 'shutting-down']);

/**
 * The numbered launch-template versions live instances were launched from, per template id.
 * `$Default`/`$Latest` references need nothing beyond the default and latest versions.
 */
export function versionsLaunchedFrom(instances: readonly SdkInstance[]): Map<string, Set<number>> {
  const used = new Map<string, Set<number>>();
  for (const instance of instances) {
    if (GONE.has(instance.State?.Name ?? '')) continue;
    const template = launchTemplateOf(tagMap(instance.Tags));
    const version = Number(template?.version);
    if (!template || !Number.isInteger(version) || version < 1) continue;
    const id = template.launchTemplateId as string;
    used.set(id, (used.get(id) ?? new Set()).add(version));
  }
  return used;
}
