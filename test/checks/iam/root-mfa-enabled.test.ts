import { iamRootMfaEnabled } from '../../../lib/checks/iam/root-mfa-enabled';
import { fakeIamAccount, iamAccountPartDenied, rootRow, run, statusesOf } from '../../fixtures/iam';

const withRoot = (root = rootRow()) => fakeIamAccount({ credentialReport: { rows: [root] } });

describe('iam-root-mfa-enabled', () => {
  test('MFA active → PASS', () => expect(statusesOf(run(iamRootMfaEnabled, [withRoot()]))).toEqual(['PASS']));
  test('no MFA → FAIL', () => expect(run(iamRootMfaEnabled, [withRoot(rootRow({ mfaActive: false }))])[0]).toMatchObject({ checkId: 'iam-root-mfa-enabled', status: 'FAIL' }));
  test('credential report denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamRootMfaEnabled, [withRoot()], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
  test('no root row → UNKNOWN', () => expect(statusesOf(run(iamRootMfaEnabled, [fakeIamAccount({ credentialReport: { rows: [] } })]))).toEqual(['UNKNOWN']));
});
