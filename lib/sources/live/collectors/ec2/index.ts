import {
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
  paginateDescribeFlowLogs,
  paginateDescribeLaunchTemplates,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
  type GetEbsDefaultKmsKeyIdResult,
  type GetEbsEncryptionByDefaultResult,
  type GetInstanceMetadataDefaultsResult,
  type LaunchTemplate as SdkLaunchTemplate,
  type LaunchTemplateVersion as SdkLaunchTemplateVersion,
} from '@aws-sdk/client-ec2';
import type { LaunchTemplate, ManagedPrefixList } from '../../../../model';
import type { Collector, TaskContext } from '../../collector';
import { toInstance, toLaunchTemplate, toRegionSettings, toVolume, versionsLaunchedFrom } from './compute';
import {
  PAGE,
  collectPages,
  defaultAndLatestVersions,
  describePrefixLists,
  instances,
  prefixListEntries,
  securityGroups,
  versionsOfTemplate,
} from './listings';
import { referencedPrefixListIds, toFlowLog, toNetworkAcl, toNetworkInterface, toPrefixList, toSecurityGroup, toSubnet, toVpc } from './network';
import { whereOf } from './where';

export * from './compute';
export * from './network';
export { whereOf, type Where } from './where';

/** One launch template with its default and latest versions, plus the numbered versions live instances use. */
async function withVersionsInUse(
  ctx: TaskContext,
  template: SdkLaunchTemplate,
  current: readonly SdkLaunchTemplateVersion[],
  inUse: ReadonlySet<number>,
): Promise<LaunchTemplate> {
  const id = template.LaunchTemplateId!;
  const have = current.filter((v) => v.LaunchTemplateId === id);
  const missing = [...inUse].filter((n) => !have.some((v) => v.VersionNumber === n)).sort((a, b) => a - b);
  if (missing.length === 0) return toLaunchTemplate(template, have, whereOf(ctx));
  const more = await ctx.perResource('DescribeLaunchTemplateVersions', () => versionsOfTemplate(ctx.client(EC2Client), id, missing));
  if (more.ok) return toLaunchTemplate(template, [...have, ...more.value], whereOf(ctx));
  return { ...toLaunchTemplate(template, have, whereOf(ctx)), incomplete: more.issue };
}

/**
 * The prefix lists checks resolve: those the region's security groups refer to. When the groups
 * cannot be read, every visible list is resolved instead, so this kind stays complete on its own.
 * A list whose entries cannot be read is left out rather than recorded empty: a rule naming it then
 * stays undecided instead of looking closed.
 */
async function collectPrefixLists(ctx: TaskContext): Promise<ManagedPrefixList[]> {
  const ec2 = ctx.client(EC2Client);
  const groups = await ctx.perResource('DescribeSecurityGroups', () => securityGroups(ctx));
  const wanted = groups.ok ? referencedPrefixListIds(groups.value) : undefined;
  if (wanted?.length === 0) return [];
  const lists = await describePrefixLists(ec2, wanted);
  const resolved = await Promise.all(
    lists.map(async (list) => {
      const entries = await ctx.perResource('GetManagedPrefixListEntries', () => prefixListEntries(ec2, list.PrefixListId!));
      return entries.ok ? [toPrefixList(list, entries.value, whereOf(ctx))] : [];
    }),
  );
  return resolved.flat();
}

