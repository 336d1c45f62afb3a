import { iamRoleTrustCrossAccountConditions } from '../../../lib/checks/iam/role-trust-cross-account-conditions';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { OTHER_ACCOUNT, fakeRole, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamRoleTrustCrossAccountConditions;
const judge = (statement: unknown, options = {}) => outcomes(run(check, [fakeRole('r', { trustPolicy: statements(statement) })], options));
const fromOther = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: 'sts:AssumeRole', ...extra });
const key = `Account::${OTHER_ACCOUNT}`;

describe('iam-role-trust-cross-account-conditions', () => {
  test('another account without conditions → FAIL', () => expect(judge(fromOther())).toEqual([['FAIL', key]]));
  test('with sts:ExternalId → PASS', () => expect(judge(fromOther({ Condition: { StringEquals: { 'sts:ExternalId': 'a3f9' } } }))).toEqual([['PASS', key]]));
  test('with MFA → PASS', () => expect(judge(fromOther({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))).toEqual([['PASS', key]]));
  test('trap: BoolIfExists MFA does not count (long-term keys carry no MFA key)', () => expect(judge(fromOther({ Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } } }))).toEqual([['FAIL', key]]));
  test('a 12-digit account id principal is that account’s root', () => expect(judge({ Effect: 'Allow', Principal: { AWS: OTHER_ACCOUNT }, Action: 'sts:AssumeRole' })).toEqual([['FAIL', key]]));
  test('trusted accounts are NOT_APPLICABLE', () => expect(judge(fromOther(), { checkOptions: { 'iam-role-trust-cross-account-conditions': { trustedAccountIds: [OTHER_ACCOUNT] } } })).toEqual([['NOT_APPLICABLE', key]]));
  test('the own account is not cross-account', () => expect(statusesOf(run(check, [fakeRole('r', { trustPolicy: statements({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }) })]))).toEqual(['NOT_APPLICABLE']));
  test('an unresolved external id → UNKNOWN', () => expect(outcomes(run(check, [fakeRole('r', { trustPolicy: { Statement: [{ ...fromOther(), Principal: { AWS: [`arn:aws:iam::${OTHER_ACCOUNT}:root`] }, Action: ['sts:AssumeRole'], Condition: { StringEquals: { 'sts:ExternalId': [unresolved('<ExtId>')] } } }] } as never })]))).toEqual([['UNKNOWN', key]]));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeRole('r')], { coverage: [deniedCoverage('iam.role')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP07 and SEC03-BP09, not CIS 1.20', () => {
  expect(iamRoleTrustCrossAccountConditions.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP07', 'SEC03-BP09'] });
});
