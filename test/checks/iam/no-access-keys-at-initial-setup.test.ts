import { iamNoAccessKeysAtInitialSetup } from '../../../lib/checks/iam/no-access-keys-at-initial-setup';
import { accountWithRows, activeKey, iamAccountPartDenied, outcomes, run, statusesOf, userRow } from '../../fixtures/iam';

describe('iam-no-access-keys-at-initial-setup', () => {
  test('a console user with an active key never used → FAIL; one whose key is used → PASS', () =>
    expect(
      outcomes(
        run(iamNoAccessKeysAtInitialSetup, [
          accountWithRows(userRow('alice', { accessKeys: [activeKey('2026-10-01T00:00:00Z', '2026-11-19T00:00:00Z'), { active: false }] }), userRow('bob', { accessKeys: [activeKey('2024-01-01T00:00:00Z'), { active: false }] })),
        ]),
      ),
    ).toEqual([
      ['PASS', 'User::alice'],
      ['FAIL', 'User::bob'],
    ]));
  test('an unused key of a key-only user is out of scope', () =>
    expect(statusesOf(run(iamNoAccessKeysAtInitialSetup, [accountWithRows(userRow('ci', { passwordEnabled: false, accessKeys: [activeKey('2024-01-01T00:00:00Z')] }))]))).toEqual(['PASS']));
  test('an inactive unused key is fine', () => expect(statusesOf(run(iamNoAccessKeysAtInitialSetup, [accountWithRows(userRow('alice', { accessKeys: [{ active: false, lastRotated: '2024-01-01T00:00:00Z' }] }))]))).toEqual(['PASS']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamNoAccessKeysAtInitialSetup, [accountWithRows(userRow('a'))], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
});
