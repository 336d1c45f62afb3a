import { ec2DefaultSgRestrictsAllTraffic } from '../../../lib/checks/ec2/default-sg-restricts-all-traffic';
import { allTraffic, fakeSecurityGroup, judge } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2DefaultSgRestrictsAllTraffic;

describe('ec2-default-sg-restricts-all-traffic', () => {
  test('a default group with its stock rules → FAIL', () => {
    const group = fakeSecurityGroup({ groupId: 'sg-0default', groupName: 'default', ingress: [allTraffic('sg-0default')], egress: [allTraffic('0.0.0.0/0')] });
    expect(judge(check, [group])).toEqual([
      expect.objectContaining({ checkId: 'ec2-default-sg-restricts-all-traffic', status: 'FAIL', resource: group.id, evidence: { ingress: ['-1 sg-0default'], egress: ['-1 0.0.0.0/0'] } }),
    ]);
  });

  test('a default group with only an egress rule still fails: it must restrict inbound and outbound', () => {
    expect(judge(check, [fakeSecurityGroup({ groupName: 'default', ingress: [], egress: [allTraffic('0.0.0.0/0')] })]).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('a default group with no rules → PASS', () => {
    expect(judge(check, [fakeSecurityGroup({ groupName: 'default', ingress: [], egress: [] })]).map((f) => f.status)).toEqual(['PASS']);
  });

  test('any other group → NOT_APPLICABLE', () => {
    expect(judge(check, [fakeSecurityGroup({ groupName: 'web', ingress: [allTraffic('0.0.0.0/0')] })]).map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });

  test('a group name a template left unresolved → UNKNOWN', () => {
    expect(judge(check, [fakeSecurityGroup({ groupName: unresolved('<GroupName>') })]).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeSecurityGroup({ groupName: 'default', egress: [] })], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
