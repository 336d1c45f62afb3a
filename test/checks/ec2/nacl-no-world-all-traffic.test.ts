import { ec2NaclNoWorldAllTraffic } from '../../../lib/checks/ec2/nacl-no-world-all-traffic';
import { FINAL_DENIES, fakeNetworkAcl, judge, naclEntry } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2NaclNoWorldAllTraffic;
const run = (entries: Parameters<typeof naclEntry>[0][]) => judge(check, [fakeNetworkAcl({ entries: [...entries.map(naclEntry), ...FINAL_DENIES] })]);
const statuses = (entries: Parameters<typeof naclEntry>[0][]) => run(entries).map((f) => f.status);

describe('ec2-nacl-no-world-all-traffic', () => {
  test('allow all from 0.0.0.0/0 → FAIL on the ACL', () => {
    const acl = fakeNetworkAcl({ entries: [naclEntry({ ruleNumber: 100, action: 'allow' }), ...FINAL_DENIES] });
    expect(judge(check, [acl])).toEqual([expect.objectContaining({ checkId: 'ec2-nacl-no-world-all-traffic', status: 'FAIL', resource: acl.id })]);
  });

  test('a lower-numbered deny-all shadows the allow-all → PASS', () => {
    expect(statuses([{ ruleNumber: 100, action: 'allow' }, { ruleNumber: 50, action: 'deny' }])).toEqual(['PASS']);
  });

  test('a lower-numbered deny for one port leaves the rest open → FAIL, with the exception as evidence', () => {
    const [finding] = run([{ ruleNumber: 100, action: 'allow' }, { ruleNumber: 90, action: 'deny', protocol: '6', ports: [22, 22] }]);
    expect(finding).toMatchObject({ status: 'FAIL', evidence: { exceptions: ['rule 90 (deny TCP 22 from 0.0.0.0/0)'] } });
  });

  test('allow all from ::/0 → FAIL', () => expect(statuses([{ ruleNumber: 101, action: 'allow', cidr: '::/0' }])).toEqual(['FAIL']));
  test('allow all from a private network → PASS', () => expect(statuses([{ ruleNumber: 100, action: 'allow', cidr: '10.0.0.0/8' }])).toEqual(['PASS']));
  test('specific ports from the world → PASS', () => {
    expect(statuses([{ ruleNumber: 100, action: 'allow', protocol: '6', ports: [443, 443] }, { ruleNumber: 110, action: 'allow', protocol: '6', ports: [1024, 65535] }])).toEqual(['PASS']);
  });
  test('allow all outbound is not inbound → PASS', () => expect(statuses([{ ruleNumber: 100, action: 'allow', egress: true }])).toEqual(['PASS']));
  test('an unresolved action on the world entry → UNKNOWN', () => expect(statuses([{ ruleNumber: 100, action: unresolved('<Action>') }])).toEqual(['UNKNOWN']));
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeNetworkAcl()], { coverage: [deniedCoverage('ec2.network-acl', REGION, 'DescribeNetworkAcls')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});

test('maps to Well-Architected SEC05-BP02; EC2.21 and CIS 5.1/5.2 belong to the admin-port check', () => {
  expect(ec2NaclNoWorldAllTraffic.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC05-BP02'] });
});
