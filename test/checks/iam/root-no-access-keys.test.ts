import { iamRootNoAccessKeys } from '../../../lib/checks/iam/root-no-access-keys';
import { deniedCoverage } from '../../fixtures/model';
import { activeKey, fakeIamAccount, iamAccountPartDenied, rootRow, run, statusesOf } from '../../fixtures/iam';

const withRoot = (root = rootRow()) => fakeIamAccount({ credentialReport: { rows: [root] } });

describe('iam-root-no-access-keys', () => {
  test('no active root key → PASS', () => expect(statusesOf(run(iamRootNoAccessKeys, [withRoot()]))).toEqual(['PASS']));
  test('an active root key → FAIL on the account resource', () => {
    const [finding] = run(iamRootNoAccessKeys, [withRoot(rootRow({ accessKeys: [{ active: false }, activeKey('2019-01-01T00:00:00Z')] }))]);
    expect(finding).toMatchObject({ checkId: 'iam-root-no-access-keys', status: 'FAIL', resource: { id: 'arn:aws:iam::111122223333:root' } });
  });
  test('an inactive key is not a finding', () => expect(statusesOf(run(iamRootNoAccessKeys, [withRoot(rootRow({ accessKeys: [{ active: false, lastRotated: '2019-01-01T00:00:00Z' }] }))]))).toEqual(['PASS']));
  test('no root row in the report → UNKNOWN', () => expect(statusesOf(run(iamRootNoAccessKeys, [fakeIamAccount({ credentialReport: { rows: [] } })]))).toEqual(['UNKNOWN']));
  test('credential report denied → UNKNOWN, never PASS', () =>
    expect(new Set(statusesOf(run(iamRootNoAccessKeys, [withRoot()], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
  test('another part denied does not block it', () => expect(statusesOf(run(iamRootNoAccessKeys, [withRoot()], { coverage: iamAccountPartDenied('passwordPolicy') }))).toEqual(['PASS']));
  test('iam.account not collected at all → UNKNOWN', () => expect(new Set(statusesOf(run(iamRootNoAccessKeys, [withRoot()], { coverage: [deniedCoverage('iam.account')] })))).toEqual(new Set(['UNKNOWN'])));
});
