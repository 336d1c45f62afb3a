import {
  DescribeAccessEntryCommand,
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeIdentityProviderConfigCommand,
  DescribeNodegroupCommand,
  DescribePodIdentityAssociationCommand,
  EKSClient,
  paginateDescribeClusterVersions,
  paginateListAccessEntries,
  paginateListAddons,
  paginateListAssociatedAccessPolicies,
  paginateListClusters,
  paginateListIdentityProviderConfigs,
  paginateListNodegroups,
  paginateListPodIdentityAssociations,
  type AccessEntry,
  type Addon,
  type Cluster,
  type ClusterVersionInformation,
  type Nodegroup,
  type OidcIdentityProviderConfig,
  type PodIdentityAssociation,
} from '@aws-sdk/client-eks';
import type {
  CollectionIssue,
  EksAccessEntry,
  EksAddon,
  EksCluster,
  EksClusterVersion,
  EksIdentityProviderConfig,
  EksNodegroup,
  EksPodIdentityAssociation,
  Origin,
} from '../../../model';
import type { Collector, TaskContext } from '../collector';
import { compact, isoDate } from '../convert';

/** Where a resource was read: account and region of the task. */
export interface Location {
  readonly accountId: string;
  readonly region: string;
  readonly partition?: string;
}

const origin = (arn: string, at: Location): Origin => ({ kind: 'aws', arn, accountId: at.accountId, region: at.region });
const clusterArn = (name: string, at: Location) => `arn:${at.partition ?? 'aws'}:eks:${at.region}:${at.accountId}:cluster/${name}`;
const health = (issues: readonly { code?: string; message?: string }[] | undefined) =>
  issues && issues.length > 0 ? issues.map((i) => compact({ code: i.code ?? 'Unknown', message: i.message })) : undefined;

/** Pure mapping from DescribeCluster to the model, applying EKS's defaults. */
export function toEksCluster(c: Cluster, at: Location): EksCluster {
  const name = c.name!;
  const arn = c.arn ?? clusterArn(name, at);
  const vpc = c.resourcesVpcConfig ?? {};
  const publicAccess = vpc.endpointPublicAccess ?? true;
  const secrets = c.encryptionConfig?.find((e) => e.resources?.includes('secrets'))?.provider?.keyArn;
  return compact({
    kind: 'eks.cluster' as const,
    id: arn,
    origin: origin(arn, at),
    tags: c.tags ?? {},
    name,
    arn,
    version: c.version ?? 'unknown',
    platformVersion: c.platformVersion,
    status: c.status,
    roleArn: c.roleArn,
    endpoint: {
      publicAccess,
      privateAccess: vpc.endpointPrivateAccess ?? false,
      // EKS answers 0.0.0.0/0 for a public endpoint created without CIDRs; keep that default if a response omits it.
      publicAccessCidrs: vpc.publicAccessCidrs ?? (publicAccess ? ['0.0.0.0/0'] : []),
    },
    vpcId: vpc.vpcId,
    subnetIds: vpc.subnetIds ?? [],
    securityGroupIds: vpc.securityGroupIds ?? [],
    clusterSecurityGroupId: vpc.clusterSecurityGroupId,
    enabledLogTypes: (c.logging?.clusterLogging ?? []).filter((l) => l.enabled).flatMap((l) => l.types ?? []),
    secretsKeyArn: secrets,
    oidcIssuer: c.identity?.oidc?.issuer,
    access: compact({
      // Clusters created before access entries existed report no accessConfig: they are CONFIG_MAP clusters.
      authenticationMode: c.accessConfig?.authenticationMode ?? 'CONFIG_MAP',
      bootstrapClusterCreatorAdminPermissions: c.accessConfig?.bootstrapClusterCreatorAdminPermissions,
    }),
    deletionProtection: c.deletionProtection,
    upgradeSupportType: c.upgradePolicy?.supportType,
    autoMode: c.computeConfig?.enabled,
    health: health(c.health?.issues),
    createdAt: isoDate(c.createdAt),
  });
}

