import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ClusterAccessLevel, HardenedEksCluster, HardeningErrorCode, HardeningValidationError } from '../../constructs';
import { appWithoutFlags, hardenedClusterStack, kubernetesObjects, resourcesOfType, templateOf, warningsOf } from '../fixtures/constructs';

/** The error a construct-building function throws, for asserting its stable code. */
function validationErrorOf(build: () => unknown): HardeningValidationError {
  try {
    build();
  } catch (error) {
    if (error instanceof HardeningValidationError) return error;
    throw error;
  }
  throw new Error('expected a HardeningValidationError, but nothing was thrown');
}

/** A `Fn::Join` ARN whose last literal part ends with `name` (AWS managed and access policy ARNs carry the partition). */
const arnEndingWith = (name: string) => ({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(`${name}$`)])] });

const clusterProps = (template: ReturnType<typeof templateOf>) => Object.values(resourcesOfType(template, 'AWS::EKS::Cluster'))[0]!;

describe('HardenedEksCluster: control plane', () => {
  // One synth for every default-setting assertion.
  const { stack } = hardenedClusterStack();
  const template = templateOf(stack);

  test('the API endpoint is private by default', () => {
    // GIVEN a cluster with no publicAccessCidrs, THEN only the private endpoint is on
    template.hasResourceProperties('AWS::EKS::Cluster', {
      ResourcesVpcConfig: Match.objectLike({ EndpointPublicAccess: false, EndpointPrivateAccess: true }),
    });
  });

  test('secrets are envelope-encrypted with a new customer managed key that rotates', () => {
    const keyRef = clusterProps(template).Properties.EncryptionConfig as { Provider: { KeyArn: { 'Fn::GetAtt': [string, string] } }; Resources: string[] }[];
    expect(keyRef[0]!.Resources).toEqual(['secrets']);
    const keyId = keyRef[0]!.Provider.KeyArn['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[keyId]).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
  });

  test('all five log types go to a pre-created, retained, KMS-encrypted log group', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', {
      Logging: { ClusterLogging: { EnabledTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((type) => ({ Type: type })) } },
    });
    const name = clusterProps(template).Properties.Name as string;
    const [logGroupId, logGroup] = Object.entries(resourcesOfType(template, 'AWS::Logs::LogGroup')).find(([, r]) => r.Properties.LogGroupName === `/aws/eks/${name}/cluster`)!;
    expect(logGroup.Properties).toMatchObject({ RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } });
    expect(logGroup.DeletionPolicy).toBe('Retain');
    // THEN the cluster is created after its log group, so EKS never creates an unencrypted one
    expect(clusterProps(template).DependsOn).toEqual(expect.arrayContaining([logGroupId]));
  });

  test('access entries only, and no permanent admin for the cluster creator', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', {
      AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false },
    });
  });

  test('deletion protection and the standard support policy are on', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', { DeletionProtection: true, UpgradePolicy: { SupportType: 'STANDARD' } });
  });

  test('managed node groups, not Auto Mode', () => {
    template.hasResourceProperties('AWS::EKS::Cluster', { ComputeConfig: Match.objectLike({ Enabled: false }) });
  });

  test('the IAM OIDC provider is the native resource, whatever the consumer\'s feature flags', () => {
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    template.resourceCountIs('Custom::AWSCDKOpenIdConnectProvider', 0);
  });

  test('the Pod Identity agent add-on is installed', () => {
    template.hasResourceProperties('AWS::EKS::Addon', { AddonName: 'eks-pod-identity-agent' });
  });

  test('control-plane ENIs sit in private subnets only', () => {
    const subnets = (clusterProps(template).Properties.ResourcesVpcConfig as { SubnetIds: { Ref: string }[] }).SubnetIds;
    expect(subnets.length).toBeGreaterThanOrEqual(2);
    for (const { Ref } of subnets) expect(Ref).toMatch(/private/i);
  });
});

