import { iamPoliciesNoAllowNotaction } from '../../../lib/checks/iam/policies-no-allow-notaction';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakePolicy, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamPoliciesNoAllowNotaction;
const judge = (...s: unknown[]) => outcomes(run(check, [fakePolicy('p', statements(...s))]));

describe('iam-policies-no-allow-notaction', () => {
  test('trap: Allow + NotAction with a narrow list → FAIL', () => expect(judge({ Sid: 'All', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toEqual([['FAIL', 'Statement::Sid All']]));
  test('Deny + NotAction (a guard) → PASS', () => expect(judge({ Effect: 'Deny', NotAction: ['iam:ChangePassword'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } })).toEqual([['PASS', undefined]]));
  test('Action only → PASS', () => expect(judge({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })).toEqual([['PASS', undefined]]));
  test('an unresolved effect → UNKNOWN', () => expect(statusesOf(run(check, [fakePolicy('p', { Statement: [{ Effect: unresolved('<E>'), NotAction: ['iam:*'], Resource: ['*'] }] })]))).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakePolicy('p', statements())], { coverage: [deniedCoverage('iam.policy')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP02, not IAM.21', () => {
  expect(iamPoliciesNoAllowNotaction.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP02'] });
});
