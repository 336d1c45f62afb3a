import { iamUnusedCredentialsDisabled } from '../../../lib/checks/iam/unused-credentials-disabled';
import { accountWithRows, activeKey, iamAccountPartDenied, outcomes, run, statusesOf, userRow } from '../../fixtures/iam';

describe('iam-unused-credentials-disabled', () => {
  test('recently used credentials → PASS; a password unused for 60 days → FAIL', () =>
    expect(outcomes(run(iamUnusedCredentialsDisabled, [accountWithRows(userRow('alice'), userRow('bob', { passwordLastUsed: '2026-09-20T00:00:00Z' }))]))).toEqual([
      ['PASS', 'User::alice'],
      ['FAIL', 'User::bob'],
    ]));
  test('a key never used counts from its creation', () => {
    const old = userRow('ci', { passwordEnabled: false, accessKeys: [activeKey('2026-01-01T00:00:00Z')] });
    const fresh = userRow('new', { passwordEnabled: false, accessKeys: [activeKey('2026-11-10T00:00:00Z')] });
    expect(outcomes(run(iamUnusedCredentialsDisabled, [accountWithRows(old, fresh)]))).toEqual([
      ['FAIL', 'User::ci'],
      ['PASS', 'User::new'],
    ]);
  });
  test('a disabled password or inactive key is not judged', () =>
    expect(statusesOf(run(iamUnusedCredentialsDisabled, [accountWithRows(userRow('gone', { passwordEnabled: false, accessKeys: [{ active: false, lastRotated: '2020-01-01T00:00:00Z' }] }))]))).toEqual(['PASS']));
  test('option maxUnusedDays (90, as IAM.8)', () =>
    expect(statusesOf(run(iamUnusedCredentialsDisabled, [accountWithRows(userRow('bob', { passwordLastUsed: '2026-09-20T00:00:00Z' }))], { checkOptions: { 'iam-unused-credentials-disabled': { maxUnusedDays: 90 } } }))).toEqual(['PASS']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamUnusedCredentialsDisabled, [accountWithRows(userRow('a'))], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
});
