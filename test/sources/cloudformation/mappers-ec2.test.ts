import { fixture, resource } from './fixture';

const inventory = fixture('ec2.yaml');

describe('AWS::EC2::VPC and AWS::EC2::VPCCidrBlock', () => {
  test('an Amazon-provided IPv6 block is folded in, unknown until deployed', () => {
    expect(resource(inventory, 'ec2.vpc', 'Vpc')).toMatchObject({
      vpcId: 'cfn:Test/Vpc',
      cidrBlocks: ['10.0.0.0/16'],
      ipv6CidrBlocks: [{ unresolved: '<VpcIpv6.Ipv6CidrBlock>' }],
      isDefault: false,
    });
  });
});

describe('AWS::EC2::Subnet', () => {
  test('defaults: no public IPs, no IPv6 on creation; Fn::Cidr stays unresolved', () => {
    expect(resource(inventory, 'ec2.subnet', 'Public')).toMatchObject({
      vpcId: 'cfn:Test/Vpc',
      cidrBlock: { unresolved: '<Fn::Cidr>[0]' },
      mapPublicIpOnLaunch: true,
      availabilityZone: 'eu-west-1a',
    });
    expect(resource(inventory, 'ec2.subnet', 'Private')).toMatchObject({ mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: false, ipv6CidrBlocks: [] });
  });
});

describe('AWS::EC2::SecurityGroup with SecurityGroupIngress/Egress', () => {
  test('inline and separate rules are one list; protocol numbers are named; GetAtt VPC.CidrBlock is known', () => {
    const web = resource(inventory, 'ec2.security-group', 'Web');
    expect(web.ingress).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'ipv4', cidr: '0.0.0.0/0' }, description: 'https' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, peer: { type: 'ipv4', cidr: { unresolved: '<OfficeCidr>' } } },
      { protocol: '-1', peer: { type: 'ipv4', cidr: '10.0.0.0/16' } },
    ]);
    // Explicit egress replaces EC2's default allow-all rule.
    expect(web.egress).toEqual([{ protocol: 'tcp', fromPort: 443, toPort: 443, peer: { type: 'prefix-list', prefixListId: 'pl-123' } }]);
  });

  test('a group created without egress rules keeps EC2 allow-all egress (IPv6 too in an IPv6 VPC), beside separate egress rules', () => {
    const db = resource(inventory, 'ec2.security-group', 'Db');
    expect(db.groupName).toBe('db');
    expect(db.ingress).toEqual([{ protocol: 'tcp', fromPort: 5432, toPort: 5432, peer: { type: 'security-group', groupId: 'cfn:Test/Web' } }]);
    expect(db.egress).toEqual([
      { protocol: '-1', peer: { type: 'ipv4', cidr: '0.0.0.0/0' } },
      { protocol: '-1', peer: { type: 'ipv6', cidr: '::/0' } },
      { protocol: 'icmp', fromPort: 252, toPort: 86, peer: { type: 'ipv4', cidr: '255.255.255.255/32' } },
    ]);
  });
});

describe('AWS::EC2::NetworkAcl with NetworkAclEntry and SubnetNetworkAclAssociation', () => {
  test('entries and associations are folded in, after EC2 catch-all deny rules', () => {
    const acl = resource(inventory, 'ec2.network-acl', 'Acl');
    expect(acl.associatedSubnetIds).toEqual(['cfn:Test/Public']);
    expect(acl.entries).toEqual(
      expect.arrayContaining([
        { ruleNumber: 32767, egress: false, action: 'deny', protocol: '-1', cidr: { type: 'ipv4', cidr: '0.0.0.0/0' } },
        { ruleNumber: 32767, egress: true, action: 'deny', protocol: '-1', cidr: { type: 'ipv6', cidr: '::/0' } },
        { ruleNumber: 100, egress: false, action: 'allow', protocol: '6', cidr: { type: 'ipv4', cidr: '0.0.0.0/0' }, portRange: { from: 22, to: 22 } },
        { ruleNumber: 100, egress: true, action: 'allow', protocol: '-1', cidr: { type: 'ipv6', cidr: '::/0' } },
      ]),
    );
    expect(acl.entries).toHaveLength(6);
  });
});

describe('AWS::EC2::FlowLog', () => {
  test('reads traffic type and destination', () => {
    expect(resource(inventory, 'ec2.flow-log', 'FlowLog')).toMatchObject({ resourceId: 'cfn:Test/Vpc', trafficType: 'REJECT', destinationType: 's3' });
  });
});

describe('AWS::EC2::LaunchTemplate', () => {
  test('the template is version 1; only metadata options it sets are present', () => {
    const lt = resource(inventory, 'ec2.launch-template', 'Template');
    expect(lt).toMatchObject({ name: 'nodes', defaultVersion: 1, latestVersion: 1 });
    expect(lt.versions).toEqual([
      {
        versionNumber: 1,
        metadataOptions: { httpTokens: 'optional' },
        blockDevices: [{ deviceName: '/dev/xvda', encrypted: true, volumeType: 'gp3', volumeSize: 50 }],
        associatePublicIp: true,
        securityGroupIds: ['cfn:Test/Web', 'cfn:Test/Db'],
        imageId: 'ami-123',
        keyName: 'ops',
        hasUserData: true,
      },
    ]);
    expect(resource(inventory, 'ec2.launch-template', 'Bare').versions[0]).toEqual({ versionNumber: 1, blockDevices: [], securityGroupIds: [], hasUserData: false });
  });
});

describe('AWS::EC2::Instance and AWS::EC2::VolumeAttachment', () => {
  test('an instance takes what its launch template sets and the account decides the rest', () => {
    const i = resource(inventory, 'ec2.instance', 'FromTemplate');
    expect(i).toMatchObject({
      subnetId: 'cfn:Test/Public',
      vpcId: 'cfn:Test/Vpc',
      imageId: 'ami-123',
      associatePublicIp: true,
      iamInstanceProfileArn: 'cfn:Test/Profile',
      launchTemplate: { launchTemplateId: 'cfn:Test/Template', version: '1' },
      metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: { unresolved: '<IMDS default hop limit of the account>' }, httpEndpoint: 'enabled' },
    });
  });

  test('explicit metadata options; volumes listed and attached', () => {
    const i = resource(inventory, 'ec2.instance', 'Standalone');
    expect(i.metadataOptions).toEqual({ httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' });
    expect(i.associatePublicIp).toBe(false);
    expect(i.securityGroupIds).toEqual(['cfn:Test/Db']);
    expect(i.volumeIds).toEqual(['cfn:Test/Data', 'cfn:Test/Scratch']);
  });
});

describe('AWS::EC2::Volume', () => {
  test('omitted encryption is the account default, which the template does not show', () => {
    expect(resource(inventory, 'ec2.volume', 'Data')).toMatchObject({ encrypted: { unresolved: '<EBS encryption by default of the account>' }, volumeType: 'gp2', attachedInstanceIds: [] });
    expect(resource(inventory, 'ec2.volume', 'Scratch')).toMatchObject({ encrypted: true, kmsKeyId: 'alias/ebs', volumeType: 'gp3', attachedInstanceIds: ['cfn:Test/Standalone'] });
  });
});

describe('AWS::EC2::PrefixList', () => {
  test('reads its entries', () => {
    expect(resource(inventory, 'ec2.prefix-list', 'Offices')).toMatchObject({ prefixListId: 'cfn:Test/Offices', name: 'offices', addressFamily: 'IPv4', cidrs: ['203.0.113.0/24'] });
  });
});