/** A cluster whose DescribeCluster failed: known by name only, judged UNKNOWN by every check. */
export function incompleteCluster(name: string, issue: CollectionIssue, at: Location): EksCluster {
  const arn = clusterArn(name, at);
  return {
    kind: 'eks.cluster',
    id: arn,
    origin: origin(arn, at),
    incomplete: issue,
    name,
    arn,
    version: 'unknown',
    endpoint: { publicAccess: true, privateAccess: false, publicAccessCidrs: [] },
    subnetIds: [],
    securityGroupIds: [],
    enabledLogTypes: [],
    access: { authenticationMode: 'unknown' },
  };
}

export function toEksNodegroup(n: Nodegroup, clusterId: string, at: Location): EksNodegroup {
  const arn = n.nodegroupArn!;
  return compact({
    kind: 'eks.nodegroup' as const,
    id: arn,
    origin: origin(arn, at),
    tags: n.tags ?? {},
    name: n.nodegroupName!,
    arn,
    clusterId,
    clusterName: n.clusterName!,
    version: n.version,
    releaseVersion: n.releaseVersion,
    amiType: n.amiType,
    capacityType: n.capacityType,
    status: n.status,
    nodeRoleArn: n.nodeRole ?? 'unknown',
    subnetIds: n.subnets ?? [],
    instanceTypes: n.instanceTypes ?? [],
    remoteAccess: n.remoteAccess ? compact({ ec2SshKey: n.remoteAccess.ec2SshKey, sourceSecurityGroups: n.remoteAccess.sourceSecurityGroups ?? [] }) : undefined,
    launchTemplate: n.launchTemplate ? compact({ id: n.launchTemplate.id, name: n.launchTemplate.name, version: n.launchTemplate.version ?? '$Default' }) : undefined,
    diskSizeGiB: n.diskSize,
    health: health(n.health?.issues),
  });
}

export function toEksAddon(a: Addon, clusterId: string, at: Location): EksAddon {
  const arn = a.addonArn ?? `${clusterId}/addon/${a.addonName}`;
  return compact({
    kind: 'eks.addon' as const,
    id: arn,
    origin: origin(arn, at),
    tags: a.tags ?? {},
    name: a.addonName!,
    arn: a.addonArn,
    clusterId,
    clusterName: a.clusterName!,
    version: a.addonVersion,
    status: a.status,
    serviceAccountRoleArn: a.serviceAccountRoleArn,
    configurationValues: a.configurationValues,
    podIdentityAssociations: a.podIdentityAssociations ?? [],
    health: health(a.health?.issues),
  });
}

export function toEksAccessEntry(
  e: AccessEntry,
  policies: readonly { policyArn?: string; accessScope?: { type?: string; namespaces?: string[] } }[],
  clusterId: string,
  at: Location,
): EksAccessEntry {
  const arn = e.accessEntryArn!;
  return compact({
    kind: 'eks.access-entry' as const,
    id: arn,
    origin: origin(arn, at),
    tags: e.tags ?? {},
    clusterId,
    clusterName: e.clusterName!,
    principalArn: e.principalArn!,
    type: e.type ?? 'STANDARD',
    username: e.username,
    kubernetesGroups: e.kubernetesGroups ?? [],
    accessPolicies: policies.map((p) => ({
      policyArn: p.policyArn ?? 'unknown',
      scope: { type: p.accessScope?.type === 'namespace' ? ('namespace' as const) : ('cluster' as const), namespaces: p.accessScope?.namespaces ?? [] },
    })),
    createdAt: isoDate(e.createdAt),
  });
}

export function toEksPodIdentityAssociation(p: PodIdentityAssociation, clusterId: string, at: Location): EksPodIdentityAssociation {
  const arn = p.associationArn!;
  return compact({
    kind: 'eks.pod-identity-association' as const,
    id: arn,
    origin: origin(arn, at),
    tags: p.tags ?? {},
    associationId: p.associationId!,
    clusterId,
    clusterName: p.clusterName!,
    namespace: p.namespace!,
    serviceAccount: p.serviceAccount!,
    roleArn: p.roleArn!,
    targetRoleArn: p.targetRoleArn,
  });
}

export function toEksIdentityProviderConfig(o: OidcIdentityProviderConfig, clusterId: string, at: Location): EksIdentityProviderConfig {
  const arn = o.identityProviderConfigArn!;
  return compact({
    kind: 'eks.identity-provider-config' as const,
    id: arn,
    origin: origin(arn, at),
    tags: o.tags ?? {},
    name: o.identityProviderConfigName!,
    clusterId,
    clusterName: o.clusterName!,
    issuerUrl: o.issuerUrl!,
    clientId: o.clientId!,
    status: o.status,
  });
}

