import { iamRootNotUsedRecently } from '../../../lib/checks/iam/root-not-used-recently';
import { activeKey, fakeIamAccount, iamAccountPartDenied, rootRow, run, statusesOf } from '../../fixtures/iam';

const withRoot = (root = rootRow()) => fakeIamAccount({ credentialReport: { rows: [root] } });

describe('iam-root-not-used-recently', () => {
  test('last used a year ago → PASS', () => expect(statusesOf(run(iamRootNotUsedRecently, [withRoot()]))).toEqual(['PASS']));
  test('never used → PASS', () => expect(statusesOf(run(iamRootNotUsedRecently, [withRoot(rootRow({ passwordLastUsed: undefined }))]))).toEqual(['PASS']));
  test('password used last week → FAIL', () => expect(statusesOf(run(iamRootNotUsedRecently, [withRoot(rootRow({ passwordLastUsed: '2026-11-13T10:00:00Z' }))]))).toEqual(['FAIL']));
  test('an access key used recently counts too', () =>
    expect(statusesOf(run(iamRootNotUsedRecently, [withRoot(rootRow({ accessKeys: [activeKey('2019-01-01T00:00:00Z', '2026-11-01T00:00:00Z')] }))]))).toEqual(['FAIL']));
  test('withinDays option narrows the window', () =>
    expect(statusesOf(run(iamRootNotUsedRecently, [withRoot(rootRow({ passwordLastUsed: '2026-10-01T10:00:00Z' }))], { checkOptions: { 'iam-root-not-used-recently': { withinDays: 30 } } }))).toEqual(['PASS']));
  test('credential report denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamRootNotUsedRecently, [withRoot()], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
});
