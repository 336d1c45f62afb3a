import { iamGroupsNoAdministratorAccess } from '../../../lib/checks/iam/groups-no-administrator-access';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { ADMINISTRATOR_ACCESS, fakeGroup, run, statusesOf } from '../../fixtures/iam';

const check = iamGroupsNoAdministratorAccess;

describe('iam-groups-no-administrator-access', () => {
  test('AdministratorAccess attached → FAIL', () => expect(run(check, [fakeGroup('a', { attachedPolicies: [ADMINISTRATOR_ACCESS] })])[0]).toMatchObject({ checkId: 'iam-groups-no-administrator-access', status: 'FAIL' }));
  test('another policy → PASS', () => expect(statusesOf(run(check, [fakeGroup('a', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })]))).toEqual(['PASS']));
  test('a customer policy named like it is not the AWS managed one', () => expect(statusesOf(run(check, [fakeGroup('a', { attachedPolicies: ['arn:aws:iam::111122223333:policy/AdministratorAccess'] })]))).toEqual(['PASS']));
  test('an unresolved attachment → UNKNOWN', () => expect(statusesOf(run(check, [fakeGroup('a', { attachedPolicies: [unresolved('<ManagedPolicyArns>')] })]))).toEqual(['UNKNOWN']));
  test('a known AdministratorAccess wins over an unresolved sibling', () => expect(statusesOf(run(check, [fakeGroup('a', { attachedPolicies: [unresolved('<X>'), ADMINISTRATOR_ACCESS] })]))).toEqual(['FAIL']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeGroup('a')], { coverage: [deniedCoverage('iam.group')] })))).toEqual(new Set(['UNKNOWN'])));
});
