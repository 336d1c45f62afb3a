import { iamPoliciesNoPrivilegeEscalation } from '../../../lib/checks/iam/policies-no-privilege-escalation';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { ALLOW_ALL, fakePolicy, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamPoliciesNoPrivilegeEscalation;

describe('iam-policies-no-privilege-escalation', () => {
  test('iam:CreatePolicyVersion on all policies → FAIL', () => expect(outcomes(run(check, [fakePolicy('p', statements({ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' }))]))).toEqual([['FAIL', 'Path::create-policy-version']]));
  test('iam:AddUserToGroup in lower case still matches', () => expect(outcomes(run(check, [fakePolicy('p', statements({ Effect: 'Allow', Action: 'IAM:adduserTOgroup', Resource: '*' }))]))).toEqual([['FAIL', 'Path::add-user-to-group']]));
  test('scoped permissions → PASS', () => expect(statusesOf(run(check, [fakePolicy('p', statements({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }))]))).toEqual(['PASS']));
  test('AWS managed → NOT_APPLICABLE', () => expect(statusesOf(run(check, [fakePolicy('AdministratorAccess', statements(ALLOW_ALL), { awsManaged: true })]))).toEqual(['NOT_APPLICABLE']));
  test('unresolved document → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakePolicy('p', unresolved('<Doc>'))])))).toEqual(new Set(['UNKNOWN'])));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakePolicy('p', statements(ALLOW_ALL))], { coverage: [deniedCoverage('iam.policy')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP02, not CIS 1.16', () => {
  expect(iamPoliciesNoPrivilegeEscalation.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP02'] });
});