export function toEksClusterVersion(v: ClusterVersionInformation, at: Location): EksClusterVersion {
  const id = `arn:${at.partition ?? 'aws'}:eks:${at.region}:${at.accountId}:cluster-version/${v.clusterVersion}`;
  return compact({
    kind: 'eks.cluster-version' as const,
    id,
    origin: origin(id, at),
    version: v.clusterVersion!,
    // `versionStatus` spells STANDARD_SUPPORT; the older `status` field spells standard-support.
    status: v.versionStatus ?? v.status?.toUpperCase().replace(/-/g, '_') ?? 'UNKNOWN',
    releaseDate: isoDate(v.releaseDate),
    endOfStandardSupportDate: isoDate(v.endOfStandardSupportDate),
    endOfExtendedSupportDate: isoDate(v.endOfExtendedSupportDate),
    defaultVersion: v.defaultVersion,
  });
}

interface DescribedCluster {
  readonly name: string;
  readonly id: string;
  readonly cluster?: Cluster;
}

const at = (ctx: TaskContext): Location => ({ accountId: ctx.accountId, region: ctx.region, partition: ctx.partition });

/** Every cluster of the region, described once and shared by all EKS tasks. */
function clusters(ctx: TaskContext): Promise<{ described: DescribedCluster[]; failures: { name: string; issue: CollectionIssue }[] }> {
  return ctx.memo('clusters', async () => {
    const eks = ctx.client(EKSClient);
    const names: string[] = [];
    for await (const page of paginateListClusters({ client: eks }, {})) names.push(...(page.clusters ?? []));
    const results = await Promise.all(
      names.map(async (name) => ({ name, result: await ctx.perResource('DescribeCluster', () => eks.send(new DescribeClusterCommand({ name }))) })),
    );
    return {
      described: results.map(({ name, result }) => ({ name, id: result.ok && result.value.cluster?.arn ? result.value.cluster.arn : clusterArn(name, at(ctx)), ...(result.ok && result.value.cluster ? { cluster: result.value.cluster } : {}) })),
      failures: results.flatMap(({ name, result }) => (result.ok ? [] : [{ name, issue: result.issue }])),
    };
  });
}

/** Runs `list` for every cluster, in parallel (the client's limiter bounds it). */
async function perCluster<T>(ctx: TaskContext, each: (c: DescribedCluster) => Promise<T[]>): Promise<T[]> {
  const { described } = await clusters(ctx);
  return (await Promise.all(described.map(each))).flat();
}

