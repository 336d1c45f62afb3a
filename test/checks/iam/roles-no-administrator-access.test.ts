import { iamRolesNoAdministratorAccess } from '../../../lib/checks/iam/roles-no-administrator-access';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { ADMINISTRATOR_ACCESS, fakeRole, run, statusesOf } from '../../fixtures/iam';

const check = iamRolesNoAdministratorAccess;

describe('iam-roles-no-administrator-access', () => {
  test('AdministratorAccess attached → FAIL', () => expect(run(check, [fakeRole('a', { attachedPolicies: [ADMINISTRATOR_ACCESS] })])[0]).toMatchObject({ checkId: 'iam-roles-no-administrator-access', status: 'FAIL' }));
  test('another policy → PASS', () => expect(statusesOf(run(check, [fakeRole('a', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })]))).toEqual(['PASS']));
  test('a customer policy named like it is not the AWS managed one', () => expect(statusesOf(run(check, [fakeRole('a', { attachedPolicies: ['arn:aws:iam::111122223333:policy/AdministratorAccess'] })]))).toEqual(['PASS']));
  test('an unresolved attachment → UNKNOWN', () => expect(statusesOf(run(check, [fakeRole('a', { attachedPolicies: [unresolved('<ManagedPolicyArns>')] })]))).toEqual(['UNKNOWN']));
  test('a known AdministratorAccess wins over an unresolved sibling', () => expect(statusesOf(run(check, [fakeRole('a', { attachedPolicies: [unresolved('<X>'), ADMINISTRATOR_ACCESS] })]))).toEqual(['FAIL']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeRole('a')], { coverage: [deniedCoverage('iam.role')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('allowedRoles makes an intended admin role NOT_APPLICABLE', () =>
  expect(statusesOf(run(check, [fakeRole('OrganizationAccountAccessRole', { attachedPolicies: [ADMINISTRATOR_ACCESS] })], { checkOptions: { 'iam-roles-no-administrator-access': { allowedRoles: ['Organization*'] } } }))).toEqual(['NOT_APPLICABLE']));
