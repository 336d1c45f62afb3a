import {
  DescribeClusterCommand,
  DescribeClusterVersionsCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListAccessEntriesCommand,
  ListAddonsCommand,
  ListClustersCommand,
  ListIdentityProviderConfigsCommand,
  ListNodegroupsCommand,
  ListPodIdentityAssociationsCommand,
  type Cluster,
} from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import { inventorySchema } from '../../../lib/model';
import { eksCollector, toEksCluster, toEksClusterVersion, toEksNodegroup } from '../../../lib/sources/live/collectors/eks';
import { SIM_ACCOUNT, collectMocked, mockAccount, sdkError } from '../../fixtures/live-kms-cloudtrail-guardduty';

const at = { accountId: SIM_ACCOUNT, region: 'eu-west-1', partition: 'aws' };

/** DescribeCluster as EKS answers it for a cluster created with every default: no CIDRs, no logging, no encryption, no accessConfig. */
const DEFAULTS_CLUSTER: Cluster = {
  name: 'old',
  arn: `arn:aws:eks:eu-west-1:${SIM_ACCOUNT}:cluster/old`,
  createdAt: new Date('2021-02-03T04:05:06.789Z'),
  version: '1.29',
  roleArn: `arn:aws:iam::${SIM_ACCOUNT}:role/eks`,
  resourcesVpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: [], endpointPublicAccess: true, endpointPrivateAccess: false },
  logging: { clusterLogging: [{ types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false }] },
  status: 'ACTIVE',
};

describe('EKS mapping of recorded-shape responses', () => {
  test('a cluster with every default: public to 0.0.0.0/0, no logs, no secrets key, CONFIG_MAP, Dates as ISO strings', () => {
    const cluster = toEksCluster(DEFAULTS_CLUSTER, at);
    expect(cluster).toMatchObject({
      endpoint: { publicAccess: true, privateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] },
      enabledLogTypes: [],
      access: { authenticationMode: 'CONFIG_MAP' },
      createdAt: '2021-02-03T04:05:06.789Z',
    });
    expect(cluster.secretsKeyArn).toBeUndefined();
    expect(inventorySchema.shape.resources.shape['eks.cluster'].safeParse([cluster]).success).toBe(true);
  });

  test('only an encryption config covering `secrets` counts; logging groups are merged by enabled flag', () => {
    const cluster = toEksCluster(
      {
        ...DEFAULTS_CLUSTER,
        encryptionConfig: [{ resources: ['other'], provider: { keyArn: 'arn:aws:kms:eu-west-1:1:key/not-secrets' } }],
        logging: {
          clusterLogging: [
            { types: ['api', 'audit'], enabled: true },
            { types: ['scheduler'], enabled: false },
          ],
        },
      },
      at,
    );
    expect(cluster.secretsKeyArn).toBeUndefined();
    expect(cluster.enabledLogTypes).toEqual(['api', 'audit']);
  });

  test('node groups keep remote access, launch template and health; versions normalise their status spelling', () => {
    const group = toEksNodegroup(
      {
        nodegroupName: 'ng',
        nodegroupArn: `arn:aws:eks:eu-west-1:${SIM_ACCOUNT}:nodegroup/old/ng/1`,
        clusterName: 'old',
        nodeRole: `arn:aws:iam::${SIM_ACCOUNT}:role/nodes`,
        remoteAccess: { ec2SshKey: 'ops' },
        launchTemplate: { id: 'lt-1' },
        health: { issues: [{ code: 'Ec2SecurityGroupNotFound', message: 'gone' }] },
      },
      DEFAULTS_CLUSTER.arn!,
      at,
    );
    expect(group).toMatchObject({ remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: [] }, launchTemplate: { id: 'lt-1', version: '$Default' }, health: [{ code: 'Ec2SecurityGroupNotFound' }] });
    expect(toEksClusterVersion({ clusterVersion: '1.29', status: 'extended-support' }, at).status).toBe('EXTENDED_SUPPORT');
  });
});

describe('EKS collector with aws-sdk-client-mock', () => {
  const eks = mockClient(EKSClient);
  let account: ReturnType<typeof mockAccount>;
  beforeEach(() => {
    account = mockAccount(['eu-west-1']);
    eks.reset();
    eks.on(ListClustersCommand).resolvesOnce({ clusters: ['old'], nextToken: 'p2' }).resolvesOnce({ clusters: ['new'] });
    eks.on(DescribeClusterCommand, { name: 'old' }).resolves({ cluster: DEFAULTS_CLUSTER });
    eks.on(DescribeClusterCommand, { name: 'new' }).rejects(sdkError('ThrottlingException', 429, 'Rate exceeded'));
    eks.on(ListNodegroupsCommand).resolves({ nodegroups: ['ng'] });
    eks.on(DescribeNodegroupCommand).resolves({ nodegroup: { nodegroupName: 'ng', nodegroupArn: 'arn:aws:eks:eu-west-1:1:nodegroup/old/ng/1', clusterName: 'old', nodeRole: 'r' } });
    eks.on(ListAddonsCommand).resolves({ addons: [] });
    eks.on(ListAccessEntriesCommand).resolves({ accessEntries: [] });
    eks.on(ListPodIdentityAssociationsCommand).resolves({ associations: [] });
    eks.on(ListIdentityProviderConfigsCommand).resolves({ identityProviderConfigs: [] });
    eks.on(DescribeClusterVersionsCommand).resolves({ clusterVersions: [] });
  });
  afterEach(() => account.restore());
  afterAll(() => eks.restore());

  test('two ListClusters pages; a throttled DescribeCluster marks that cluster only; CONFIG_MAP clusters have no access entries to list', async () => {
    const inventory = await collectMocked([eksCollector], ['eu-west-1']);
    expect(eks.commandCalls(ListClustersCommand)).toHaveLength(2);
    const clusters = inventory.resources['eks.cluster']!;
    expect(clusters.map((c) => [c.name, c.incomplete?.code])).toEqual([
      ['new', 'THROTTLED'],
      ['old', undefined],
    ]);
    expect(inventory.coverage.find((c) => c.kind === 'eks.cluster')?.status).toBe('ok');
    // `old` is CONFIG_MAP (no accessConfig): listing its access entries would be refused, so it is not asked.
    expect(eks.commandCalls(ListAccessEntriesCommand).map((c) => c.args[0].input.clusterName)).toEqual(['new']);
  });
});