describe('HardenedEksCluster: public endpoint', () => {
  test('a listed network gets a public endpoint restricted to it', () => {
    // GIVEN one office network
    const { stack } = hardenedClusterStack({ publicAccessCidrs: ['203.0.113.0/24'] });
    // THEN public access is on for that network only, private access stays on
    templateOf(stack).hasResourceProperties('AWS::EKS::Cluster', {
      ResourcesVpcConfig: Match.objectLike({ EndpointPublicAccess: true, EndpointPrivateAccess: true, PublicAccessCidrs: ['203.0.113.0/24'] }),
    });
  });

  test.each([['0.0.0.0/0'], ['::/0'], ['10.0.0.0/0']])('%s (the whole internet) is refused with WORLD_OPEN_ENDPOINT', (cidr) => {
    const error = validationErrorOf(() => hardenedClusterStack({ publicAccessCidrs: ['198.51.100.0/24', cidr] }));
    expect(error.code).toBe(HardeningErrorCode.WORLD_OPEN_ENDPOINT);
    expect(error.constructPath).toBe('Hardened/Cluster');
  });

  test('something that is not a CIDR is refused with INVALID_CIDR', () => {
    expect(validationErrorOf(() => hardenedClusterStack({ publicAccessCidrs: ['office'] })).code).toBe(HardeningErrorCode.INVALID_CIDR);
  });
});

describe('HardenedEksCluster: VPC CNI and node identity', () => {
  test('vpc-cni enforces network policy and gets its permissions through Pod Identity, not the node role', () => {
    const template = templateOf(hardenedClusterStack().stack);
    template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'vpc-cni',
      ResolveConflicts: 'OVERWRITE',
      ConfigurationValues: Match.serializedJson({ enableNetworkPolicy: 'true' }),
      PodIdentityAssociations: [{ ServiceAccount: 'aws-node', RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('VpcCniRole'), 'Arn'] } }],
    });
    const cniPolicy = Match.arrayWith([arnEndingWith(':iam::aws:policy/AmazonEKS_CNI_Policy')]);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] })] },
      ManagedPolicyArns: cniPolicy,
    });
    // THEN no role trusted by EC2 (the nodes) carries the CNI policy
    for (const role of Object.values(resourcesOfType(template, 'AWS::IAM::Role'))) {
      if (JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('ec2.amazonaws.com')) {
        expect(JSON.stringify(role.Properties.ManagedPolicyArns)).not.toContain('AmazonEKS_CNI_Policy');
      }
    }
  });

  test('with IRSA chosen, vpc-cni gets a service account role trusted for kube-system:aws-node only', () => {
    const template = templateOf(hardenedClusterStack({ vpcCniIdentityType: eks.IdentityType.IRSA }).stack);
    template.hasResourceProperties('AWS::EKS::Addon', { AddonName: 'vpc-cni', ServiceAccountRoleArn: Match.anyValue(), PodIdentityAssociations: Match.absent() });
    const conditions = Object.values(resourcesOfType(template, 'Custom::AWSCDKCfnJson')).map((r) => JSON.stringify(r.Properties.Value));
    expect(conditions.some((c) => c.includes(':sub') && c.includes('system:serviceaccount:kube-system:aws-node') && c.includes('sts.amazonaws.com'))).toBe(true);
  });
});

