import type { SgRule } from '../../../lib/model';
import { ec2SgNoWorldRdp } from '../../../lib/checks/ec2/sg-no-world-rdp';
import { allTraffic, fakeSecurityGroup, judge, peer, tcp, udp } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2SgNoWorldRdp;
const statuses = (ingress: SgRule[]) => judge(check, [fakeSecurityGroup({ ingress })]).map((f) => [f.status, f.key]);

describe('ec2-sg-no-world-rdp', () => {
  test('TCP 3389 from ::/0 → FAIL keyed Port::3389', () => expect(statuses([tcp(3389, '::/0')])).toEqual([['FAIL', 'Port::3389']]));
  test('all traffic from 0.0.0.0/0 → FAIL', () => expect(statuses([allTraffic('0.0.0.0/0')])).toEqual([['FAIL', 'Port::3389']]));
  test('UDP 3389 (RDP transport) alone does not open TCP 3389 → PASS', () => expect(statuses([udp(3389, '0.0.0.0/0')])).toEqual([['PASS', 'Port::3389']]));
  test('SSH from the world is not RDP → PASS', () => expect(statuses([tcp(22, '0.0.0.0/0')])).toEqual([['PASS', 'Port::3389']]));
  test('an unresolved port range → UNKNOWN', () =>
    expect(statuses([{ protocol: 'tcp', fromPort: unresolved('<FromPort>'), toPort: 3389, peer: peer('0.0.0.0/0') }])).toEqual([['UNKNOWN', 'Port::3389']]));
  test('coverage denied → UNKNOWN, never PASS', () => {
    const findings = judge(check, [fakeSecurityGroup()], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] });
    expect(findings.every((f) => f.status === 'UNKNOWN')).toBe(true);
  });
});
