import type { SgRule } from '../../../lib/model';
import { ec2SgNoWorldAllTraffic } from '../../../lib/checks/ec2/sg-no-world-all-traffic';
import { allTraffic, fakePrefixList, fakeSecurityGroup, judge, sgRule, statusByKey, tcp, udp } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2SgNoWorldAllTraffic;
const verdicts = (ingress: SgRule[], extra: Parameters<typeof judge>[1] = []) =>
  statusByKey(judge(check, [fakeSecurityGroup({ ingress }), ...extra]));

describe('ec2-sg-no-world-all-traffic', () => {
  test('protocol -1 from 0.0.0.0/0 → FAIL keyed Protocol::all', () => {
    const group = fakeSecurityGroup({ ingress: [allTraffic('0.0.0.0/0')] });
    expect(judge(check, [group])).toEqual([expect.objectContaining({ status: 'FAIL', key: 'Protocol::all', resource: group.id })]);
  });
  test('every TCP port from ::/0 → FAIL Protocol::tcp', () => expect(verdicts([tcp([0, 65535], '::/0')])).toEqual({ 'Protocol::tcp': 'FAIL' }));
  test('every UDP port 1-65535 → FAIL Protocol::udp', () => expect(verdicts([udp([1, 65535], '0.0.0.0/0')])).toEqual({ 'Protocol::udp': 'FAIL' }));
  test('the ephemeral range only → PASS', () => expect(verdicts([tcp([1024, 65535], '0.0.0.0/0')])).toEqual({ '-': 'PASS' }));
  test('all traffic from a referenced group (EKS cluster SG style) → PASS', () => expect(verdicts([allTraffic('sg-0cluster')])).toEqual({ '-': 'PASS' }));
  test('all traffic from a prefix list of office networks → PASS', () => expect(verdicts([allTraffic('pl-0corp')], [fakePrefixList()])).toEqual({ '-': 'PASS' }));
  test('egress to everything is not ingress → PASS', () => {
    expect(statusByKey(judge(check, [fakeSecurityGroup({ ingress: [], egress: [allTraffic('0.0.0.0/0'), allTraffic('::/0')] })]))).toEqual({ '-': 'PASS' });
  });
  test('an unresolved protocol from the world → UNKNOWN', () => expect(verdicts([sgRule(unresolved('<Protocol>'), undefined, '0.0.0.0/0')])).toEqual({ '-': 'UNKNOWN' }));
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeSecurityGroup()], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});

test('maps to Well-Architected SEC05-BP02; the CIS admin-port controls belong to the admin-port checks', () => {
  expect(ec2SgNoWorldAllTraffic.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC05-BP02'] });
});
