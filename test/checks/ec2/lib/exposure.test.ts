import { Indeterminate } from '../../../../lib/engine/check';
import { internetAdmittedBy, scanWorldIngress, trafficOf } from '../../../../lib/checks/ec2/lib/exposure';
import { opensPort } from '../../../../lib/checks/ec2/lib/rules';
import { allTraffic, contextOver, fakePrefixList, fakeSecurityGroup, peer, sgRule, tcp, udp } from '../../../fixtures/ec2';
import { REGION, deniedCoverage, inventoryOf, okCoverage, unresolved } from '../../../fixtures/model';

const collected = (...lists: ReturnType<typeof fakePrefixList>[]) => contextOver(inventoryOf(lists, { alsoCollected: ['ec2.prefix-list'] }));

describe('security group rule semantics', () => {
  test('traffic: -1 carries no ports, TCP/UDP carry their range, ICMP type/code are not ports', () => {
    expect(trafficOf(allTraffic('0.0.0.0/0'))).toEqual({ protocol: 'all' });
    expect(trafficOf(tcp([80, 443], '0.0.0.0/0'))).toEqual({ protocol: 'tcp', ports: { from: 80, to: 443 } });
    expect(trafficOf(sgRule('icmp', [8, -1], '0.0.0.0/0'))).toEqual({ protocol: 'icmp' });
    expect(trafficOf({ protocol: 'icmp', fromPort: unresolved('<Type>'), peer: peer('0.0.0.0/0') })).toEqual({ protocol: 'icmp' });
  });

  describe('who a peer admits', () => {
    test('a /0 block admits its family; narrower blocks and groups admit no internet', () => {
      const ctx = collected();
      expect(internetAdmittedBy(peer('0.0.0.0/0'), ctx).families).toEqual(['ipv4']);
      expect(internetAdmittedBy(peer('::/0'), ctx).families).toEqual(['ipv6']);
      expect(internetAdmittedBy(peer('0.0.0.0/1'), ctx).families).toEqual([]);
      expect(internetAdmittedBy(peer('sg-0web'), ctx).families).toEqual([]);
    });

    test('a prefix list admits the families of the /0 blocks it holds', () => {
      expect(internetAdmittedBy(peer('pl-0corp'), collected(fakePrefixList())).families).toEqual([]);
      expect(internetAdmittedBy(peer('pl-0corp'), collected(fakePrefixList({ cidrs: ['10.0.0.0/8', '::/0'] }))).families).toEqual(['ipv6']);
    });

    test('a prefix list missing from a collected inventory, or not collected, is Indeterminate', () => {
      expect(() => internetAdmittedBy(peer('pl-0corp'), collected())).toThrow(Indeterminate);
      const denied = contextOver(inventoryOf([], { coverage: [deniedCoverage('ec2.prefix-list', REGION, 'DescribeManagedPrefixLists')] }));
      expect(() => internetAdmittedBy(peer('pl-0corp'), denied)).toThrow(Indeterminate);
    });
  });

  test('a scan reports open rules and undecidable rules apart, and never looks at egress', () => {
    const group = fakeSecurityGroup({
      ingress: [tcp(22, '0.0.0.0/0'), udp(22, '0.0.0.0/0'), tcp(22, 'pl-0missing'), tcp(443, 'pl-0other')],
      egress: [allTraffic('0.0.0.0/0')],
    });
    const ctx = contextOver(inventoryOf([], { coverage: [okCoverage('ec2.security-group'), okCoverage('ec2.prefix-list')] }));
    const scan = scanWorldIngress(group, ctx, (t) => opensPort(t, 'tcp', 22));
    expect(scan.open.map((r) => r.source)).toEqual(['0.0.0.0/0']);
    // pl-0other carries 443 only, so it is never looked up; pl-0missing matters and is not in the inventory.
    expect(scan.undecided).toEqual([expect.stringContaining('pl-0missing')]);
  });

  test('a scan can be limited to one family', () => {
    const group = fakeSecurityGroup({ ingress: [tcp(22, '::/0')] });
    const ctx = collected();
    expect(scanWorldIngress(group, ctx, () => true, ['ipv4']).open).toEqual([]);
    expect(scanWorldIngress(group, ctx, () => true, ['ipv6']).open).toHaveLength(1);
  });
});
