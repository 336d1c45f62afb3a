import { iamPasswordPolicyExpiry } from '../../../lib/checks/iam/password-policy-expiry';
import { fakeIamAccount, iamAccountPartDenied, run, statusesOf } from '../../fixtures/iam';

const withAge = (maxPasswordAge?: number) => {
  const { maxPasswordAge: _omit, ...policy } = fakeIamAccount().passwordPolicy!;
  void _omit;
  return fakeIamAccount({ passwordPolicy: { ...policy, ...(maxPasswordAge === undefined ? {} : { maxPasswordAge }) } });
};

describe('iam-password-policy-expiry', () => {
  test('90 days → PASS', () => expect(statusesOf(run(iamPasswordPolicyExpiry, [withAge(90)]))).toEqual(['PASS']));
  test('365 days → FAIL', () => expect(statusesOf(run(iamPasswordPolicyExpiry, [withAge(365)]))).toEqual(['FAIL']));
  test('never expires → FAIL', () => expect(statusesOf(run(iamPasswordPolicyExpiry, [withAge()]))).toEqual(['FAIL']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamPasswordPolicyExpiry, [withAge(90)], { coverage: iamAccountPartDenied('passwordPolicy') })))).toEqual(new Set(['UNKNOWN'])));
});
