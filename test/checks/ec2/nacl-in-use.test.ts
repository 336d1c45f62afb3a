import { ec2NaclInUse } from '../../../lib/checks/ec2/nacl-in-use';
import { fakeNetworkAcl, judge } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2NaclInUse;

describe('ec2-nacl-in-use', () => {
  test('associated with a subnet → PASS', () => {
    const acl = fakeNetworkAcl({ associatedSubnetIds: ['subnet-0a', 'subnet-0b'] });
    expect(judge(check, [acl])).toEqual([expect.objectContaining({ checkId: 'ec2-nacl-in-use', status: 'PASS', resource: acl.id })]);
  });
  test('associated with nothing → FAIL', () => expect(judge(check, [fakeNetworkAcl({ associatedSubnetIds: [] })]).map((f) => f.status)).toEqual(['FAIL']));
  test('a default ACL cannot be deleted → NOT_APPLICABLE', () => {
    expect(judge(check, [fakeNetworkAcl({ isDefault: true, associatedSubnetIds: [] })]).map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });
  test('an unresolved association → UNKNOWN', () => {
    expect(judge(check, [fakeNetworkAcl({ associatedSubnetIds: [unresolved('<SubnetId>')] })]).map((f) => f.status)).toEqual(['UNKNOWN']);
  });
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeNetworkAcl({ associatedSubnetIds: [] })], { coverage: [deniedCoverage('ec2.network-acl', REGION, 'DescribeNetworkAcls')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
