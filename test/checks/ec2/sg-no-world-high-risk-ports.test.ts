import type { SgRule } from '../../../lib/model';
import { HIGH_RISK_PORTS, ec2SgNoWorldHighRiskPorts } from '../../../lib/checks/ec2/sg-no-world-high-risk-ports';
import { allTraffic, fakeSecurityGroup, judge, statusByKey, tcp, udp } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2SgNoWorldHighRiskPorts;
const verdicts = (ingress: SgRule[], checkOptions?: Record<string, unknown>) =>
  statusByKey(judge(check, [fakeSecurityGroup({ ingress })], checkOptions ? { checkOptions } : {}));

describe('ec2-sg-no-world-high-risk-ports', () => {
  test('the default list is Security Hub EC2.19 (24 ports)', () => {
    expect(HIGH_RISK_PORTS).toHaveLength(24);
    expect(check.defaultOptions).toEqual({ highRiskPorts: [...HIGH_RISK_PORTS] });
  });

  test('MySQL open to the world → one FAIL keyed Port::3306', () => expect(verdicts([tcp(3306, '0.0.0.0/0')])).toEqual({ 'Port::3306': 'FAIL' }));

  test('a range fails every high-risk port inside it', () => {
    expect(verdicts([tcp([20, 25], '::/0')])).toEqual({ 'Port::20': 'FAIL', 'Port::21': 'FAIL', 'Port::22': 'FAIL', 'Port::23': 'FAIL', 'Port::25': 'FAIL' });
  });

  test('all traffic from the world fails all 24', () => expect(Object.values(verdicts([allTraffic('0.0.0.0/0')]))).toEqual(new Array(24).fill('FAIL')));

  test('only web ports open → one PASS without key', () => expect(verdicts([tcp(443, '0.0.0.0/0'), tcp(80, '::/0')])).toEqual({ '-': 'PASS' }));

  test('UDP 445 does not open TCP 445', () => expect(verdicts([udp(445, '0.0.0.0/0')])).toEqual({ '-': 'PASS' }));

  test('option highRiskPorts replaces the list', () => {
    expect(verdicts([tcp(6379, '0.0.0.0/0'), tcp(3306, '0.0.0.0/0')], { highRiskPorts: [6379] })).toEqual({ 'Port::6379': 'FAIL' });
  });

  test('an unresolved source on a database port → UNKNOWN for that port only', () => {
    expect(verdicts([tcp(5432, { type: 'ipv4', cidr: unresolved('<DbCidr>') }), tcp(3306, '0.0.0.0/0')])).toEqual({ 'Port::3306': 'FAIL', 'Port::5432': 'UNKNOWN' });
  });

  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeSecurityGroup()], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
