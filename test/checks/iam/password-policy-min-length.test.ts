import { iamPasswordPolicyMinLength } from '../../../lib/checks/iam/password-policy-min-length';
import { fakeIamAccount, iamAccountPartDenied, run, statusesOf } from '../../fixtures/iam';

const withLength = (minimumLength: number) => fakeIamAccount({ passwordPolicy: { ...fakeIamAccount().passwordPolicy!, minimumLength } });

describe('iam-password-policy-min-length', () => {
  test('14 → PASS', () => expect(statusesOf(run(iamPasswordPolicyMinLength, [withLength(14)]))).toEqual(['PASS']));
  test('8 → FAIL', () => expect(statusesOf(run(iamPasswordPolicyMinLength, [withLength(8)]))).toEqual(['FAIL']));
  test('no policy → FAIL', () => expect(statusesOf(run(iamPasswordPolicyMinLength, [fakeIamAccount({ passwordPolicy: null })]))).toEqual(['FAIL']));
  test('option minimumLength', () => expect(statusesOf(run(iamPasswordPolicyMinLength, [withLength(14)], { checkOptions: { 'iam-password-policy-min-length': { minimumLength: 16 } } }))).toEqual(['FAIL']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamPasswordPolicyMinLength, [withLength(14)], { coverage: iamAccountPartDenied('passwordPolicy') })))).toEqual(new Set(['UNKNOWN'])));
});
