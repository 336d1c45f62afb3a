import fc from 'fast-check';
import { Indeterminate } from '../../../../lib/engine/check';
import {
  cidrContains,
  describeTraffic,
  isWholeInternet,
  normalizeProtocol,
  opensEveryPort,
  opensPort,
  parseCidr,
  portRange,
  requireCidr,
  wholeInternet,
} from '../../../../lib/checks/ec2/lib/rules';

const cidr = (text: string) => requireCidr(text);

describe('protocols', () => {
  test.each([
    ['-1', 'all'],
    ['6', 'tcp'],
    ['TCP', 'tcp'],
    ['17', 'udp'],
    ['udp', 'udp'],
    ['1', 'icmp'],
    ['58', 'icmpv6'],
    ['50', '50'],
  ])('%s → %s', (raw, expected) => expect(normalizeProtocol(raw)).toBe(expected));
});

describe('ports', () => {
  test('absent or negative bounds open the range on that side', () => {
    expect(portRange(undefined, undefined)).toEqual({ from: 0, to: 65535 });
    expect(portRange(-1, -1)).toEqual({ from: 0, to: 65535 });
    expect(portRange(22, 22)).toEqual({ from: 22, to: 22 });
  });

  test('protocol -1 opens every port of every protocol', () => {
    expect(opensPort({ protocol: 'all' }, 'tcp', 22)).toBe(true);
    expect(opensPort({ protocol: 'all' }, 'udp', 53)).toBe(true);
    expect(opensEveryPort({ protocol: 'all' })).toBe(true);
  });

  test('a TCP range opens the ports it contains, and only those', () => {
    const range = { protocol: 'tcp', ports: { from: 20, to: 25 } };
    expect(opensPort(range, 'tcp', 22)).toBe(true);
    expect(opensPort(range, 'tcp', 20)).toBe(true);
    expect(opensPort(range, 'tcp', 25)).toBe(true);
    expect(opensPort(range, 'tcp', 26)).toBe(false);
  });

  test('a UDP rule never opens a TCP port, nor the reverse', () => {
    expect(opensPort({ protocol: 'udp', ports: { from: 0, to: 65535 } }, 'tcp', 22)).toBe(false);
    expect(opensPort({ protocol: 'tcp', ports: { from: 53, to: 53 } }, 'udp', 53)).toBe(false);
  });

  test('ICMP opens no port', () => expect(opensPort({ protocol: 'icmp' }, 'tcp', 22)).toBe(false));

  test('every port of TCP counts as all ports (0 or 1 to 65535); a large range does not', () => {
    expect(opensEveryPort({ protocol: 'tcp', ports: { from: 0, to: 65535 } })).toBe(true);
    expect(opensEveryPort({ protocol: 'udp', ports: { from: 1, to: 65535 } })).toBe(true);
    expect(opensEveryPort({ protocol: 'tcp', ports: { from: 1024, to: 65535 } })).toBe(false);
    expect(opensEveryPort({ protocol: 'icmp' })).toBe(false);
  });

  test('a port is opened exactly when it lies within the range (property)', () => {
    const port = fc.integer({ min: 0, max: 65535 });
    fc.assert(
      fc.property(port, port, port, (a, b, p) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(opensPort({ protocol: 'tcp', ports: { from, to } }, 'tcp', p)).toBe(from <= p && p <= to);
      }),
    );
  });

  test('traffic reads well in messages', () => {
    expect(describeTraffic({ protocol: 'all' })).toBe('all traffic');
    expect(describeTraffic({ protocol: 'tcp', ports: { from: 22, to: 22 } })).toBe('TCP 22');
    expect(describeTraffic({ protocol: 'udp', ports: { from: 0, to: 65535 } })).toBe('UDP all ports');
    expect(describeTraffic({ protocol: '50' })).toBe('protocol 50');
  });
});

describe('CIDR blocks', () => {
  test.each(['0.0.0.0/0', '::/0', '0::/0', ' 0.0.0.0/0 '])('%s is the whole internet', (text) => expect(isWholeInternet(cidr(text))).toBe(true));
  test.each(['0.0.0.0/1', '10.0.0.0/8', '::/1', '2600:1f18::/32'])('%s is not', (text) => expect(isWholeInternet(cidr(text))).toBe(false));

  test('families come from the address, IPv4 and IPv6', () => {
    expect(cidr('10.0.0.0/8').family).toBe('ipv4');
    expect(cidr('2600:1f18::/32').family).toBe('ipv6');
  });

  test('malformed blocks are undefined, and Indeterminate where a decision needs them', () => {
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('anywhere')).toBeUndefined();
    expect(() => requireCidr('anywhere')).toThrow(Indeterminate);
  });

  test('containment is by prefix and family', () => {
    expect(cidrContains(cidr('10.0.0.0/8'), cidr('10.1.2.0/24'))).toBe(true);
    expect(cidrContains(cidr('10.1.2.0/24'), cidr('10.0.0.0/8'))).toBe(false);
    expect(cidrContains(cidr('10.0.0.0/8'), cidr('11.0.0.0/24'))).toBe(false);
    expect(cidrContains(wholeInternet('ipv4'), cidr('203.0.113.7/32'))).toBe(true);
    expect(cidrContains(wholeInternet('ipv4'), cidr('2600:1f18::/32'))).toBe(false);
    expect(cidrContains(wholeInternet('ipv6'), cidr('2600:1f18::/32'))).toBe(true);
    expect(cidrContains(cidr('2600:1f18::/32'), wholeInternet('ipv6'))).toBe(false);
  });

  test('only a /0 block contains the whole internet (property)', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        const block = parseCidr(`${address}/${prefix}`)!;
        expect(cidrContains(block, wholeInternet('ipv4'))).toBe(prefix === 0);
      }),
    );
  });
});
