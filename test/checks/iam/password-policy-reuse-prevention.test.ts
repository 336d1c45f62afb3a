import { iamPasswordPolicyReusePrevention } from '../../../lib/checks/iam/password-policy-reuse-prevention';
import { fakeIamAccount, iamAccountPartDenied, run, statusesOf } from '../../fixtures/iam';

const withReuse = (passwordReusePrevention?: number) => {
  const { passwordReusePrevention: _omit, ...policy } = fakeIamAccount().passwordPolicy!;
  void _omit;
  return fakeIamAccount({ passwordPolicy: { ...policy, ...(passwordReusePrevention === undefined ? {} : { passwordReusePrevention }) } });
};

describe('iam-password-policy-reuse-prevention', () => {
  test('24 → PASS', () => expect(statusesOf(run(iamPasswordPolicyReusePrevention, [withReuse(24)]))).toEqual(['PASS']));
  test('5 → FAIL', () => expect(statusesOf(run(iamPasswordPolicyReusePrevention, [withReuse(5)]))).toEqual(['FAIL']));
  test('reuse not prevented → FAIL', () => expect(statusesOf(run(iamPasswordPolicyReusePrevention, [withReuse()]))).toEqual(['FAIL']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamPasswordPolicyReusePrevention, [withReuse(24)], { coverage: iamAccountPartDenied('passwordPolicy') })))).toEqual(new Set(['UNKNOWN'])));
});
