import { defineResourceCheck, fail, must, pass, type Verdict } from '../../engine/check';
import { describeResolvable } from '../../model';
import { settle } from '../ec2/lib/decide';

export const vpcSubnetNoAutoPublicIp = defineResourceCheck({
  id: 'vpc-subnet-no-auto-public-ip',
  kind: 'ec2.subnet',
  title: 'Subnets do not give instances public addresses automatically',
  severity: 'medium',
  description:
    'The subnet does not assign a public IPv4 address to instances launched in it (MapPublicIpOnLaunch), keyed ' +
    '`Address::ipv4`; a subnet with an IPv6 block also does not assign IPv6 addresses (AssignIpv6AddressOnCreation), keyed ' +
    '`Address::ipv6`, as Security Hub EC2.15 judges both. EKS clusters on IPv6 need auto-assigned IPv6 addresses in node ' +
    'subnets: suppress `Address::ipv6` for those subnets, with egress-only internet gateways keeping them unreachable.',
  risk:
    'Every instance launched in the subnet (including EKS nodes and anything launched without thought) becomes reachable ' +
    'from the internet as soon as a security group allows it.',
  remediation:
    'aws ec2 modify-subnet-attribute --subnet-id <subnet> --no-map-public-ip-on-launch (and --no-assign-ipv6-address-on-creation); ' +
    'run nodes in private subnets and give public load balancers their own subnets.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15',
    'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html',
  ],
  frameworks: { securityHub: ['EC2.15'] },

  evaluate(subnet) {
    const name = describeResolvable(subnet.subnetId);
    const verdicts: Verdict[] = [
      settle('Address::ipv4', () =>
        must(subnet.mapPublicIpOnLaunch)
          ? fail(`Subnet ${name} gives every instance launched in it a public IPv4 address.`, { key: 'Address::ipv4' })
          : pass(`Subnet ${name} does not assign public IPv4 addresses.`, { key: 'Address::ipv4' }),
      ),
    ];
    if (subnet.ipv6CidrBlocks.length > 0) {
      verdicts.push(
        settle('Address::ipv6', () =>
          must(subnet.assignIpv6AddressOnCreation)
            ? fail(`Subnet ${name} gives every instance launched in it an IPv6 address, which is globally routable.`, { key: 'Address::ipv6' })
            : pass(`Subnet ${name} does not assign IPv6 addresses.`, { key: 'Address::ipv6' }),
        ),
      );
    }
    return verdicts;
  },
});