describe('HardenedEksCluster: node groups', () => {
  const { stack } = hardenedClusterStack();
  const template = templateOf(stack);

  test('the default node group runs AL2023 in private subnets through a hardened launch template, with no SSH', () => {
    template.hasResourceProperties('AWS::EKS::Nodegroup', {
      AmiType: 'AL2023_x86_64_STANDARD',
      LaunchTemplate: { Id: { Ref: Match.anyValue() }, Version: { 'Fn::GetAtt': [Match.anyValue(), 'LatestVersionNumber'] } },
      RemoteAccess: Match.absent(),
      Subnets: Match.arrayWith([{ Ref: Match.stringLikeRegexp('private') }]),
    });
  });

  test('the launch template requires IMDSv2 with hop limit 1 and encrypts gp3 volumes, with no key pair', () => {
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: {
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled', InstanceMetadataTags: 'disabled' },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: Match.objectLike({ VolumeType: 'gp3', Encrypted: true }) }],
        KeyName: Match.absent(),
        UserData: Match.absent(),
      },
    });
  });

  test('nodes start after the VPC CNI add-on, so they never need CNI permissions of their own', () => {
    const [nodegroup] = Object.values(resourcesOfType(template, 'AWS::EKS::Nodegroup'));
    const [cniId] = Object.entries(resourcesOfType(template, 'AWS::EKS::Addon')).find(([, r]) => r.Properties.AddonName === 'vpc-cni')!;
    expect(nodegroup!.DependsOn).toEqual(expect.arrayContaining([cniId]));
  });

  test('hop limit 2 is an explicit opt-in, and it is flagged at synth', () => {
    // GIVEN a node group whose pods need instance metadata
    const { stack: optedIn, cluster } = hardenedClusterStack({ defaultNodegroup: false });
    cluster.addNodegroup('Legacy', { imdsHopLimit: 2 });
    // THEN the template says 2 and the synth warns about it
    templateOf(optedIn).hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateData: Match.objectLike({ MetadataOptions: Match.objectLike({ HttpPutResponseHopLimit: 2 }) }) });
    expect(warningsOf(optedIn).some((w) => w.includes('IMDS hop limit is 2'))).toBe(true);
    // AND the accepted risk travels with the node group, so every audit marks it as such
    templateOf(optedIn).hasResource('AWS::EKS::Nodegroup', {
      Metadata: { hardeks: { suppressions: [{ checkId: '*imds-hop-limit-restricted', reason: Match.stringLikeRegexp('imdsHopLimit: 2') }] } },
    });
  });

  test.each([[0], [3]])('hop limit %d is refused with IMDS_HOP_LIMIT', (imdsHopLimit) => {
    const { cluster } = hardenedClusterStack({ defaultNodegroup: false, kubectl: false });
    expect(validationErrorOf(() => cluster.addNodegroup('Bad', { imdsHopLimit })).code).toBe(HardeningErrorCode.IMDS_HOP_LIMIT);
  });

  test('AL2 and Windows AMIs are refused with NODE_OS_NOT_HARDENED', () => {
    const { cluster } = hardenedClusterStack({ defaultNodegroup: false, kubectl: false });
    expect(validationErrorOf(() => cluster.addNodegroup('Al2', { amiType: eks.NodegroupAmiType.AL2_X86_64 })).code).toBe(HardeningErrorCode.NODE_OS_NOT_HARDENED);
    expect(validationErrorOf(() => cluster.addNodegroup('Win', { amiType: eks.NodegroupAmiType.WINDOWS_CORE_2022_X86_64 })).code).toBe(HardeningErrorCode.NODE_OS_NOT_HARDENED);
  });

  test('Bottlerocket keeps both its OS and data volumes encrypted', () => {
    const { stack: bottlerocket, cluster } = hardenedClusterStack({ defaultNodegroup: false, kubectl: false });
    cluster.addNodegroup('Br', { amiType: eks.NodegroupAmiType.BOTTLEROCKET_ARM_64, volumeSizeGiB: 80 });
    const template = templateOf(bottlerocket);
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: Match.objectLike({ Encrypted: true, VolumeType: 'gp3' }) },
          { DeviceName: '/dev/xvdb', Ebs: Match.objectLike({ Encrypted: true, VolumeType: 'gp3', VolumeSize: 80 }) },
        ],
      }),
    });
    template.hasResourceProperties('AWS::EKS::Nodegroup', { AmiType: 'BOTTLEROCKET_ARM_64', InstanceTypes: ['m7g.large'] });
  });

  test('public subnets and contradictory sizes are refused', () => {
    const { cluster } = hardenedClusterStack({ defaultNodegroup: false, kubectl: false });
    expect(validationErrorOf(() => cluster.addNodegroup('Pub', { subnets: { subnetType: ec2.SubnetType.PUBLIC } })).code).toBe(HardeningErrorCode.VPC);
    expect(validationErrorOf(() => cluster.addNodegroup('Size', { minSize: 3, desiredSize: 2 })).code).toBe(HardeningErrorCode.NODEGROUP_SIZE);
    expect(validationErrorOf(() => cluster.addNodegroup('Disk', { volumeSizeGiB: 8 })).code).toBe(HardeningErrorCode.ROOT_VOLUME_SIZE);
  });
});

