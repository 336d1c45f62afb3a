import { iamAccessKeysRotated } from '../../../lib/checks/iam/access-keys-rotated';
import { accountWithRows, activeKey, iamAccountPartDenied, outcomes, run, statusesOf, userRow } from '../../fixtures/iam';

describe('iam-access-keys-rotated', () => {
  test('a key rotated 50 days ago → PASS; 300 days ago → FAIL', () =>
    expect(
      outcomes(run(iamAccessKeysRotated, [accountWithRows(userRow('alice', { accessKeys: [activeKey('2026-10-01T00:00:00Z')] }), userRow('bob', { accessKeys: [activeKey('2026-01-24T00:00:00Z')] }))])),
    ).toEqual([
      ['PASS', 'User::alice'],
      ['FAIL', 'User::bob'],
    ]));
  test('an old inactive key does not count', () => expect(statusesOf(run(iamAccessKeysRotated, [accountWithRows(userRow('a', { accessKeys: [{ active: false, lastRotated: '2020-01-01T00:00:00Z' }] }))]))).toEqual(['PASS']));
  test('option maxKeyAgeDays', () =>
    expect(statusesOf(run(iamAccessKeysRotated, [accountWithRows(userRow('bob', { accessKeys: [activeKey('2026-01-24T00:00:00Z')] }))], { checkOptions: { 'iam-access-keys-rotated': { maxKeyAgeDays: 365 } } }))).toEqual(['PASS']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamAccessKeysRotated, [accountWithRows(userRow('a'))], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
});
