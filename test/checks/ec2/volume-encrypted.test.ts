import { ec2VolumeEncrypted } from '../../../lib/checks/ec2/volume-encrypted';
import { fakeVolume, judge } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2VolumeEncrypted;

describe('ec2-volume-encrypted', () => {
  test('an attached unencrypted volume → FAIL on the volume', () => {
    const volume = fakeVolume({ encrypted: false });
    expect(judge(check, [volume])).toEqual([expect.objectContaining({ checkId: 'ec2-volume-encrypted', status: 'FAIL', resource: volume.id })]);
  });
  test('an attached encrypted volume → PASS', () => expect(judge(check, [fakeVolume()]).map((f) => f.status)).toEqual(['PASS']));
  test('an unattached volume → NOT_APPLICABLE (EC2.3 judges attached ones)', () => {
    expect(judge(check, [fakeVolume({ encrypted: false, attachedInstanceIds: [], state: 'available' })]).map((f) => f.status)).toEqual(['NOT_APPLICABLE']);
  });
  test('an unresolved encryption flag → UNKNOWN', () => expect(judge(check, [fakeVolume({ encrypted: unresolved('<Encrypted>') })]).map((f) => f.status)).toEqual(['UNKNOWN']));
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeVolume({ encrypted: false })], { coverage: [deniedCoverage('ec2.volume', REGION, 'DescribeVolumes')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
