import { eksClusterSecurityGroupsNotOpenToWorld } from '../../../lib/checks/eks/cluster-security-groups-not-open-to-world';
import type { SgRule } from '../../../lib/model';
import { unresolved } from '../../fixtures/model';
import { fakePrefixList, fakeSecurityGroup, tcp } from '../../fixtures/ec2';
import { cluster, coverageDenying, judge, statusByKey, statusesOf } from '../../fixtures/eks';

const CHECK = eksClusterSecurityGroupsNotOpenToWorld;
const prod = cluster({ securityGroupIds: ['sg-0extra'] });
const clusterSg = (ingress: SgRule[] = [tcp(443, 'sg-0nodes')]) => fakeSecurityGroup({ groupId: 'sg-0cluster', groupName: 'eks-cluster-sg', ingress });
const extraSg = (ingress: SgRule[] = [tcp(443, '10.0.0.0/16')]) => fakeSecurityGroup({ groupId: 'sg-0extra', groupName: 'control-plane', ingress });

describe('eks-cluster-security-groups-not-open-to-world', () => {
  test('groups admitting only nodes and the VPC → PASS per group', () => {
    expect(judge(CHECK, [prod, clusterSg(), extraSg()])).toEqual([
      { checkId: CHECK.id, status: 'PASS', key: 'SecurityGroup::sg-0cluster', resource: prod.id },
      { checkId: CHECK.id, status: 'PASS', key: 'SecurityGroup::sg-0extra', resource: prod.id },
    ]);
  });

  test('the cluster security group open to 0.0.0.0/0 on SSH → FAIL for that group', () => {
    expect(statusByKey(judge(CHECK, [prod, clusterSg([tcp(22, '0.0.0.0/0')]), extraSg()]))).toEqual({ 'SecurityGroup::sg-0cluster': 'FAIL', 'SecurityGroup::sg-0extra': 'PASS' });
  });

  test('trap: a prefix list that holds ::/0 is the internet too → FAIL', () => {
    const world = fakePrefixList({ prefixListId: 'pl-0world', addressFamily: 'IPv6', cidrs: ['::/0'] });
    expect(statusByKey(judge(CHECK, [prod, clusterSg(), extraSg([tcp(443, 'pl-0world')]), world]))).toEqual({ 'SecurityGroup::sg-0cluster': 'PASS', 'SecurityGroup::sg-0extra': 'FAIL' });
  });

  test('a group missing from the inventory → UNKNOWN for that group', () => {
    expect(statusByKey(judge(CHECK, [prod, clusterSg()]))).toEqual({ 'SecurityGroup::sg-0cluster': 'PASS', 'SecurityGroup::sg-0extra': 'UNKNOWN' });
  });

  test('the cluster security group is only known after deployment (a template) → UNKNOWN for it', () => {
    const templated = cluster({ clusterSecurityGroupId: unresolved('<Cluster.ClusterSecurityGroupId>') });
    expect(statusByKey(judge(CHECK, [templated]))).toEqual({ 'SecurityGroup::<Cluster.ClusterSecurityGroupId>': 'UNKNOWN' });
  });

  test('security groups could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [prod], { coverage: coverageDenying('ec2.security-group') })))).toEqual(new Set(['UNKNOWN']));
  });
});
