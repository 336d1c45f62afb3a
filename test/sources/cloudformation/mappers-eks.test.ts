import { runChecks } from '../../../lib/engine/run';
import { eksEndpointNotPublic } from '../../../lib/checks/eks/endpoint-not-public';
import { fixture, resource } from './fixture';

const inventory = fixture('eks.yaml');

describe('AWS::EKS::Cluster', () => {
  test('an all-defaults cluster gets what EKS would report: public to the world, CONFIG_MAP, no logs, no key', () => {
    const c = resource(inventory, 'eks.cluster', 'DefaultCluster');
    expect(c.endpoint).toEqual({ publicAccess: true, privateAccess: false, publicAccessCidrs: ['0.0.0.0/0'] });
    expect(c.access).toEqual({ authenticationMode: 'CONFIG_MAP', bootstrapClusterCreatorAdminPermissions: true });
    expect(c.enabledLogTypes).toEqual([]);
    expect(c.secretsKeyArn).toBeUndefined();
    expect(c.upgradeSupportType).toBe('EXTENDED');
    expect(c.deletionProtection).toBe(false);
    expect(c.autoMode).toBe(false);
    // No Name: CloudFormation generates one, so the cluster is known by its id.
    expect(c.name).toBe('cfn:Test/DefaultCluster');
    expect(c.version).toEqual({ unresolved: '<EKS default version>' });
    expect(c.oidcIssuer).toEqual({ unresolved: '<DefaultCluster.OpenIdConnectIssuerUrl>' });
  });

  test('explicit settings are read, string booleans included, and references become ids', () => {
    const c = resource(inventory, 'eks.cluster', 'HardenedCluster');
    expect(c).toMatchObject({
      name: 'hardened',
      version: '1.33',
      roleArn: 'cfn:Test/ClusterRole',
      endpoint: { publicAccess: false, privateAccess: true, publicAccessCidrs: [] },
      vpcId: 'cfn:Test/Vpc',
      subnetIds: ['cfn:Test/SubnetA'],
      securityGroupIds: ['cfn:Test/ControlPlaneSg'],
      enabledLogTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
      secretsKeyArn: 'cfn:Test/SecretsKey',
      access: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      deletionProtection: true,
      upgradeSupportType: 'STANDARD',
    });
    expect(c.origin).toEqual({ kind: 'cfn', stack: 'Test', logicalId: 'HardenedCluster', constructPath: 'App/Hardened/Cluster/Resource', file: 'eks.yaml', line: 17 });
  });

  test('a key that encrypts other resources than secrets is no secrets key; a parameter without default stays unresolved', () => {
    const c = resource(inventory, 'eks.cluster', 'RestrictedCluster');
    expect(c.secretsKeyArn).toBeUndefined();
    expect(c.endpoint.publicAccessCidrs).toEqual([{ unresolved: '<AdminCidr>' }]);
  });

  test('the parameter-controlled CIDR is UNKNOWN until a value is given', () => {
    const statusOf = (inv: typeof inventory) =>
      runChecks(inv, [eksEndpointNotPublic]).findings.find((f) => f.resource.id === 'cfn:Test/RestrictedCluster')?.status;
    expect(statusOf(inventory)).toBe('UNKNOWN');
    expect(statusOf(fixture('eks.yaml', { parameters: { AdminCidr: '0.0.0.0/0' } }))).toBe('FAIL');
    expect(statusOf(fixture('eks.yaml', { parameters: { AdminCidr: '203.0.113.0/24' } }))).toBe('PASS');
  });
});

describe('Custom::AWSCDK-EKS-Cluster (classic aws-eks)', () => {
  test('reads the CreateCluster request in Config, keeping only enabled log groups', () => {
    const c = resource(inventory, 'eks.cluster', 'ClassicCluster');
    expect(c).toMatchObject({
      name: 'classic',
      version: '1.31',
      endpoint: { publicAccess: true, privateAccess: true, publicAccessCidrs: ['203.0.113.0/24'] },
      enabledLogTypes: ['api', 'audit'],
      secretsKeyArn: 'cfn:Test/SecretsKey',
      access: { authenticationMode: 'CONFIG_MAP' },
    });
  });
});

