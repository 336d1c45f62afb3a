import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HardeningErrorCode, HardeningValidationError } from './errors';
import { logsKey } from './keys';
import { acknowledgeRule, NIST_800_53_R5 } from './nag-acknowledgements';
import { requireRetention } from './retention';

/** The interface endpoints a cluster whose nodes have no direct route to AWS APIs needs (ECR pulls, node join, Pod Identity, logs). */
const CLUSTER_INTERFACE_ENDPOINTS: readonly [string, ec2.InterfaceVpcEndpointAwsService][] = [
  ['EcrApi', ec2.InterfaceVpcEndpointAwsService.ECR],
  ['EcrDocker', ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER],
  ['Sts', ec2.InterfaceVpcEndpointAwsService.STS],
  ['Ec2', ec2.InterfaceVpcEndpointAwsService.EC2],
  ['Logs', ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS],
  ['Eks', ec2.InterfaceVpcEndpointAwsService.EKS],
  ['EksAuth', ec2.InterfaceVpcEndpointAwsService.EKS_AUTH],
];

export interface HardenedVpcProps {
  /**
   * The IPv4 range of the VPC. A literal CIDR, so security group rules that admit the VPC can name it.
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * How many availability zones to span; an environment-agnostic stack gets at most 2.
   * @default 3
   */
  readonly maxAzs?: number;
  /**
   * NAT gateways for the private subnets' egress.
   * @default - one per availability zone, so losing a zone does not cut the others off
   */
  readonly natGateways?: number;
  /**
   * Interface endpoints for ECR, STS, EC2, CloudWatch Logs, EKS and EKS Auth (the S3 gateway endpoint is always created).
   * @default true
   */
  readonly interfaceEndpoints?: boolean;
  /**
   * How long flow logs are kept (at least 90 days).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly flowLogRetention?: logs.RetentionDays;
  /**
   * Key that encrypts the flow-log group.
   * @default - a new rotating key that only CloudWatch Logs of this account and region may use
   */
  readonly logsEncryptionKey?: kms.IKey;
}

/**
 * A VPC for an EKS cluster whose nodes are never reachable from the internet: private subnets for
 * nodes (egress through NAT), public subnets that assign no public IPs (for NAT gateways and load
 * balancers only), flow logs of all traffic into a retained, KMS-encrypted log group, the default
 * security group stripped of its rules, and the endpoints a private cluster needs.
 */
export class HardenedVpc extends Construct {
  /** The VPC. */
  public readonly vpc: ec2.Vpc;
  /** The group that admits HTTPS from the VPC to the interface endpoints, if any were created. */
  public readonly endpointSecurityGroup?: ec2.SecurityGroup;
  /** The group of the flow logs. */
  public readonly flowLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HardenedVpcProps = {}) {
    super(scope, id);
    const cidr = props.cidr ?? '10.0.0.0/16';
    const maxAzs = props.maxAzs ?? 3;
    if (maxAzs < 2) throw new HardeningValidationError(HardeningErrorCode.VPC, `maxAzs must be at least 2 (EKS needs subnets in two zones); got ${maxAzs}`, this);
    const retention = requireRetention(props.flowLogRetention ?? logs.RetentionDays.ONE_YEAR, 'flowLogRetention', this);

    this.flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      retention,
      encryptionKey: props.logsEncryptionKey ?? logsKey(this, 'LogsKey', `${this.node.path} VPC flow logs`),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      maxAzs,
      natGateways: props.natGateways,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        // Public subnets hold NAT gateways and load balancers; nothing launched there gets a public IP by default.
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 19 },
      ],
      flowLogs: {
        all: {
          trafficType: ec2.FlowLogTrafficType.ALL,
          destination: ec2.FlowLogDestination.toCloudWatchLogs(this.flowLogGroup, flowLogRole(this, this.flowLogGroup)),
        },
      },
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    });

    if (props.interfaceEndpoints ?? true) this.endpointSecurityGroup = this.addInterfaceEndpoints(cidr);
    acknowledgeRule(
      this.vpc,
      NIST_800_53_R5,
      'VPCNoUnrestrictedRouteToIGW',
      'Only the public subnets route to the internet gateway, for NAT gateways and internet-facing load balancers; nodes and the API endpoint are in private subnets.',
    );
  }

  /** One security group for every endpoint, admitting HTTPS from the VPC's own (literal) range and sending nothing. */
  private addInterfaceEndpoints(cidr: string): ec2.SecurityGroup {
    const securityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'HTTPS from the VPC to AWS service endpoints',
      allowAllOutbound: false,
    });
    securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
    for (const [id, service] of CLUSTER_INTERFACE_ENDPOINTS) {
      this.vpc.addInterfaceEndpoint(id, { service, privateDnsEnabled: true, securityGroups: [securityGroup], open: false, subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });
    }
    return securityGroup;
  }
}

/**
 * The flow-log delivery role, usable by VPC Flow Logs only for flow logs of this account (no
 * confused deputy), and only to write into the flow-log group. Its permissions are a managed
 * policy of their own, and CDK may not add others.
 */
function flowLogRole(scope: Construct, logGroup: logs.ILogGroup): iam.IRole {
  const stack = Stack.of(scope);
  const role = new iam.Role(scope, 'FlowLogRole', {
    description: 'Delivers VPC flow logs to CloudWatch Logs',
    assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com').withConditions({
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:ec2:${stack.region}:${stack.account}:vpc-flow-log/*` },
    }),
  });
  role.addManagedPolicy(
    new iam.ManagedPolicy(scope, 'FlowLogDelivery', {
      description: 'Write VPC flow logs into their log group',
      statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [logGroup.logGroupArn] })],
    }),
  );
  return role.withoutPolicyUpdates();
}
