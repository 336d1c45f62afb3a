import { iamUsersNotBothPasswordAndKeys } from '../../../lib/checks/iam/users-not-both-password-and-keys';
import { accountWithRows, activeKey, iamAccountPartDenied, outcomes, run, statusesOf, userRow } from '../../fixtures/iam';

describe('iam-users-not-both-password-and-keys', () => {
  test('password + active key → FAIL; password only → PASS', () =>
    expect(outcomes(run(iamUsersNotBothPasswordAndKeys, [accountWithRows(userRow('alice'), userRow('bob', { accessKeys: [activeKey('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z')] }))]))).toEqual([
      ['PASS', 'User::alice'],
      ['FAIL', 'User::bob'],
    ]));
  test('a key-only user is out of scope', () => expect(statusesOf(run(iamUsersNotBothPasswordAndKeys, [accountWithRows(userRow('ci', { passwordEnabled: false, accessKeys: [activeKey('2026-10-01T00:00:00Z')] }))]))).toEqual(['PASS']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamUsersNotBothPasswordAndKeys, [accountWithRows(userRow('a'))], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC02-BP02; CIS 1.11 is the initial-setup keys check', () => {
  expect(iamUsersNotBothPasswordAndKeys.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC02-BP02'] });
});
