import { ec2SgInUse } from '../../../lib/checks/ec2/sg-in-use';
import {
  EC2_KINDS,
  allTraffic,
  fakeInstance,
  fakeLaunchTemplate,
  fakeNetworkInterface,
  fakeSecurityGroup,
  judge,
  ltVersion,
} from '../../fixtures/ec2';
import { deniedCoverage, fakeEksCluster, okCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2SgInUse;
const spare = fakeSecurityGroup({ groupId: 'sg-0spare', groupName: 'spare' });
const statusWith = (...others: Parameters<typeof judge>[1]) =>
  judge(check, [spare, ...others], { alsoCollected: EC2_KINDS })
    .filter((f) => f.resource === spare.id)
    .map((f) => f.status);

describe('ec2-sg-in-use', () => {
  test('attached to nothing, with every holder collected → FAIL on the group', () => {
    expect(judge(check, [spare], { alsoCollected: EC2_KINDS })).toEqual([expect.objectContaining({ checkId: 'ec2-sg-in-use', status: 'FAIL', resource: spare.id })]);
  });

  test.each([
    ['a network interface', fakeNetworkInterface({ securityGroupIds: ['sg-0spare'] })],
    ['a stopped instance', fakeInstance({ state: 'stopped', securityGroupIds: ['sg-0spare'] })],
    ['a launch template version', fakeLaunchTemplate({ versions: [ltVersion(1, { securityGroupIds: ['sg-0spare'] })] })],
    ['a rule of another group', fakeSecurityGroup({ groupId: 'sg-0web', ingress: [allTraffic('sg-0spare')] })],
    ['an EKS cluster', fakeEksCluster({ securityGroupIds: ['sg-0spare'] })],
  ])('used by %s → PASS', (_name, holder) => expect(statusWith(holder)).toEqual(['PASS']));

  test('a terminated instance does not use it', () => {
    expect(statusWith(fakeInstance({ state: 'terminated', securityGroupIds: ['sg-0spare'] }))).toEqual(['FAIL']);
  });

  test('its own self-referencing rule is not a use', () => {
    const selfish = fakeSecurityGroup({ groupId: 'sg-0self', ingress: [allTraffic('sg-0self')] });
    expect(judge(check, [selfish], { alsoCollected: EC2_KINDS }).map((f) => f.status)).toEqual(['FAIL']);
  });

  test('network interfaces not collected and no other use found → UNKNOWN, never FAIL', () => {
    const coverage = EC2_KINDS.map((kind) => (kind === 'ec2.network-interface' ? deniedCoverage(kind, REGION, 'DescribeNetworkInterfaces') : okCoverage(kind)));
    expect(judge(check, [spare], { coverage }).map((f) => f.status)).toEqual(['UNKNOWN']);
  });

  test('network interfaces not collected, but an instance uses it → PASS', () => {
    const coverage = EC2_KINDS.map((kind) => (kind === 'ec2.network-interface' ? deniedCoverage(kind, REGION, 'DescribeNetworkInterfaces') : okCoverage(kind)));
    const findings = judge(check, [spare, fakeInstance({ securityGroupIds: ['sg-0spare'] })], { coverage });
    expect(findings.filter((f) => f.resource === spare.id).map((f) => f.status)).toEqual(['PASS']);
  });

  test('an instance naming an unresolved group may be using it → UNKNOWN', () => {
    expect(statusWith(fakeInstance({ securityGroupIds: [unresolved('<AppSg>')] }))).toEqual(['UNKNOWN']);
  });

  test('a template group referenced by its cfn id is in use', () => {
    const templated = fakeSecurityGroup({ id: 'cfn:App/WebSg', groupId: unresolved('<WebSg.GroupId>') });
    const instance = fakeInstance({ securityGroupIds: ['cfn:App/WebSg'] });
    expect(judge(check, [templated, instance], { alsoCollected: EC2_KINDS }).filter((f) => f.resource === templated.id).map((f) => f.status)).toEqual(['PASS']);
  });

  test('the default group cannot be deleted → NOT_APPLICABLE', () => {
    expect(judge(check, [fakeSecurityGroup({ groupName: 'default' })], { alsoCollected: EC2_KINDS }).map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });

  test('security groups could not be listed → UNKNOWN', () => {
    const findings = judge(check, [spare], { coverage: [deniedCoverage('ec2.security-group', REGION, 'DescribeSecurityGroups')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
