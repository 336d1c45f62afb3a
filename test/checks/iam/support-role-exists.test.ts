import { iamSupportRoleExists } from '../../../lib/checks/iam/support-role-exists';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeGroup, fakeRole, run, statusesOf } from '../../fixtures/iam';

const SUPPORT = 'arn:aws:iam::aws:policy/AWSSupportAccess';

describe('iam-support-role-exists', () => {
  test('a role with AWSSupportAccess → PASS (account finding)', () => expect(run(iamSupportRoleExists, [fakeRole('support', { attachedPolicies: [SUPPORT] })])[0]).toMatchObject({ status: 'PASS', resource: { id: 'AWS::::Account:111122223333' } }));
  test('none → FAIL', () => expect(statusesOf(run(iamSupportRoleExists, [fakeRole('other')]))).toEqual(['FAIL']));
  test('a group with it also passes', () => expect(statusesOf(run(iamSupportRoleExists, [fakeRole('other'), fakeGroup('Support', { attachedPolicies: [SUPPORT] })]))).toEqual(['PASS']));
  test('an unresolved attachment and nothing known → UNKNOWN', () => expect(statusesOf(run(iamSupportRoleExists, [fakeRole('r', { attachedPolicies: [unresolved('<P>')] })]))).toEqual(['UNKNOWN']));
  test('groups not collected and no support role → UNKNOWN', () =>
    expect(statusesOf(run(iamSupportRoleExists, [fakeRole('other')], { coverage: [{ kind: 'iam.role', region: 'global', status: 'ok' }, { kind: 'iam.user', region: 'global', status: 'ok' }, deniedCoverage('iam.group')] }))).toEqual(['UNKNOWN']));
  test('roles not collected → UNKNOWN', () => expect(statusesOf(run(iamSupportRoleExists, [fakeRole('support', { attachedPolicies: [SUPPORT] })], { coverage: [deniedCoverage('iam.role')] }))).toEqual(['UNKNOWN']));
});
