import { ec2InstanceNoPublicIp } from '../../../lib/checks/ec2/instance-no-public-ip';
import { EC2_KINDS, cfnOrigin, fakeInstance, fakeSubnet, judge } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2InstanceNoPublicIp;
const statusOf = (...resources: Parameters<typeof judge>[1]) => judge(check, resources, { alsoCollected: EC2_KINDS }).filter((f) => f.resource === resources[0]!.id).map((f) => f.status);

describe('ec2-instance-no-public-ip', () => {
  test('a public IPv4 address → FAIL on the instance, with the address as evidence', () => {
    const instance = fakeInstance({ publicIpAddress: '34.245.17.88' });
    expect(judge(check, [instance])).toEqual([
      expect.objectContaining({ checkId: 'ec2-instance-no-public-ip', status: 'FAIL', resource: instance.id, evidence: { publicIpAddress: '34.245.17.88' } }),
    ]);
  });
  test('no public address → PASS', () => expect(statusOf(fakeInstance())).toEqual(['PASS']));
  test('a stopped instance set to receive one → FAIL', () => expect(statusOf(fakeInstance({ state: 'stopped', associatePublicIp: true }))).toEqual(['FAIL']));
  test('terminated → NOT_APPLICABLE', () => expect(statusOf(fakeInstance({ state: 'terminated', publicIpAddress: '3.3.3.3' }))).toEqual(['NOT_APPLICABLE']));

  describe('template instances take their subnet default', () => {
    const templated = (subnetId?: string | { unresolved: string }) => {
      const { subnetId: _drop, ...instance } = fakeInstance({ id: 'cfn:App/Worker', origin: cfnOrigin('Worker', 'App'), instanceId: unresolved('<Worker>'), state: undefined });
      void _drop;
      return subnetId === undefined ? instance : { ...instance, subnetId };
    };
    test('in a subnet that auto-assigns → FAIL', () => expect(statusOf(templated('subnet-0pub'), fakeSubnet({ subnetId: 'subnet-0pub', mapPublicIpOnLaunch: true }))).toEqual(['FAIL']));
    test('in a private subnet → PASS', () => expect(statusOf(templated('subnet-0a'), fakeSubnet())).toEqual(['PASS']));
    test('with no subnet, a default subnet assigns one → FAIL', () => expect(statusOf(templated())).toEqual(['FAIL']));
    test('in a subnet the inventory does not hold → UNKNOWN', () => expect(statusOf(templated('subnet-0elsewhere'))).toEqual(['UNKNOWN']));
    test('in a subnet given as a parameter → UNKNOWN', () => expect(statusOf(templated(unresolved('<SubnetParam>')))).toEqual(['UNKNOWN']));
  });

  test('an unresolved AssociatePublicIpAddress → UNKNOWN', () => expect(statusOf(fakeInstance({ associatePublicIp: unresolved('<Public>') }))).toEqual(['UNKNOWN']));
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeInstance()], { coverage: [deniedCoverage('ec2.instance', REGION, 'DescribeInstances')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