describe('HardenedEksCluster: workload namespaces', () => {
  test('each namespace gets restricted Pod Security, default deny with DNS egress, and a token-less default service account', () => {
    const objects = kubernetesObjects(templateOf(hardenedClusterStack({ workloadNamespaces: ['payments'] }).stack));
    const namespace = objects.find((o) => o.kind === 'Namespace') as { metadata: { name: string; labels: Record<string, string> } };
    expect(namespace.metadata.name).toBe('payments');
    for (const mode of ['enforce', 'audit', 'warn']) expect(namespace.metadata.labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy') as { metadata: { namespace: string }; spec: { podSelector: object; policyTypes: string[]; egress?: unknown[] } }[];
    expect(policies.every((p) => p.metadata.namespace === 'payments')).toBe(true);
    expect(policies).toContainEqual(expect.objectContaining({ spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }));
    const dns = policies.find((p) => p.spec.egress !== undefined)!;
    expect(JSON.stringify(dns.spec.egress)).toContain('"port":53');
    expect(objects).toContainEqual(expect.objectContaining({ kind: 'ServiceAccount', metadata: expect.objectContaining({ name: 'default', namespace: 'payments' }), automountServiceAccountToken: false }));
  });

  test('namespaces wait for the VPC CNI, so their NetworkPolicies are enforced from the start', () => {
    const template = templateOf(hardenedClusterStack().stack);
    const [cniId] = Object.entries(resourcesOfType(template, 'AWS::EKS::Addon')).find(([, r]) => r.Properties.AddonName === 'vpc-cni')!;
    const [manifest] = Object.values(resourcesOfType(template, 'Custom::AWSCDK-EKS-KubernetesResource')).filter((r) => String(r.Properties.Manifest).includes('"kind":"Namespace"'));
    expect(manifest!.DependsOn).toEqual(expect.arrayContaining([cniId]));
  });

  test('with kubectl off, nothing is applied and a warning says what was not', () => {
    // GIVEN the kubectl provider turned off
    const { stack } = hardenedClusterStack({ kubectl: false, workloadNamespaces: ['payments'] });
    const template = templateOf(stack);
    // THEN no kubectl resources exist, and the warning names the namespace and the missing protections
    template.resourceCountIs('Custom::AWSCDK-EKS-KubernetesResource', 0);
    template.resourceCountIs('AWS::Lambda::LayerVersion', 0);
    const warning = warningsOf(stack).find((w) => w.includes('"payments"'));
    expect(warning).toEqual(expect.stringContaining('pod-security.kubernetes.io'));
    expect(warning).toEqual(expect.stringContaining('default-deny NetworkPolicy'));
  });

  test.each([['kube-system', HardeningErrorCode.RESERVED_NAMESPACE], ['Payments', HardeningErrorCode.KUBERNETES_NAME], ['team-*', HardeningErrorCode.KUBERNETES_NAME]])(
    'namespace %s is refused with %s',
    (namespace, code) => {
      expect(validationErrorOf(() => hardenedClusterStack({ workloadNamespaces: [namespace] })).code).toBe(code);
    },
  );
});

describe('HardenedEksCluster: addWorkloadIdentity', () => {
  test('Pod Identity: one association, and a trust that checks this cluster, namespace and service account', () => {
    // GIVEN a workload identity for workloads/orders
    const { stack, cluster } = hardenedClusterStack();
    const identity = cluster.addWorkloadIdentity('Orders', { namespace: 'workloads', serviceAccount: 'orders' });
    const template = templateOf(stack);
    // THEN the association names exactly that service account
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', { Namespace: 'workloads', ServiceAccount: 'orders', RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('Orders'), 'Arn'] } });
    // AND the role trusts Pod Identity only with this account's and this service account's session tags
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'pods.eks.amazonaws.com' },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Condition: {
              StringEquals: {
                'aws:SourceAccount': { Ref: 'AWS::AccountId' },
                'aws:RequestTag/eks-cluster-arn': Match.anyValue(),
                'aws:RequestTag/kubernetes-namespace': 'workloads',
                'aws:RequestTag/kubernetes-service-account': 'orders',
              },
            },
          }),
        ],
      },
    });
    // AND the service account exists after its namespace, without an API token
    expect(kubernetesObjects(template)).toContainEqual(expect.objectContaining({ kind: 'ServiceAccount', metadata: expect.objectContaining({ name: 'orders', namespace: 'workloads' }), automountServiceAccountToken: false }));
    expect(identity.grantPrincipal).toBe(identity.role);
  });

  test('IRSA: a trust on the cluster\'s issuer with exact sub and aud, and the annotated service account', () => {
    const { stack, cluster } = hardenedClusterStack();
    cluster.addWorkloadIdentity('Batch', { namespace: 'workloads', serviceAccount: 'batch', identityType: eks.IdentityType.IRSA });
    const template = templateOf(stack);
    template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 0);
    const conditions = Object.values(resourcesOfType(template, 'Custom::AWSCDKCfnJson')).map((r) => JSON.stringify(r.Properties.Value));
    expect(conditions.some((c) => c.includes('system:serviceaccount:workloads:batch') && c.includes(':aud') && c.includes('sts.amazonaws.com'))).toBe(true);
    const serviceAccount = Object.values(resourcesOfType(template, 'Custom::AWSCDK-EKS-KubernetesResource')).find((r) => JSON.stringify(r.Properties.Manifest).includes('batch'))!;
    expect(JSON.stringify(serviceAccount.Properties.Manifest)).toContain('eks.amazonaws.com/role-arn');
  });

  test.each([['*', 'orders'], ['workloads', '*'], ['', 'orders']])('namespace %j and service account %j (not exactly one) are refused', (namespace, serviceAccount) => {
    const { cluster } = hardenedClusterStack({ kubectl: false });
    expect(validationErrorOf(() => cluster.addWorkloadIdentity('Bad', { namespace, serviceAccount })).code).toBe(HardeningErrorCode.KUBERNETES_NAME);
  });

  test('with kubectl off, the association is still made and a warning says to create the service account', () => {
    const { stack, cluster } = hardenedClusterStack({ kubectl: false });
    cluster.addWorkloadIdentity('Orders', { namespace: 'workloads', serviceAccount: 'orders' });
    templateOf(stack).resourceCountIs('AWS::EKS::PodIdentityAssociation', 1);
    expect(warningsOf(stack).some((w) => w.includes('workloads/orders'))).toBe(true);
  });
});