/** EC2 and VPC resources of one region; every listing is paginated at the largest page EC2 allows. */
export const ec2Collector: Collector = {
  service: 'ec2',
  scope: 'regional',
  tasks: [
    {
      kind: 'ec2.vpc',
      permissions: ['ec2:DescribeVpcs'],
      async collect(ctx) {
        const vpcs = await collectPages(paginateDescribeVpcs({ client: ctx.client(EC2Client) }, { MaxResults: PAGE.vpcs }), (p) => p.Vpcs);
        ctx.add('ec2.vpc', ...vpcs.map((v) => toVpc(v, whereOf(ctx))));
      },
    },
    {
      kind: 'ec2.subnet',
      permissions: ['ec2:DescribeSubnets'],
      async collect(ctx) {
        const subnets = await collectPages(paginateDescribeSubnets({ client: ctx.client(EC2Client) }, { MaxResults: PAGE.subnets }), (p) => p.Subnets);
        ctx.add('ec2.subnet', ...subnets.map((s) => toSubnet(s, whereOf(ctx))));
      },
    },
    {
      kind: 'ec2.security-group',
      permissions: ['ec2:DescribeSecurityGroups'],
      async collect(ctx) {
        ctx.add('ec2.security-group', ...(await securityGroups(ctx)).map((g) => toSecurityGroup(g, whereOf(ctx))));
      },
    },
    {
      kind: 'ec2.network-acl',
      permissions: ['ec2:DescribeNetworkAcls'],
      async collect(ctx) {
        const acls = await collectPages(paginateDescribeNetworkAcls({ client: ctx.client(EC2Client) }, { MaxResults: PAGE.networkAcls }), (p) => p.NetworkAcls);
        ctx.add('ec2.network-acl', ...acls.map((a) => toNetworkAcl(a, whereOf(ctx))));
      },
    },
    {
      kind: 'ec2.flow-log',
      permissions: ['ec2:DescribeFlowLogs'],
      async collect(ctx) {
        const logs = await collectPages(paginateDescribeFlowLogs({ client: ctx.client(EC2Client) }, { MaxResults: PAGE.flowLogs }), (p) => p.FlowLogs);
        ctx.add('ec2.flow-log', ...logs.map((f) => toFlowLog(f, whereOf(ctx))));
      },
    },
    {
      kind: 'ec2.network-interface',
      permissions: ['ec2:DescribeNetworkInterfaces'],
      async collect(ctx) {
        const enis = await collectPages(
          paginateDescribeNetworkInterfaces({ client: ctx.client(EC2Client) }, { MaxResults: PAGE.networkInterfaces }),
          (p) => p.NetworkInterfaces,
        );
        ctx.add('ec2.network-interface', ...enis.map((n) => toNetworkInterface(n, whereOf(ctx))));
      },
    },
    {
      kind: 'ec2.instance',
      permissions: ['ec2:DescribeInstances'],
      async collect(ctx) {
        ctx.add('ec2.instance', ...(await instances(ctx)).map((i) => toInstance(i, whereOf(ctx))));
      },
    },
    {
      kind: 'ec2.launch-template',
      permissions: ['ec2:DescribeLaunchTemplates', 'ec2:DescribeLaunchTemplateVersions', 'ec2:DescribeInstances'],
      async collect(ctx) {
        const ec2 = ctx.client(EC2Client);
        const templates = await collectPages(paginateDescribeLaunchTemplates({ client: ec2 }, { MaxResults: PAGE.launchTemplates }), (p) => p.LaunchTemplates);
        if (templates.length === 0) return;
        const [current, launched] = await Promise.all([defaultAndLatestVersions(ec2), ctx.perResource('DescribeInstances', () => instances(ctx))]);
        // Without the instances only default and latest are recorded; the checks see the instances'
        // coverage error and report the versions in use as undecided.
        const inUse = launched.ok ? versionsLaunchedFrom(launched.value) : new Map<string, Set<number>>();
        const recorded = await Promise.all(templates.map((t) => withVersionsInUse(ctx, t, current, inUse.get(t.LaunchTemplateId!) ?? new Set())));
        ctx.add('ec2.launch-template', ...recorded);
      },
    },
    {
      kind: 'ec2.volume',
      permissions: ['ec2:DescribeVolumes'],
      async collect(ctx) {
        const volumes = await collectPages(paginateDescribeVolumes({ client: ctx.client(EC2Client) }, { MaxResults: PAGE.volumes }), (p) => p.Volumes);
        ctx.add('ec2.volume', ...volumes.map((v) => toVolume(v, whereOf(ctx))));
      },
    },
    {
      kind: 'ec2.prefix-list',
      permissions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeManagedPrefixLists', 'ec2:GetManagedPrefixListEntries'],
      async collect(ctx) {
        ctx.add('ec2.prefix-list', ...(await collectPrefixLists(ctx)));
      },
    },
    {
      kind: 'ec2.region-settings',
      permissions: ['ec2:GetEbsEncryptionByDefault', 'ec2:GetEbsDefaultKmsKeyId', 'ec2:GetInstanceMetadataDefaults'],
      async collect(ctx) {
        const ec2 = ctx.client(EC2Client);
        // Three calls, three parts: a denied newer API (IMDS defaults) must not hide EBS encryption.
        const [encryption, defaultKey, metadataDefaults] = await Promise.all([
          ctx.part<GetEbsEncryptionByDefaultResult>('ec2.region-settings', 'ebsEncryptionByDefault', 'GetEbsEncryptionByDefault', () => ec2.send(new GetEbsEncryptionByDefaultCommand({})), {}),
          ctx.part<GetEbsDefaultKmsKeyIdResult>('ec2.region-settings', 'ebsDefaultKmsKeyId', 'GetEbsDefaultKmsKeyId', () => ec2.send(new GetEbsDefaultKmsKeyIdCommand({})), {}),
          ctx.part<GetInstanceMetadataDefaultsResult>('ec2.region-settings', 'imdsDefaults', 'GetInstanceMetadataDefaults', () => ec2.send(new GetInstanceMetadataDefaultsCommand({})), {}),
        ]);
        ctx.add('ec2.region-settings', toRegionSettings({ encryption, defaultKey, metadataDefaults }, whereOf(ctx)));
      },
    },
  ],
};
