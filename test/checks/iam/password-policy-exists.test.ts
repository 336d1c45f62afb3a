import { iamPasswordPolicyExists } from '../../../lib/checks/iam/password-policy-exists';
import { fakeIamAccount, iamAccountPartDenied, run, statusesOf } from '../../fixtures/iam';

describe('iam-password-policy-exists', () => {
  test('a policy → PASS', () => expect(statusesOf(run(iamPasswordPolicyExists, [fakeIamAccount()]))).toEqual(['PASS']));
  test('no policy (NoSuchEntity) → FAIL', () => expect(run(iamPasswordPolicyExists, [fakeIamAccount({ passwordPolicy: null })])[0]).toMatchObject({ status: 'FAIL', checkId: 'iam-password-policy-exists' }));
  test('GetAccountPasswordPolicy denied → UNKNOWN, not "no policy"', () =>
    expect(new Set(statusesOf(run(iamPasswordPolicyExists, [fakeIamAccount({ passwordPolicy: null })], { coverage: iamAccountPartDenied('passwordPolicy') })))).toEqual(new Set(['UNKNOWN'])));
});