describe('HardenedEksCluster: grantAccess', () => {
  const viewerArn = 'arn:aws:iam::111122223333:role/viewers';

  test('VIEW is cluster-wide read through an access entry', () => {
    const { stack, cluster } = hardenedClusterStack({ kubectl: false });
    cluster.grantAccess('Viewers', viewerArn);
    templateOf(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      PrincipalArn: viewerArn,
      AccessPolicies: [{ PolicyArn: arnEndingWith('AmazonEKSViewPolicy'), AccessScope: { Type: 'cluster' } }],
    });
  });

  test('EDIT is limited to the namespaces given', () => {
    const { stack, cluster } = hardenedClusterStack({ kubectl: false });
    cluster.grantAccess('Team', viewerArn, { level: ClusterAccessLevel.EDIT, namespaces: ['workloads'] });
    templateOf(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      AccessPolicies: [{ PolicyArn: arnEndingWith('AmazonEKSEditPolicy'), AccessScope: { Type: 'namespace', Namespaces: ['workloads'] } }],
    });
  });

  test.each([
    ['EDIT without namespaces', viewerArn, { level: ClusterAccessLevel.EDIT }, HardeningErrorCode.ACCESS_SCOPE],
    ['CLUSTER_ADMIN per namespace', viewerArn, { level: ClusterAccessLevel.CLUSTER_ADMIN, namespaces: ['workloads'] }, HardeningErrorCode.ACCESS_SCOPE],
    ['an IAM user', 'arn:aws:iam::111122223333:user/alice', {}, HardeningErrorCode.IAM_USER_PRINCIPAL],
  ])('%s is refused', (_name, principal, options, code) => {
    const { cluster } = hardenedClusterStack({ kubectl: false });
    expect(validationErrorOf(() => cluster.grantAccess('Bad', principal, options)).code).toBe(code);
  });

  test('the break-glass admin role gets cluster admin; nobody else but the kubectl provider does', () => {
    const { stack } = hardenedClusterStack({ clusterAdminRoleArn: 'arn:aws:iam::111122223333:role/break-glass' });
    const entries = Object.values(resourcesOfType(templateOf(stack), 'AWS::EKS::AccessEntry'));
    const admins = entries.filter((e) => JSON.stringify(e.Properties.AccessPolicies).includes('AmazonEKSClusterAdminPolicy'));
    expect(admins).toHaveLength(2);
    expect(admins.map((e) => e.Properties.PrincipalArn)).toContain('arn:aws:iam::111122223333:role/break-glass');
  });
});

