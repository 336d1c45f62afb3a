import { iamRootHardwareMfa } from '../../../lib/checks/iam/root-hardware-mfa';
import { fakeIamAccount, iamAccountPartDenied, rootRow, run, statusesOf } from '../../fixtures/iam';

const ROOT_ARN = 'arn:aws:iam::111122223333:root';

describe('iam-root-hardware-mfa', () => {
  test('MFA active and no virtual device for root → PASS', () => expect(statusesOf(run(iamRootHardwareMfa, [fakeIamAccount()]))).toEqual(['PASS']));
  test('a virtual device assigned to root → FAIL', () =>
    expect(statusesOf(run(iamRootHardwareMfa, [fakeIamAccount({ virtualMfaDevices: [{ serialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device', userArn: ROOT_ARN }] })]))).toEqual(['FAIL']));
  test('no MFA at all → FAIL', () => expect(statusesOf(run(iamRootHardwareMfa, [fakeIamAccount({ credentialReport: { rows: [rootRow({ mfaActive: false })] } })]))).toEqual(['FAIL']));
  test('a virtual device of a user or unassigned does not count against root', () =>
    expect(
      statusesOf(
        run(iamRootHardwareMfa, [
          fakeIamAccount({ virtualMfaDevices: [{ serialNumber: 'arn:aws:iam::111122223333:mfa/alice', userArn: 'arn:aws:iam::111122223333:user/alice' }, { serialNumber: 'arn:aws:iam::111122223333:mfa/spare' }] }),
        ]),
      ),
    ).toEqual(['PASS']));
  test.each(['credentialReport', 'virtualMfaDevices'])('%s denied → UNKNOWN', (part) =>
    expect(new Set(statusesOf(run(iamRootHardwareMfa, [fakeIamAccount()], { coverage: iamAccountPartDenied(part) })))).toEqual(new Set(['UNKNOWN'])));
});
