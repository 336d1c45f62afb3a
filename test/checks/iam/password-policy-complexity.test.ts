import { iamPasswordPolicyComplexity } from '../../../lib/checks/iam/password-policy-complexity';
import { fakeIamAccount, iamAccountPartDenied, outcomes, run, statusesOf } from '../../fixtures/iam';

describe('iam-password-policy-complexity', () => {
  test('all four classes required → four PASS', () =>
    expect(outcomes(run(iamPasswordPolicyComplexity, [fakeIamAccount()]))).toEqual([
      ['PASS', 'Requirement::lowercase'],
      ['PASS', 'Requirement::numbers'],
      ['PASS', 'Requirement::symbols'],
      ['PASS', 'Requirement::uppercase'],
    ]));
  test('each missing class is its own FAIL', () =>
    expect(outcomes(run(iamPasswordPolicyComplexity, [fakeIamAccount({ passwordPolicy: { ...fakeIamAccount().passwordPolicy!, requireSymbols: false, requireUppercase: false } })]))).toEqual([
      ['PASS', 'Requirement::lowercase'],
      ['PASS', 'Requirement::numbers'],
      ['FAIL', 'Requirement::symbols'],
      ['FAIL', 'Requirement::uppercase'],
    ]));
  test('no policy → four FAIL', () => expect(statusesOf(run(iamPasswordPolicyComplexity, [fakeIamAccount({ passwordPolicy: null })]))).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL']));
  test('denied → UNKNOWN', () => expect(new Set(statusesOf(run(iamPasswordPolicyComplexity, [fakeIamAccount()], { coverage: iamAccountPartDenied('passwordPolicy') })))).toEqual(new Set(['UNKNOWN'])));
});
