import type {
  AccessEntry,
  Addon,
  AssociatedAccessPolicy,
  Cluster,
  ClusterVersionInformation,
  Nodegroup,
  OidcIdentityProviderConfig,
  PodIdentityAssociation,
} from '@aws-sdk/client-eks';
import { REST_JSON_STYLE, notFound } from '../errors';
import { page } from '../paging';
import type { CallContext, SimService } from '../simulated-aws';
import type { ByRegion } from '../world';

/** EKS in one region, in the SDK's shapes, keyed by cluster name where AWS scopes by cluster. */
export interface EksRegionWorld {
  readonly clusters: readonly Cluster[];
  readonly nodegroups?: Readonly<Record<string, readonly Nodegroup[]>>;
  readonly addons?: Readonly<Record<string, readonly Addon[]>>;
  readonly accessEntries?: Readonly<Record<string, readonly { entry: AccessEntry; policies: readonly AssociatedAccessPolicy[] }[]>>;
  readonly podIdentityAssociations?: Readonly<Record<string, readonly PodIdentityAssociation[]>>;
  readonly identityProviderConfigs?: Readonly<Record<string, readonly OidcIdentityProviderConfig[]>>;
  readonly clusterVersions?: readonly ClusterVersionInformation[];
}

declare module '../world' {
  interface SimServices {
    eks?: ByRegion<EksRegionWorld>;
  }
}

const regionOf = (call: CallContext): EksRegionWorld => call.world.services.eks?.[call.region] ?? { clusters: [] };

function cluster(call: CallContext, name: string): Cluster {
  const found = regionOf(call).clusters.find((c) => c.name === name);
  if (!found) throw notFound('ResourceNotFoundException', `No cluster found for name: ${name}.`);
  return found;
}

/** EKS list calls take maxResults (default 100); the simulation uses the smaller of that and its page size. */
function list<T>(items: readonly T[], input: { nextToken?: string; maxResults?: number }, call: CallContext) {
  return page(items, input.nextToken, Math.min(input.maxResults ?? 100, call.pageSize));
}

export const eksService: SimService = {
  service: 'eks',
  errors: REST_JSON_STYLE,
  operations: {
    ListClusters: (input, call) => {
      const p = list(regionOf(call).clusters.map((c) => c.name!), input, call);
      return { clusters: p.items, nextToken: p.next };
    },
    DescribeCluster: (input: { name: string }, call) => ({ cluster: cluster(call, input.name) }),
    ListNodegroups: (input: { clusterName: string; nextToken?: string; maxResults?: number }, call) => {
      cluster(call, input.clusterName);
      const p = list((regionOf(call).nodegroups?.[input.clusterName] ?? []).map((n) => n.nodegroupName!), input, call);
      return { nodegroups: p.items, nextToken: p.next };
    },
    DescribeNodegroup: (input: { clusterName: string; nodegroupName: string }, call) => {
      const found = regionOf(call).nodegroups?.[input.clusterName]?.find((n) => n.nodegroupName === input.nodegroupName);
      if (!found) throw notFound('ResourceNotFoundException', `No node group found for name: ${input.nodegroupName}.`);
      return { nodegroup: found };
    },
    ListAddons: (input: { clusterName: string; nextToken?: string; maxResults?: number }, call) => {
      cluster(call, input.clusterName);
      const p = list((regionOf(call).addons?.[input.clusterName] ?? []).map((a) => a.addonName!), input, call);
      return { addons: p.items, nextToken: p.next };
    },
    DescribeAddon: (input: { clusterName: string; addonName: string }, call) => {
      const found = regionOf(call).addons?.[input.clusterName]?.find((a) => a.addonName === input.addonName);
      if (!found) throw notFound('ResourceNotFoundException', `No addon: ${input.addonName} found in cluster: ${input.clusterName}`);
      return { addon: found };
    },
    ListAccessEntries: (input: { clusterName: string; nextToken?: string; maxResults?: number }, call) => {
      const c = cluster(call, input.clusterName);
      if ((c.accessConfig?.authenticationMode ?? 'CONFIG_MAP') === 'CONFIG_MAP') {
        throw notFound('InvalidRequestException', 'The cluster authentication mode must be set to API or API_AND_CONFIG_MAP.', 400);
      }
      const p = list((regionOf(call).accessEntries?.[input.clusterName] ?? []).map((e) => e.entry.principalArn!), input, call);
      return { accessEntries: p.items, nextToken: p.next };
    },
    DescribeAccessEntry: (input: { clusterName: string; principalArn: string }, call) => {
      const found = regionOf(call).accessEntries?.[input.clusterName]?.find((e) => e.entry.principalArn === input.principalArn);
      if (!found) throw notFound('ResourceNotFoundException', `The specified access entry resource is not found.`);
      return { accessEntry: found.entry };
    },
    ListAssociatedAccessPolicies: (input: { clusterName: string; principalArn: string; nextToken?: string; maxResults?: number }, call) => {
      const found = regionOf(call).accessEntries?.[input.clusterName]?.find((e) => e.entry.principalArn === input.principalArn);
      if (!found) throw notFound('ResourceNotFoundException', `The specified access entry resource is not found.`);
      const p = list(found.policies, input, call);
      return { clusterName: input.clusterName, principalArn: input.principalArn, associatedAccessPolicies: p.items, nextToken: p.next };
    },
    ListPodIdentityAssociations: (input: { clusterName: string; nextToken?: string; maxResults?: number }, call) => {
      cluster(call, input.clusterName);
      const all = regionOf(call).podIdentityAssociations?.[input.clusterName] ?? [];
      const p = list(all, input, call);
      return {
        associations: p.items.map((a) => ({ clusterName: a.clusterName, namespace: a.namespace, serviceAccount: a.serviceAccount, associationArn: a.associationArn, associationId: a.associationId, ownerArn: a.ownerArn })),
        nextToken: p.next,
      };
    },
    DescribePodIdentityAssociation: (input: { clusterName: string; associationId: string }, call) => {
      const found = regionOf(call).podIdentityAssociations?.[input.clusterName]?.find((a) => a.associationId === input.associationId);
      if (!found) throw notFound('ResourceNotFoundException', `The specified pod identity association is not found.`);
      return { association: found };
    },
    ListIdentityProviderConfigs: (input: { clusterName: string; nextToken?: string; maxResults?: number }, call) => {
      cluster(call, input.clusterName);
      const p = list(regionOf(call).identityProviderConfigs?.[input.clusterName] ?? [], input, call);
      return { identityProviderConfigs: p.items.map((o) => ({ type: 'oidc', name: o.identityProviderConfigName })), nextToken: p.next };
    },
    DescribeIdentityProviderConfig: (input: { clusterName: string; identityProviderConfig: { type: string; name: string } }, call) => {
      const found = regionOf(call).identityProviderConfigs?.[input.clusterName]?.find((o) => o.identityProviderConfigName === input.identityProviderConfig.name);
      if (!found) throw notFound('ResourceNotFoundException', `The specified identity provider config is not found.`);
      return { identityProviderConfig: { oidc: found } };
    },
    DescribeClusterVersions: (input: { nextToken?: string; maxResults?: number }, call) => {
      const p = list(regionOf(call).clusterVersions ?? [], input, call);
      return { clusterVersions: p.items, nextToken: p.next };
    },
  },
};