export const eksCollector: Collector = {
  service: 'eks',
  scope: 'regional',
  tasks: [
    {
      kind: 'eks.cluster',
      permissions: ['eks:ListClusters', 'eks:DescribeCluster'],
      async collect(ctx) {
        const { described, failures } = await clusters(ctx);
        const failed = new Map(failures.map((f) => [f.name, f.issue]));
        for (const d of described) {
          const issue = failed.get(d.name);
          ctx.add('eks.cluster', d.cluster ? toEksCluster(d.cluster, at(ctx)) : incompleteCluster(d.name, issue!, at(ctx)));
        }
      },
    },
    {
      kind: 'eks.nodegroup',
      permissions: ['eks:ListClusters', 'eks:DescribeCluster', 'eks:ListNodegroups', 'eks:DescribeNodegroup'],
      async collect(ctx) {
        const eks = ctx.client(EKSClient);
        const groups = await perCluster(ctx, async (c) => {
          const names: string[] = [];
          for await (const page of paginateListNodegroups({ client: eks }, { clusterName: c.name })) names.push(...(page.nodegroups ?? []));
          return Promise.all(
            names.map(async (nodegroupName) => {
              const out = await eks.send(new DescribeNodegroupCommand({ clusterName: c.name, nodegroupName }));
              return toEksNodegroup(out.nodegroup!, c.id, at(ctx));
            }),
          );
        });
        ctx.add('eks.nodegroup', ...groups);
      },
    },
    {
      kind: 'eks.addon',
      permissions: ['eks:ListClusters', 'eks:DescribeCluster', 'eks:ListAddons', 'eks:DescribeAddon'],
      async collect(ctx) {
        const eks = ctx.client(EKSClient);
        const addons = await perCluster(ctx, async (c) => {
          const names: string[] = [];
          for await (const page of paginateListAddons({ client: eks }, { clusterName: c.name })) names.push(...(page.addons ?? []));
          return Promise.all(
            names.map(async (addonName) => toEksAddon((await eks.send(new DescribeAddonCommand({ clusterName: c.name, addonName }))).addon!, c.id, at(ctx))),
          );
        });
        ctx.add('eks.addon', ...addons);
      },
    },
    {
      kind: 'eks.access-entry',
      permissions: ['eks:ListClusters', 'eks:DescribeCluster', 'eks:ListAccessEntries', 'eks:DescribeAccessEntry', 'eks:ListAssociatedAccessPolicies'],
      async collect(ctx) {
        const eks = ctx.client(EKSClient);
        const entries = await perCluster(ctx, async (c) => {
          // A CONFIG_MAP cluster cannot have access entries (the API refuses to list them): none is a fact.
          if (c.cluster && (c.cluster.accessConfig?.authenticationMode ?? 'CONFIG_MAP') === 'CONFIG_MAP') return [];
          const principals: string[] = [];
          for await (const page of paginateListAccessEntries({ client: eks }, { clusterName: c.name })) principals.push(...(page.accessEntries ?? []));
          return Promise.all(
            principals.map(async (principalArn) => {
              const entry = (await eks.send(new DescribeAccessEntryCommand({ clusterName: c.name, principalArn }))).accessEntry!;
              const policies = [];
              for await (const page of paginateListAssociatedAccessPolicies({ client: eks }, { clusterName: c.name, principalArn })) {
                policies.push(...(page.associatedAccessPolicies ?? []));
              }
              return toEksAccessEntry(entry, policies, c.id, at(ctx));
            }),
          );
        });
        ctx.add('eks.access-entry', ...entries);
      },
    },
    {
      kind: 'eks.pod-identity-association',
      permissions: ['eks:ListClusters', 'eks:DescribeCluster', 'eks:ListPodIdentityAssociations', 'eks:DescribePodIdentityAssociation'],
      async collect(ctx) {
        const eks = ctx.client(EKSClient);
        const associations = await perCluster(ctx, async (c) => {
          const ids: string[] = [];
          for await (const page of paginateListPodIdentityAssociations({ client: eks }, { clusterName: c.name })) {
            ids.push(...(page.associations ?? []).map((a) => a.associationId!));
          }
          return Promise.all(
            ids.map(async (associationId) =>
              toEksPodIdentityAssociation((await eks.send(new DescribePodIdentityAssociationCommand({ clusterName: c.name, associationId }))).association!, c.id, at(ctx)),
            ),
          );
        });
        ctx.add('eks.pod-identity-association', ...associations);
      },
    },
    {
      kind: 'eks.identity-provider-config',
      permissions: ['eks:ListClusters', 'eks:DescribeCluster', 'eks:ListIdentityProviderConfigs', 'eks:DescribeIdentityProviderConfig'],
      async collect(ctx) {
        const eks = ctx.client(EKSClient);
        const configs = await perCluster(ctx, async (c) => {
          const refs: { type: string; name: string }[] = [];
          for await (const page of paginateListIdentityProviderConfigs({ client: eks }, { clusterName: c.name })) {
            refs.push(...(page.identityProviderConfigs ?? []).map((r) => ({ type: r.type!, name: r.name! })));
          }
          return Promise.all(
            refs.map(async (ref) => {
              const out = await eks.send(new DescribeIdentityProviderConfigCommand({ clusterName: c.name, identityProviderConfig: ref }));
              return toEksIdentityProviderConfig(out.identityProviderConfig!.oidc!, c.id, at(ctx));
            }),
          );
        });
        ctx.add('eks.identity-provider-config', ...configs);
      },
    },
    {
      kind: 'eks.cluster-version',
      permissions: ['eks:DescribeClusterVersions'],
      async collect(ctx) {
        const eks = ctx.client(EKSClient);
        const versions: EksClusterVersion[] = [];
        for await (const page of paginateDescribeClusterVersions({ client: eks }, { includeAll: true })) {
          versions.push(...(page.clusterVersions ?? []).map((v) => toEksClusterVersion(v, at(ctx))));
        }
        ctx.add('eks.cluster-version', ...versions);
      },
    },
  ],
};
