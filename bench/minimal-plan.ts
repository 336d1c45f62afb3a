import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { SimWorld } from '../lib/testing/simulated-aws';
import { limitFor, type ModelledLimit } from './rate-limits';

/**
 * The calls any correct collector of this world must make (every listing at the largest page its
 * API allows, one describe per resource where AWS has no batch call), and the longest chain of
 * calls that each need the previous one's answer. Worked out from the world, independently of the
 * collectors, so the benchmark can hold them to it.
 */
export interface MinimalPlan {
  /** `service:Operation` → calls, with `|region` for regional APIs (rate limits are per region). */
  readonly calls: Readonly<Record<string, number>>;
  readonly total: number;
  /** Calls in the longest dependent chain, and what it is. */
  readonly chain: { readonly length: number; readonly path: string };
}

const pages = (items: number, max: number) => Math.max(1, Math.ceil(items / max));

class Plan {
  readonly calls: Record<string, number> = {};
  add(operation: string, n: number, region?: string): void {
    if (n <= 0) return;
    const key = region ? `${operation}|${region}` : operation;
    this.calls[key] = (this.calls[key] ?? 0) + n;
  }
}

/** KMS answers GetKeyRotationStatus only for customer symmetric encryption keys with KMS material. */
const rotationApplies = (m: KeyMetadata) =>
  m.KeyManager === 'CUSTOMER' && (m.KeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT' && (m.KeyUsage ?? 'ENCRYPT_DECRYPT') === 'ENCRYPT_DECRYPT' && (m.Origin ?? 'AWS_KMS') === 'AWS_KMS';

export function minimalPlan(world: SimWorld): MinimalPlan {
  const plan = new Plan();
  const regions = world.regions.filter((r) => r.optIn !== 'not-opted-in').map((r) => r.name);
  const chains: [number, string][] = [];

  // Identity gives the partition, the region list the regions: every regional call waits for both.
  plan.add('sts:GetCallerIdentity', 1);
  plan.add('ec2:DescribeRegions', 1);

  const iam = world.services.iam ?? {};
  const entities =
    (iam.users?.length ?? 0) + (iam.groups?.length ?? 0) + (iam.roles?.length ?? 0) +
    (iam.policies ?? []).filter((p) => !/:iam::aws:policy\//.test(p.Arn ?? '') || (p.AttachmentCount ?? 0) > 0).length;
  const authPages = pages(entities, 1000);
  plan.add('iam:GetAccountAuthorizationDetails', authPages);
  chains.push([1 + authPages, 'GetCallerIdentity → GetAccountAuthorizationDetails pages']);
  for (const op of ['GetAccountPasswordPolicy', 'GetAccountSummary', 'GenerateCredentialReport', 'GetCredentialReport', 'ListOpenIDConnectProviders', 'ListServerCertificates']) plan.add(`iam:${op}`, 1);
  plan.add('iam:ListVirtualMFADevices', pages(iam.virtualMfaDevices?.length ?? 0, 1000));
  plan.add('iam:GetOpenIDConnectProvider', iam.oidcProviders?.length ?? 0);

  const trails = world.services.cloudtrail?.trails ?? [];
  const buckets = new Set(trails.map((t) => t.trail.S3BucketName).filter((b): b is string => !!b));
  for (const name of buckets) {
    const bucket = world.services.s3?.buckets.find((b) => b.name === name);
    plan.add('s3:GetBucketLocation', 1);
    if (!bucket || bucket.owner !== world.accountId) continue;
    for (const op of ['GetPublicAccessBlock', 'GetBucketPolicy', 'GetBucketAcl', 'GetBucketLogging', 'GetBucketVersioning', 'GetObjectLockConfiguration', 'GetBucketTagging']) plan.add(`s3:${op}`, 1, bucket.region);
    if (bucket.policy) plan.add('s3:GetBucketPolicyStatus', 1, bucket.region);
  }
  if (buckets.size > 0) chains.push([2 + 1 + 1 + 2, 'regions → DescribeTrails → GetBucketLocation → GetBucketPolicy → GetBucketPolicyStatus']);

  for (const region of regions) {
    plan.add('accessanalyzer:ListAnalyzers', pages(world.services.accessanalyzer?.[region]?.analyzers.length ?? 0, 1000), region);

    const ec2 = world.services.ec2?.[region] ?? {};
    const instances = (ec2.reservations ?? []).flatMap((r) => r.Instances ?? []);
    plan.add('ec2:DescribeVpcs', pages(ec2.vpcs?.length ?? 0, 1000), region);
    plan.add('ec2:DescribeSubnets', pages(ec2.subnets?.length ?? 0, 1000), region);
    plan.add('ec2:DescribeSecurityGroups', pages(ec2.securityGroups?.length ?? 0, 1000), region);
    plan.add('ec2:DescribeNetworkAcls', pages(ec2.networkAcls?.length ?? 0, 1000), region);
    plan.add('ec2:DescribeFlowLogs', pages(ec2.flowLogs?.length ?? 0, 1000), region);
    plan.add('ec2:DescribeNetworkInterfaces', pages(ec2.networkInterfaces?.length ?? 0, 1000), region);
    plan.add('ec2:DescribeInstances', pages(instances.length, 1000), region);
    plan.add('ec2:DescribeVolumes', pages(ec2.volumes?.length ?? 0, 500), region);
    const templates = ec2.launchTemplates ?? [];
    plan.add('ec2:DescribeLaunchTemplates', pages(templates.length, 200), region);
    if (templates.length > 0) {
      plan.add('ec2:DescribeLaunchTemplateVersions', pages(templates.length * 2, 200), region);
      // One more call per template whose instances run a version that is neither default nor latest.
      const oddVersions = templates.filter((t) => {
        const current = new Set([t.template.DefaultVersionNumber, t.template.LatestVersionNumber]);
        return instances.some((i) => {
          const tags = new Map((i.Tags ?? []).map((x) => [x.Key, x.Value]));
          return tags.get('aws:ec2launchtemplate:id') === t.template.LaunchTemplateId && !current.has(Number(tags.get('aws:ec2launchtemplate:version')));
        });
      });
      plan.add('ec2:DescribeLaunchTemplateVersions', oddVersions.length, region);
      if (oddVersions.length > 0) chains.push([2 + pages(instances.length, 1000) + 1, 'regions → DescribeInstances pages → DescribeLaunchTemplateVersions']);
    }
    const referenced = new Set((ec2.securityGroups ?? []).flatMap((g) => [...(g.IpPermissions ?? []), ...(g.IpPermissionsEgress ?? [])]).flatMap((p) => (p.PrefixListIds ?? []).map((x) => x.PrefixListId)));
    if (referenced.size > 0) {
      plan.add('ec2:DescribeManagedPrefixLists', Math.ceil(referenced.size / 200), region);
      const lists = (ec2.prefixLists ?? []).filter((l) => referenced.has(l.list.PrefixListId));
      for (const l of lists) plan.add('ec2:GetManagedPrefixListEntries', pages(l.entries.length, 100), region);
      chains.push([2 + pages(ec2.securityGroups?.length ?? 0, 1000) + 1, 'regions → DescribeSecurityGroups → GetManagedPrefixListEntries']);
    }
    for (const op of ['GetEbsEncryptionByDefault', 'GetEbsDefaultKmsKeyId', 'GetInstanceMetadataDefaults']) plan.add(`ec2:${op}`, 1, region);

    const kms = world.services.kms?.[region] ?? { keys: [] };
    plan.add('kms:ListKeys', pages(kms.keys.length, 1000), region);
    plan.add('kms:ListAliases', pages(kms.aliases?.length ?? 0, 100), region);
    plan.add('kms:DescribeKey', kms.keys.length, region);
    plan.add('kms:GetKeyPolicy', kms.keys.length, region);
    plan.add('kms:GetKeyRotationStatus', kms.keys.filter((k) => rotationApplies(k.metadata)).length, region);
    for (const k of kms.keys.filter((key) => key.metadata.KeyManager === 'CUSTOMER')) plan.add('kms:ListResourceTags', pages(k.tags?.length ?? 0, 50), region);
    if (kms.keys.length > 0) chains.push([2 + pages(kms.keys.length, 1000) + 2, 'regions → ListKeys → DescribeKey → GetKeyPolicy']);

    plan.add('cloudtrail:DescribeTrails', 1, region);
    const recorded = trails.filter((t) => (t.trail.HomeRegion ?? region) === region && regions.includes(t.trail.HomeRegion ?? region));
    plan.add('cloudtrail:GetTrailStatus', recorded.length, region);
    plan.add('cloudtrail:GetEventSelectors', recorded.length, region);
    const taggable = recorded.filter((t) => t.trail.TrailARN?.split(':')[4] === world.accountId);
    if (taggable.length > 0) plan.add('cloudtrail:ListTags', Math.ceil(taggable.length / 20), region);

    const detectors = world.services.guardduty?.[region]?.detectors ?? [];
    plan.add('guardduty:ListDetectors', pages(detectors.length, 50), region);
    for (const op of ['GetDetector', 'GetAdministratorAccount', 'GetFindingsStatistics']) plan.add(`guardduty:${op}`, detectors.length, region);

    const eks = world.services.eks?.[region] ?? { clusters: [] };
    plan.add('eks:ListClusters', pages(eks.clusters.length, 100), region);
    plan.add('eks:DescribeCluster', eks.clusters.length, region);
    plan.add('eks:DescribeClusterVersions', pages(eks.clusterVersions?.length ?? 0, 100), region);
    for (const cluster of eks.clusters) {
      const name = cluster.name!;
      const count = (list: readonly unknown[] | undefined) => list?.length ?? 0;
      plan.add('eks:ListNodegroups', pages(count(eks.nodegroups?.[name]), 100), region);
      plan.add('eks:DescribeNodegroup', count(eks.nodegroups?.[name]), region);
      plan.add('eks:ListAddons', pages(count(eks.addons?.[name]), 100), region);
      plan.add('eks:DescribeAddon', count(eks.addons?.[name]), region);
      plan.add('eks:ListPodIdentityAssociations', pages(count(eks.podIdentityAssociations?.[name]), 100), region);
      plan.add('eks:DescribePodIdentityAssociation', count(eks.podIdentityAssociations?.[name]), region);
      plan.add('eks:ListIdentityProviderConfigs', pages(count(eks.identityProviderConfigs?.[name]), 100), region);
      plan.add('eks:DescribeIdentityProviderConfig', count(eks.identityProviderConfigs?.[name]), region);
      // A CONFIG_MAP cluster refuses to list access entries: DescribeCluster must come first.
      if ((cluster.accessConfig?.authenticationMode ?? 'CONFIG_MAP') === 'CONFIG_MAP') continue;
      const entries = eks.accessEntries?.[name] ?? [];
      plan.add('eks:ListAccessEntries', pages(entries.length, 100), region);
      plan.add('eks:DescribeAccessEntry', entries.length, region);
      plan.add('eks:ListAssociatedAccessPolicies', entries.length, region);
      if (entries.length > 0) chains.push([2 + pages(eks.clusters.length, 100) + 1 + pages(entries.length, 100) + 1, 'regions → ListClusters → DescribeCluster → ListAccessEntries → ListAssociatedAccessPolicies']);
    }
  }
  const [length, path] = chains.reduce((a, b) => (b[0] > a[0] ? b : a), [2, 'GetCallerIdentity → DescribeRegions']);
  return { calls: plan.calls, total: Object.values(plan.calls).reduce((a, b) => a + b, 0), chain: { length, path } };
}

/** The time rate limits impose: for each API bucket, the calls beyond its burst at its refill rate. */
export function rateBound(calls: Readonly<Record<string, number>>, limits: readonly ModelledLimit[]): { seconds: number; api: string } {
  const perBucket = new Map<string, { n: number; limit: ModelledLimit }>();
  for (const [key, n] of Object.entries(calls)) {
    const [operation, region] = key.split('|') as [string, string | undefined];
    const limit = limitFor(operation, limits);
    if (!limit) continue;
    const bucket = `${operation}|${limit.per === 'account' || !region ? 'account' : region}`;
    const entry = perBucket.get(bucket) ?? { n: 0, limit };
    entry.n += n;
    perBucket.set(bucket, entry);
  }
  let worst = { seconds: 0, api: 'none' };
  for (const [bucket, { n, limit }] of perBucket) {
    const seconds = Math.max(0, n - limit.burst) / limit.perSecond;
    if (seconds > worst.seconds) worst = { seconds, api: bucket };
  }
  return worst;
}
