import { iamUserInlinePoliciesNoFullAdmin } from '../../../lib/checks/iam/user-inline-policies-no-full-admin';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { ALLOW_ALL, fakeUser, inline, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamUserInlinePoliciesNoFullAdmin;
const judge = (...policies: ReturnType<typeof inline>[]) => outcomes(run(check, [fakeUser('p', { inlinePolicies: policies })]));

describe('iam-user-inline-policies-no-full-admin', () => {
  test('"*" on "*" → FAIL, scoped → PASS, one finding per policy', () =>
    expect(judge(inline('admin', statements(ALLOW_ALL)), inline('read', statements({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' })))).toEqual([
      ['FAIL', 'Policy::admin'],
      ['PASS', 'Policy::read'],
    ]));
  test('"*:*" and mixed-case wildcards are admin too', () => expect(judge(inline('a', statements({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] })))).toEqual([['FAIL', 'Policy::a']]));
  test('trap: a Deny of everything neutralises the Allow', () =>
    expect(judge(inline('a', statements(ALLOW_ALL, { Effect: 'Deny', Action: '*', Resource: '*' })))).toEqual([['PASS', 'Policy::a']]));
  test('trap: a conditional Deny does not', () =>
    expect(judge(inline('a', statements(ALLOW_ALL, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })))).toEqual([['FAIL', 'Policy::a']]));
  test('trap: NotAction with a narrow list is not "*:*" (other checks judge it)', () =>
    expect(judge(inline('a', statements({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })))).toEqual([['PASS', 'Policy::a']]));
  test('no inline policy → PASS', () => expect(statusesOf(run(check, [fakeUser('p')]))).toEqual(['PASS']));
  test('an unresolved action → UNKNOWN', () => expect(judge(inline('a', { Statement: [{ Effect: 'Allow', Action: [unresolved('<Action>')], Resource: ['*'] }] }))).toEqual([['UNKNOWN', 'Policy::a']]));
  test('an unresolved document → UNKNOWN', () => expect(statusesOf(run(check, [fakeUser('p', { inlinePolicies: [inline('a', unresolved('<Doc>'))] })]))).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeUser('p')], { coverage: [deniedCoverage('iam.user')] })))).toEqual(new Set(['UNKNOWN'])));
});
