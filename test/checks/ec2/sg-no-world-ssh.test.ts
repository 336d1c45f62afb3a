import { ec2SgNoWorldSsh } from '../../../lib/checks/ec2/sg-no-world-ssh';
import { allTraffic, fakePrefixList, fakeSecurityGroup, judge, sgRule, tcp, udp } from '../../fixtures/ec2';
import { REGION, deniedCoverage, okCoverage, unresolved } from '../../fixtures/model';

const check = ec2SgNoWorldSsh;

describe('ec2-sg-no-world-ssh', () => {
  test('TCP 22 from 0.0.0.0/0 → FAIL keyed Port::22 on the group', () => {
    const group = fakeSecurityGroup({ ingress: [tcp(22, '0.0.0.0/0')] });
    expect(judge(check, [group])).toEqual([
      expect.objectContaining({ checkId: 'ec2-sg-no-world-ssh', status: 'FAIL', key: 'Port::22', resource: group.id }),
    ]);
  });

  test.each([
    { name: 'IPv6 ::/0', rule: tcp(22, '::/0'), expected: 'FAIL' },
    { name: 'protocol -1 (every port) from the world', rule: allTraffic('0.0.0.0/0'), expected: 'FAIL' },
    { name: 'protocol 6 written as a number', rule: sgRule('6', 22, '0.0.0.0/0'), expected: 'FAIL' },
    { name: 'a TCP range containing 22', rule: tcp([0, 1024], '0.0.0.0/0'), expected: 'FAIL' },
    { name: 'a TCP range ending before 22', rule: tcp([0, 21], '0.0.0.0/0'), expected: 'PASS' },
    { name: 'UDP 22 from the world (a UDP rule does not open TCP)', rule: udp(22, '0.0.0.0/0'), expected: 'PASS' },
    { name: 'one network only', rule: tcp(22, '203.0.113.0/24'), expected: 'PASS' },
    { name: 'a referenced security group (not the internet)', rule: tcp(22, 'sg-0bastion'), expected: 'PASS' },
    { name: 'ICMP from the world', rule: sgRule('icmp', [8, 0], '0.0.0.0/0'), expected: 'PASS' },
  ])('$name → $expected', ({ rule, expected }) => {
    expect(judge(check, [fakeSecurityGroup({ ingress: [rule] })]).map((f) => f.status)).toEqual([expected]);
  });

  test('egress is not ingress: an egress-only group open to the world passes', () => {
    const group = fakeSecurityGroup({ ingress: [], egress: [tcp(22, '0.0.0.0/0'), allTraffic('::/0')] });
    expect(judge(check, [group]).map((f) => f.status)).toEqual(['PASS']);
  });

  describe('managed prefix lists', () => {
    const viaList = fakeSecurityGroup({ ingress: [tcp(22, 'pl-0corp')] });

    test('a collected list of office networks is not the internet → PASS', () => {
      expect(judge(check, [viaList, fakePrefixList()]).map((f) => f.status)).toEqual(['PASS']);
    });

    test('a collected list holding 0.0.0.0/0 is the internet → FAIL', () => {
      const list = fakePrefixList({ cidrs: ['203.0.113.0/24', '0.0.0.0/0'] });
      expect(judge(check, [viaList, list]).map((f) => [f.status, f.key])).toEqual([['FAIL', 'Port::22']]);
    });

    test('a list that is not in the collected inventory → UNKNOWN', () => {
      expect(judge(check, [viaList], { alsoCollected: ['ec2.prefix-list'] }).map((f) => f.status)).toEqual(['UNKNOWN']);
    });

    test('prefix lists not collected at all → UNKNOWN, never PASS', () => {
      const coverage = [okCoverage('ec2.security-group'), deniedCoverage('ec2.prefix-list', REGION, 'DescribeManagedPrefixLists')];
      expect(judge(check, [viaList], { coverage }).map((f) => f.status)).toEqual(['UNKNOWN']);
    });

    test('a prefix list on another port does not matter, collected or not → PASS', () => {
      const group = fakeSecurityGroup({ ingress: [tcp(443, 'pl-0unknown')] });
      const coverage = [okCoverage('ec2.security-group'), deniedCoverage('ec2.prefix-list', REGION, 'DescribeManagedPrefixLists')];
      expect(judge(check, [group], { coverage }).map((f) => f.status)).toEqual(['PASS']);
    });
  });

  test('an unresolved CIDR on a rule for 22 → UNKNOWN', () => {
    const group = fakeSecurityGroup({ ingress: [sgRule('tcp', 22, { type: 'ipv4', cidr: unresolved('<AdminCidr>') })] });
    expect(judge(check, [group]).map((f) => [f.status, f.key])).toEqual([['UNKNOWN', 'Port::22']]);
  });

  test('an unresolved rule does not hide another rule that definitely opens 22 → FAIL', () => {
    const group = fakeSecurityGroup({ ingress: [sgRule(unresolved('<Protocol>'), 22, '10.0.0.0/8'), tcp(22, '0.0.0.0/0')] });
    expect(judge(check, [group]).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('security groups could not be listed → UNKNOWN for the region and the group', () => {
    const group = fakeSecurityGroup({ ingress: [] });
    const findings = judge(check, [group], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroupRules')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
