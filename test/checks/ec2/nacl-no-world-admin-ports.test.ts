import { ec2NaclNoWorldAdminPorts } from '../../../lib/checks/ec2/nacl-no-world-admin-ports';
import { FINAL_DENIES, fakeNetworkAcl, judge, naclEntry, statusByKey } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2NaclNoWorldAdminPorts;
const verdicts = (entries: Parameters<typeof naclEntry>[0][], checkOptions?: Record<string, unknown>) =>
  statusByKey(judge(check, [fakeNetworkAcl({ entries: [...entries.map(naclEntry), ...FINAL_DENIES] })], checkOptions ? { checkOptions } : {}));

describe('ec2-nacl-no-world-admin-ports', () => {
  test('the stock allow-all entry admits both admin ports → FAIL per port, on the ACL', () => {
    const acl = fakeNetworkAcl({ isDefault: true, entries: [naclEntry({ ruleNumber: 100, action: 'allow' }), ...FINAL_DENIES] });
    const findings = judge(check, [acl]);
    expect(findings.map((f) => [f.status, f.key, f.resource])).toEqual([
      ['FAIL', 'Port::22', acl.id],
      ['FAIL', 'Port::3389', acl.id],
    ]);
  });

  test('a lower-numbered deny for 22 shadows the later allow-all: 22 passes, 3389 does not', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'allow' }, { ruleNumber: 90, action: 'deny', protocol: '6', ports: [22, 22] }])).toEqual({
      'Port::22': 'PASS',
      'Port::3389': 'FAIL',
    });
  });

  test('the same deny placed after the allow shadows nothing', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'allow' }, { ruleNumber: 110, action: 'deny', protocol: '6', ports: [22, 22] }])).toEqual({
      'Port::22': 'FAIL',
      'Port::3389': 'FAIL',
    });
  });

  test('the Linux ephemeral range only (return traffic) → PASS', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'allow', protocol: '6', ports: [32768, 65535] }])).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'PASS' });
  });

  test('the wide ephemeral range 1024-65535 contains 3389 → FAIL for RDP unless a deny comes first', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'allow', protocol: '6', ports: [1024, 65535] }])).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'FAIL' });
    expect(
      verdicts([
        { ruleNumber: 90, action: 'deny', protocol: '6', ports: [3389, 3389] },
        { ruleNumber: 100, action: 'allow', protocol: '6', ports: [1024, 65535] },
      ]),
    ).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'PASS' });
  });

  test('UDP 3389 allowed from the world does not open TCP 3389', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'allow', protocol: '17', ports: [3389, 3389] }])).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'PASS' });
  });

  test('::/0 allowed after an IPv4 deny-all → FAIL (the IPv6 internet gets in)', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'deny' }, { ruleNumber: 110, action: 'allow', cidr: '::/0' }])).toEqual({ 'Port::22': 'FAIL', 'Port::3389': 'FAIL' });
  });

  test('egress entries are not inbound', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'allow', egress: true }])).toEqual({ 'Port::22': 'PASS', 'Port::3389': 'PASS' });
  });

  test('an unresolved CIDR before any decision → UNKNOWN per port', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'allow', cidr: unresolved('<AdminCidr>') }])).toEqual({ 'Port::22': 'UNKNOWN', 'Port::3389': 'UNKNOWN' });
  });

  test('an unresolved IPv6 entry does not hide a definite IPv4 exposure', () => {
    expect(
      verdicts([
        { ruleNumber: 100, action: 'allow' },
        { ruleNumber: 101, action: 'allow', cidr: unresolved('<V6Cidr>'), family: 'ipv6' },
      ]),
    ).toEqual({ 'Port::22': 'FAIL', 'Port::3389': 'FAIL' });
  });

  test('option adminPorts chooses the ports', () => {
    expect(verdicts([{ ruleNumber: 100, action: 'allow', protocol: '6', ports: [5985, 5986] }], { adminPorts: [5985] })).toEqual({ 'Port::5985': 'FAIL' });
  });

  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeNetworkAcl()], { coverage: [deniedCoverage('ec2.network-acl', REGION, 'DescribeNetworkAcls')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
