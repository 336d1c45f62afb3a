import { ec2SgNoIpv4WorldAdminPorts } from '../../../lib/checks/ec2/sg-no-ipv4-world-admin-ports';
import { allTraffic, fakePrefixList, fakeSecurityGroup, judge, statusByKey, tcp, udp } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2SgNoIpv4WorldAdminPorts;

describe('ec2-sg-no-ipv4-world-admin-ports', () => {
  test('one finding per admin port: 3389 open to 0.0.0.0/0 fails, 22 passes', () => {
    const group = fakeSecurityGroup({ ingress: [tcp(3389, '0.0.0.0/0')] });
    const findings = judge(check, [group]);
    expect(statusByKey(findings)).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'FAIL' });
    expect(findings.every((f) => f.resource === group.id && f.checkId === 'ec2-sg-no-ipv4-world-admin-ports')).toBe(true);
  });

  test('::/0 is not the IPv4 internet: an IPv6-only exposure passes here', () => {
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [tcp(22, '::/0'), allTraffic('::/0')] })]))).toEqual({
      'Port::22': 'PASS',
      'Port::3389': 'PASS',
    });
  });

  test('protocol -1 from 0.0.0.0/0 opens both', () => {
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [allTraffic('0.0.0.0/0')] })]))).toEqual({ 'Port::22': 'FAIL', 'Port::3389': 'FAIL' });
  });

  test('UDP on the admin ports does not count', () => {
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [udp(22, '0.0.0.0/0'), udp(3389, '0.0.0.0/0')] })]))).toEqual({
      'Port::22': 'PASS',
      'Port::3389': 'PASS',
    });
  });

  test('an IPv4 prefix list holding 0.0.0.0/0 counts', () => {
    const list = fakePrefixList({ cidrs: ['0.0.0.0/0'] });
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [tcp(22, 'pl-0corp')] }), list]))).toEqual({ 'Port::22': 'FAIL', 'Port::3389': 'PASS' });
  });

  test('option adminPorts chooses the ports', () => {
    const group = fakeSecurityGroup({ ingress: [tcp(5985, '0.0.0.0/0')] });
    expect(statusByKey(judge(check, [group], { checkOptions: { adminPorts: [22, 5985] } }))).toEqual({ 'Port::22': 'PASS', 'Port::5985': 'FAIL' });
  });

  test('an invalid option is an ERROR, not a verdict', () => {
    expect(judge(check, [fakeSecurityGroup()], { checkOptions: { adminPorts: ['ssh'] } }).map((f) => f.status)).toEqual(['ERROR']);
  });

  test('an unresolved CIDR → UNKNOWN for each port it may open', () => {
    const group = fakeSecurityGroup({ ingress: [tcp([0, 65535], { type: 'ipv4', cidr: unresolved('<Cidr>') })] });
    expect(statusByKey(judge(check, [group]))).toEqual({ 'Port::22': 'UNKNOWN', 'Port::3389': 'UNKNOWN' });
  });

  test('an unresolved IPv6 source does not make the IPv4 judgement UNKNOWN', () => {
    const group = fakeSecurityGroup({ ingress: [tcp(22, { type: 'ipv6', cidr: unresolved('<V6Cidr>') })] });
    expect(statusByKey(judge(check, [group]))).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'PASS' });
  });

  test('security groups could not be listed → UNKNOWN, never PASS', () => {
    const findings = judge(check, [fakeSecurityGroup()], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
