import { ec2SgNoIpv6WorldAdminPorts } from '../../../lib/checks/ec2/sg-no-ipv6-world-admin-ports';
import { fakePrefixList, fakeSecurityGroup, judge, statusByKey, tcp } from '../../fixtures/ec2';
import { deniedCoverage, okCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2SgNoIpv6WorldAdminPorts;

describe('ec2-sg-no-ipv6-world-admin-ports', () => {
  test('SSH from ::/0 → FAIL Port::22; RDP closed → PASS', () => {
    const group = fakeSecurityGroup({ ingress: [tcp(22, '::/0')] });
    expect(statusByKey(judge(check, [group]))).toEqual({ 'Port::22': 'FAIL', 'Port::3389': 'PASS' });
  });

  test('the long form 0::/0 is the IPv6 internet too', () => {
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [tcp(3389, '0::/0')] })]))).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'FAIL' });
  });

  test('0.0.0.0/0 is judged by the IPv4 check, not here', () => {
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [tcp(22, '0.0.0.0/0')] })]))).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'PASS' });
  });

  test('an IPv6 network that is not the whole internet passes', () => {
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [tcp(22, '2001:db8::/32')] })]))).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'PASS' });
  });

  test('an IPv6 prefix list holding ::/0 counts', () => {
    const list = fakePrefixList({ prefixListId: 'pl-0v6', addressFamily: 'IPv6', cidrs: ['::/0'] });
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [tcp(22, 'pl-0v6')] }), list]))).toEqual({ 'Port::22': 'FAIL', 'Port::3389': 'PASS' });
  });

  test('a prefix list that could not be collected → UNKNOWN for the ports its rule opens', () => {
    const coverage = [okCoverage('ec2.security-group'), deniedCoverage('ec2.prefix-list', REGION, 'GetManagedPrefixListEntries')];
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [tcp(22, 'pl-0v6')] })], { coverage }))).toEqual({ 'Port::22': 'UNKNOWN', 'Port::3389': 'PASS' });
  });

  test('an unresolved prefix list id → UNKNOWN', () => {
    const group = fakeSecurityGroup({ ingress: [tcp(3389, { type: 'prefix-list', prefixListId: unresolved('<AdminList>') })] });
    expect(statusByKey(judge(check, [group], { alsoCollected: ['ec2.prefix-list'] }))).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'UNKNOWN' });
  });

  test('security groups could not be listed → UNKNOWN, never PASS', () => {
    const findings = judge(check, [fakeSecurityGroup()], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
