import { Indeterminate } from '../../../../lib/engine/check';
import { ingressInOrder, worldIngressDecision } from '../../../../lib/checks/ec2/lib/nacl';
import { opensPort } from '../../../../lib/checks/ec2/lib/rules';
import { fakeNetworkAcl, naclEntry } from '../../../fixtures/ec2';
import { unresolved } from '../../../fixtures/model';

const ssh = (t: Parameters<typeof opensPort>[0]) => opensPort(t, 'tcp', 22);

describe('network ACL evaluation order', () => {
  test('entries are evaluated by rule number, not by listing order, and egress entries are left out', () => {
    const acl = fakeNetworkAcl({
      entries: [
        naclEntry({ ruleNumber: 200, action: 'allow' }),
        naclEntry({ ruleNumber: 50, action: 'deny', egress: true }),
        naclEntry({ ruleNumber: 100, action: 'deny', protocol: '6', ports: [22, 22] }),
      ],
    });
    expect(ingressInOrder(acl).map((e) => e.ruleNumber)).toEqual([100, 200]);
  });

  test('a lower-numbered deny shadows a later allow', () => {
    const acl = fakeNetworkAcl({
      entries: [naclEntry({ ruleNumber: 200, action: 'allow' }), naclEntry({ ruleNumber: 100, action: 'deny', protocol: '6', ports: [22, 22] })],
    });
    expect(worldIngressDecision(acl, 'ipv4', ssh)).toMatchObject({ allowed: false, entry: { ruleNumber: 100 } });
  });

  test('a lower-numbered allow wins over a later deny', () => {
    const acl = fakeNetworkAcl({
      entries: [naclEntry({ ruleNumber: 100, action: 'allow', protocol: '6', ports: [0, 1024] }), naclEntry({ ruleNumber: 200, action: 'deny' })],
    });
    expect(worldIngressDecision(acl, 'ipv4', ssh)).toMatchObject({ allowed: true, entry: { ruleNumber: 100 } });
  });

  test('a deny for part of the internet does not shadow an allow for all of it', () => {
    const acl = fakeNetworkAcl({
      entries: [naclEntry({ ruleNumber: 90, action: 'deny', cidr: '198.51.100.0/24' }), naclEntry({ ruleNumber: 100, action: 'allow' })],
    });
    expect(worldIngressDecision(acl, 'ipv4', ssh)).toMatchObject({ allowed: true, entry: { ruleNumber: 100 } });
  });

  test('an allow for one network is not an allow for the internet', () => {
    const acl = fakeNetworkAcl({ entries: [naclEntry({ ruleNumber: 100, action: 'allow', cidr: '10.0.0.0/8' })] });
    expect(worldIngressDecision(acl, 'ipv4', ssh)).toEqual({ allowed: false });
  });

  test('a UDP entry does not open a TCP port', () => {
    const acl = fakeNetworkAcl({ entries: [naclEntry({ ruleNumber: 100, action: 'allow', protocol: '17', ports: [0, 65535] })] });
    expect(worldIngressDecision(acl, 'ipv4', ssh).allowed).toBe(false);
  });

  test('IPv4 and IPv6 are decided by their own entries', () => {
    const acl = fakeNetworkAcl({
      entries: [naclEntry({ ruleNumber: 100, action: 'deny' }), naclEntry({ ruleNumber: 101, action: 'allow', cidr: '::/0' })],
    });
    expect(worldIngressDecision(acl, 'ipv4', ssh).allowed).toBe(false);
    expect(worldIngressDecision(acl, 'ipv6', ssh).allowed).toBe(true);
  });

  test('an unresolved entry before the decision leaves it Indeterminate; one after it does not matter', () => {
    const before = fakeNetworkAcl({
      entries: [naclEntry({ ruleNumber: 90, action: 'deny', cidr: unresolved('<BlockedCidr>') }), naclEntry({ ruleNumber: 100, action: 'allow' })],
    });
    expect(() => worldIngressDecision(before, 'ipv4', ssh)).toThrow(Indeterminate);
    const after = fakeNetworkAcl({
      entries: [naclEntry({ ruleNumber: 100, action: 'allow' }), naclEntry({ ruleNumber: 110, action: 'deny', cidr: unresolved('<BlockedCidr>') })],
    });
    expect(worldIngressDecision(after, 'ipv4', ssh).allowed).toBe(true);
  });

  test('an unresolved rule number leaves the order, and so the decision, Indeterminate', () => {
    const acl = fakeNetworkAcl({ entries: [naclEntry({ ruleNumber: unresolved('<RuleNumber>'), action: 'deny' }), naclEntry({ ruleNumber: 100, action: 'allow' })] });
    expect(() => worldIngressDecision(acl, 'ipv4', ssh)).toThrow(Indeterminate);
  });
});