describe('HardenedEksCluster: keys, versions and names', () => {
  test('given keys and retention are used as they are', () => {
    const app = appWithoutFlags();
    const stack = new Stack(app, 'Keys');
    const secretsKey = new kms.Key(stack, 'Mine', { enableKeyRotation: true });
    new HardenedEksCluster(stack, 'Cluster', { secretsEncryptionKey: secretsKey, logRetention: logs.RetentionDays.TWO_YEARS, kubectl: false });
    const template = templateOf(stack);
    template.hasResourceProperties('AWS::EKS::Cluster', { EncryptionConfig: [{ Provider: { KeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Mine'), 'Arn'] } }, Resources: ['secrets'] }] });
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: Match.stringLikeRegexp('^/aws/eks/'), RetentionInDays: 731 });
  });

  test('log retention under 90 days is refused with LOG_RETENTION', () => {
    expect(validationErrorOf(() => hardenedClusterStack({ logRetention: logs.RetentionDays.ONE_MONTH })).code).toBe(HardeningErrorCode.LOG_RETENTION);
  });

  test('a Kubernetes version the bundled kubectl cannot drive needs a matching layer', () => {
    expect(validationErrorOf(() => hardenedClusterStack({ version: eks.KubernetesVersion.V1_32 })).code).toBe(HardeningErrorCode.KUBECTL_VERSION_SKEW);
    // kubectl off: nothing to drive, so any version is accepted
    expect(() => hardenedClusterStack({ version: eks.KubernetesVersion.V1_32, kubectl: false })).not.toThrow();
  });

  test('an invalid cluster name is refused with CLUSTER_NAME', () => {
    expect(validationErrorOf(() => hardenedClusterStack({ clusterName: '-prod' })).code).toBe(HardeningErrorCode.CLUSTER_NAME);
  });
});

describe('HardenedEksCluster: self-verification', () => {
  test('a change that opens the endpoint to the world fails the synth with the check that caught it', () => {
    // GIVEN a hardened cluster whose endpoint is opened behind its back
    const { app, cluster } = hardenedClusterStack({ kubectl: false });
    const cfnCluster = cluster.cluster.node.defaultChild as eks.CfnCluster;
    cfnCluster.addPropertyOverride('ResourcesVpcConfig.EndpointPublicAccess', true);
    cfnCluster.addPropertyOverride('ResourcesVpcConfig.PublicAccessCidrs', ['0.0.0.0/0']);
    // THEN the construct's own audit stops the synth
    expect(() => app.synth()).toThrow(/eks-endpoint-not-public/);
  });

  test('verify: false leaves the judgement to the app', () => {
    const { app, cluster } = hardenedClusterStack({ kubectl: false, verify: false });
    (cluster.cluster.node.defaultChild as eks.CfnCluster).addPropertyOverride('ResourcesVpcConfig.EndpointPublicAccess', true);
    expect(() => app.synth()).not.toThrow();
  });
});
