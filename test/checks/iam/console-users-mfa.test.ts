import { iamConsoleUsersMfa } from '../../../lib/checks/iam/console-users-mfa';
import { accountWithRows, iamAccountPartDenied, outcomes, run, statusesOf, userRow } from '../../fixtures/iam';

describe('iam-console-users-mfa', () => {
  test('one finding per console user, keyed User::<name>', () =>
    expect(outcomes(run(iamConsoleUsersMfa, [accountWithRows(userRow('alice'), userRow('bob', { mfaActive: false }))]))).toEqual([
      ['PASS', 'User::alice'],
      ['FAIL', 'User::bob'],
    ]));
  test('a key-only user without MFA is not a console user', () =>
    expect(outcomes(run(iamConsoleUsersMfa, [accountWithRows(userRow('ci', { passwordEnabled: false, mfaActive: false }))]))).toEqual([['PASS', undefined]]));
  test('the root row is not a user here', () => expect(statusesOf(run(iamConsoleUsersMfa, [accountWithRows()]))).toEqual(['PASS']));
  test('credential report denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamConsoleUsersMfa, [accountWithRows(userRow('bob', { mfaActive: false }))], { coverage: iamAccountPartDenied('credentialReport') })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to IAM.5 and CIS 1.10; IAM.19 also covers users without a password', () => {
  expect(iamConsoleUsersMfa.frameworks).toEqual({
    securityHub: ['IAM.5'],
    cisAws: { '3.0': ['1.10'], '4.0': ['1.10'] },
    cisEks: {},
    wellArchitected: [],
  });
});
