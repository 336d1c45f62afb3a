import { vpcSubnetNoAutoPublicIp } from '../../../lib/checks/vpc/subnet-no-auto-public-ip';
import { fakeSubnet, judge, statusByKey } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = vpcSubnetNoAutoPublicIp;

describe('vpc-subnet-no-auto-public-ip', () => {
  test('a subnet that maps public IPv4 addresses → FAIL keyed Address::ipv4', () => {
    const subnet = fakeSubnet({ mapPublicIpOnLaunch: true });
    expect(judge(check, [subnet])).toEqual([expect.objectContaining({ checkId: 'vpc-subnet-no-auto-public-ip', status: 'FAIL', key: 'Address::ipv4', resource: subnet.id })]);
  });
  test('a private subnet without IPv6 → one PASS', () => expect(statusByKey(judge(check, [fakeSubnet()]))).toEqual({ 'Address::ipv4': 'PASS' }));
  test('a dual-stack subnet is judged on IPv6 too', () => {
    const subnet = fakeSubnet({ ipv6CidrBlocks: ['2600:1f18:4a2:9f00::/64'], assignIpv6AddressOnCreation: true });
    expect(statusByKey(judge(check, [subnet]))).toEqual({ 'Address::ipv4': 'PASS', 'Address::ipv6': 'FAIL' });
  });
  test('an unresolved IPv4 setting does not hide the IPv6 answer', () => {
    const subnet = fakeSubnet({ mapPublicIpOnLaunch: unresolved('<MapPublic>'), ipv6CidrBlocks: ['2600:1f18::/64'] });
    expect(statusByKey(judge(check, [subnet]))).toEqual({ 'Address::ipv4': 'UNKNOWN', 'Address::ipv6': 'PASS' });
  });
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeSubnet({ mapPublicIpOnLaunch: true })], { coverage: [deniedCoverage('ec2.subnet', REGION, 'DescribeSubnets')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