/** A small EKS estate in eu-west-1 and us-east-1 that reaches every operation the EKS collector calls. */
export function exampleEksWorld(accountId = '210987654321'): ByRegion<EksRegionWorld> {
  const arn = (region: string, what: string) => `arn:aws:eks:${region}:${accountId}:${what}`;
  const cluster = (region: string, name: string, mode: 'API' | 'CONFIG_MAP'): Cluster => ({
    name,
    arn: arn(region, `cluster/${name}`),
    version: '1.33',
    status: 'ACTIVE',
    createdAt: new Date('2025-05-01T08:00:00Z'),
    resourcesVpcConfig: { subnetIds: ['subnet-a', 'subnet-b'], securityGroupIds: [], vpcId: 'vpc-1', endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [] },
    logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: true }] },
    identity: { oidc: { issuer: `https://oidc.eks.${region}.amazonaws.com/id/${name.toUpperCase()}` } },
    accessConfig: { authenticationMode: mode },
  });
  const region = (name: string): EksRegionWorld => ({
    clusters: [cluster(name, 'apps', 'API'), cluster(name, 'legacy', 'CONFIG_MAP')],
    nodegroups: { apps: [{ nodegroupName: 'general', nodegroupArn: arn(name, 'nodegroup/apps/general/1'), clusterName: 'apps', nodeRole: `arn:aws:iam::${accountId}:role/nodes`, subnets: ['subnet-a'] }] },
    addons: { apps: [{ addonName: 'vpc-cni', addonArn: arn(name, 'addon/apps/vpc-cni/1'), clusterName: 'apps', status: 'ACTIVE', addonVersion: 'v1.19.0-eksbuild.1' }] },
    accessEntries: {
      apps: [
        {
          entry: { clusterName: 'apps', principalArn: `arn:aws:iam::${accountId}:role/platform`, accessEntryArn: arn(name, 'access-entry/apps/role/platform/1'), type: 'STANDARD', kubernetesGroups: [] },
          policies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', accessScope: { type: 'cluster' } }],
        },
      ],
    },
    podIdentityAssociations: {
      apps: [
        {
          clusterName: 'apps',
          namespace: 'payments',
          serviceAccount: 'api',
          roleArn: `arn:aws:iam::${accountId}:role/payments-api`,
          associationArn: arn(name, 'podidentityassociation/apps/a-1'),
          associationId: 'a-1',
        },
      ],
    },
    identityProviderConfigs: {
      apps: [
        {
          identityProviderConfigName: 'okta',
          identityProviderConfigArn: arn(name, 'identityproviderconfig/apps/oidc/okta/1'),
          clusterName: 'apps',
          issuerUrl: 'https://example.okta.com',
          clientId: 'kubernetes',
          status: 'ACTIVE',
        },
      ],
    },
    clusterVersions: [
      { clusterVersion: '1.33', status: 'standard-support', versionStatus: 'STANDARD_SUPPORT', releaseDate: new Date('2025-05-29T00:00:00Z') },
    ],
  });
  return { 'eu-west-1': region('eu-west-1'), 'us-east-1': region('us-east-1') };
}