describe('AWS::EKS::Nodegroup', () => {
  test('defaults: on-demand t3.medium, 20 GiB; SSH without source groups is open to all', () => {
    const n = resource(inventory, 'eks.nodegroup', 'Nodes');
    expect(n).toMatchObject({
      clusterId: 'cfn:Test/HardenedCluster',
      clusterName: 'hardened',
      capacityType: 'ON_DEMAND',
      instanceTypes: ['t3.medium'],
      diskSizeGiB: 20,
      nodeRoleArn: 'cfn:Test/NodeRole',
      remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: [] },
    });
    expect(n.launchTemplate).toBeUndefined();
  });

  test('a launch template of the stack is referenced by id at its one version; the template decides instance types', () => {
    const n = resource(inventory, 'eks.nodegroup', 'TemplatedNodes');
    expect(n).toMatchObject({ name: 'templated', amiType: 'AL2023_x86_64_STANDARD', capacityType: 'SPOT', instanceTypes: ['m6i.large'] });
    expect(n.launchTemplate).toEqual({ id: 'cfn:Test/NodeTemplate', version: '1' });
    expect(n.diskSizeGiB).toBeUndefined();
    expect(n.remoteAccess).toBeUndefined();
  });

  test('a cluster of another stack, named literally, is referred to by its ARN form', () => {
    const n = resource(inventory, 'eks.nodegroup', 'ForeignNodes');
    expect(n.clusterId).toBe('arn:<AWS::Partition>:eks:<AWS::Region>:<AWS::AccountId>:cluster/other-stack-cluster');
    const known = fixture('eks.yaml', { region: 'eu-west-1', accountId: '111122223333' });
    expect(resource(known, 'eks.nodegroup', 'ForeignNodes').clusterId).toBe('arn:aws:eks:eu-west-1:111122223333:cluster/other-stack-cluster');
  });
});

describe('AWS::EKS::Addon', () => {
  test('pod identity associations declared on the add-on become associations in kube-system', () => {
    const a = resource(inventory, 'eks.addon', 'VpcCni');
    expect(a).toMatchObject({ name: 'vpc-cni', clusterId: 'cfn:Test/HardenedCluster', configurationValues: '{"enableNetworkPolicy":"true"}' });
    expect(a.podIdentityAssociations).toEqual(['cfn:Test/VpcCni/pod-identity/aws-node']);
    const association = inventory.resources['eks.pod-identity-association']!.find((p) => p.id === a.podIdentityAssociations[0]);
    expect(association).toMatchObject({ namespace: 'kube-system', serviceAccount: 'aws-node', roleArn: 'cfn:Test/CniRole', origin: { logicalId: 'VpcCni' } });
  });
});

describe('AWS::EKS::AccessEntry', () => {
  test('type defaults to STANDARD; scopes are lower case as the API reports them', () => {
    expect(resource(inventory, 'eks.access-entry', 'Admins')).toMatchObject({
      clusterId: 'cfn:Test/HardenedCluster',
      principalArn: 'arn:aws:iam::111122223333:role/admins',
      type: 'STANDARD',
      kubernetesGroups: [],
      accessPolicies: [{ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', scope: { type: 'namespace', namespaces: ['web'] } }],
    });
  });
});

describe('AWS::EKS::PodIdentityAssociation', () => {
  test('binds a service account to a role of the stack', () => {
    expect(resource(inventory, 'eks.pod-identity-association', 'AppIdentity')).toMatchObject({
      associationId: 'cfn:Test/AppIdentity',
      clusterId: 'cfn:Test/HardenedCluster',
      namespace: 'web',
      serviceAccount: 'app',
      roleArn: 'cfn:Test/CniRole',
    });
  });
});

describe('AWS::EKS::IdentityProviderConfig', () => {
  test('reads the OIDC issuer and client', () => {
    expect(resource(inventory, 'eks.identity-provider-config', 'Corporate')).toMatchObject({
      name: 'corporate',
      clusterId: 'cfn:Test/HardenedCluster',
      issuerUrl: 'https://login.example.com',
      clientId: 'kubernetes',
    });
  });
});
