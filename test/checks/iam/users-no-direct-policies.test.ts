import { iamUsersNoDirectPolicies } from '../../../lib/checks/iam/users-no-direct-policies';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { ALLOW_ALL, fakeUser, inline, run, statements, statusesOf } from '../../fixtures/iam';

describe('iam-users-no-direct-policies', () => {
  test('groups only → PASS', () => expect(statusesOf(run(iamUsersNoDirectPolicies, [fakeUser('alice', { groups: ['arn:aws:iam::111122223333:group/Dev'] })]))).toEqual(['PASS']));
  test('an attached policy → FAIL', () => expect(run(iamUsersNoDirectPolicies, [fakeUser('bob', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })])[0]).toMatchObject({ status: 'FAIL', resource: { id: 'arn:aws:iam::111122223333:user/bob' } }));
  test('an inline policy → FAIL', () => expect(statusesOf(run(iamUsersNoDirectPolicies, [fakeUser('bob', { inlinePolicies: [inline('x', statements(ALLOW_ALL))] })]))).toEqual(['FAIL']));
  test('an unresolved attachment → UNKNOWN', () => expect(statusesOf(run(iamUsersNoDirectPolicies, [fakeUser('bob', { attachedPolicies: [unresolved('<PolicyArn>')] })]))).toEqual(['UNKNOWN']));
  test('users not collected → UNKNOWN', () => expect(new Set(statusesOf(run(iamUsersNoDirectPolicies, [fakeUser('bob')], { coverage: [deniedCoverage('iam.user')] })))).toEqual(new Set(['UNKNOWN'])));
});
