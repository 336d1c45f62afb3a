import { iamUsersOneActiveKey } from '../../../lib/checks/iam/users-one-active-key';
import { accountWithRows, activeKey, iamAccountPartDenied, outcomes, run, statusesOf, userRow } from '../../fixtures/iam';

const key = activeKey('2026-10-01T00:00:00Z', '2026-11-19T00:00:00Z');

describe('iam-users-one-active-key', () => {
  test('two active keys → FAIL; one → PASS', () =>
    expect(outcomes(run(iamUsersOneActiveKey, [accountWithRows(userRow('alice', { accessKeys: [key, { active: false }] }), userRow('bob', { accessKeys: [key, key] }))]))).toEqual([
      ['PASS', 'User::alice'],
      ['FAIL', 'User::bob'],
    ]));
  test('no keys anywhere → PASS', () => expect(statusesOf(run(iamUsersOneActiveKey, [accountWithRows(userRow('alice'))]))).toEqual(['PASS']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamUsersOneActiveKey, [accountWithRows(userRow('a'))], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
});
