import type { SgRule } from '../../../lib/model';
import { ec2SgWorldIngressAuthorizedPortsOnly } from '../../../lib/checks/ec2/sg-world-ingress-authorized-ports-only';
import { allTraffic, fakeSecurityGroup, judge, sgRule, statusByKey, tcp, udp } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2SgWorldIngressAuthorizedPortsOnly;
const verdicts = (ingress: SgRule[], checkOptions?: Record<string, unknown>) =>
  statusByKey(judge(check, [fakeSecurityGroup({ ingress })], checkOptions ? { checkOptions } : {}));

describe('ec2-sg-world-ingress-authorized-ports-only', () => {
  test('80 and 443 from the world are authorized by default → PASS', () => expect(verdicts([tcp(443, '0.0.0.0/0'), tcp(80, '::/0')])).toEqual({ '-': 'PASS' }));

  test('NodePorts open to the world → FAIL keyed by the rule range, one finding for both families', () => {
    const group = fakeSecurityGroup({ ingress: [tcp([30000, 32767], '0.0.0.0/0'), tcp([30000, 32767], '::/0'), tcp(443, '0.0.0.0/0')] });
    expect(judge(check, [group])).toEqual([expect.objectContaining({ status: 'FAIL', key: 'Port::tcp/30000-32767', resource: group.id })]);
  });

  test('a range spanning the authorized ports still opens others → FAIL', () => expect(verdicts([tcp([80, 443], '0.0.0.0/0')])).toEqual({ 'Port::tcp/80-443': 'FAIL' }));
  test('all traffic is never authorized', () => expect(verdicts([allTraffic('0.0.0.0/0')])).toEqual({ 'Port::all': 'FAIL' }));
  test('UDP 443 is not authorized by the TCP list', () => expect(verdicts([udp(443, '0.0.0.0/0')])).toEqual({ 'Port::udp/443': 'FAIL' }));
  test('authorizedUdpPorts authorizes UDP ports', () => expect(verdicts([udp(443, '0.0.0.0/0')], { authorizedUdpPorts: [443] })).toEqual({ '-': 'PASS' }));
  test('authorizedTcpPorts replaces the TCP list', () => {
    expect(verdicts([tcp(443, '0.0.0.0/0'), tcp(8443, '0.0.0.0/0')], { authorizedTcpPorts: [8443] })).toEqual({ 'Port::tcp/443': 'FAIL' });
  });
  test('ICMP from the world is not a port → PASS', () => expect(verdicts([sgRule('icmp', [-1, -1], '0.0.0.0/0')])).toEqual({ '-': 'PASS' }));
  test('unauthorized ports open only to a private network → PASS', () => expect(verdicts([tcp(22, '10.0.0.0/8')])).toEqual({ '-': 'PASS' }));
  test('an unresolved port → UNKNOWN', () => {
    expect(verdicts([{ protocol: 'tcp', fromPort: unresolved('<Port>'), toPort: unresolved('<Port>'), peer: { type: 'ipv4', cidr: '0.0.0.0/0' } }])).toEqual({ '-': 'UNKNOWN' });
  });
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeSecurityGroup()], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
