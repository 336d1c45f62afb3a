import { iamCloudshellFullAccessRestricted } from '../../../lib/checks/iam/cloudshell-full-access-restricted';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeRole, fakeUser, outcomes, run, statusesOf } from '../../fixtures/iam';

const CLOUDSHELL = 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess';

describe('iam-cloudshell-full-access-restricted', () => {
  test('a user and a role with it → one FAIL each', () =>
    expect(outcomes(run(iamCloudshellFullAccessRestricted, [fakeRole('ops', { attachedPolicies: [CLOUDSHELL] }), fakeUser('bob', { attachedPolicies: [CLOUDSHELL] })]))).toEqual([
      ['FAIL', 'Role::ops'],
      ['FAIL', 'User::bob'],
    ]));
  test('none → PASS', () => expect(statusesOf(run(iamCloudshellFullAccessRestricted, [fakeRole('ops')]))).toEqual(['PASS']));
  test('an unresolved attachment → UNKNOWN', () => expect(statusesOf(run(iamCloudshellFullAccessRestricted, [fakeRole('ops', { attachedPolicies: [unresolved('<P>')] })]))).toEqual(['UNKNOWN']));
  test('users not collected → UNKNOWN', () => expect(statusesOf(run(iamCloudshellFullAccessRestricted, [fakeRole('ops')], { coverage: [{ kind: 'iam.role', region: 'global', status: 'ok' }, deniedCoverage('iam.user')] }))).toEqual(['UNKNOWN']));
});

test('maps to IAM.27 and CIS 1.22 of v3.0 and v4.0', () => {
  expect(iamCloudshellFullAccessRestricted.frameworks).toEqual({
    securityHub: ['IAM.27'],
    cisAws: { '3.0': ['1.22'], '4.0': ['1.22'] },
    cisEks: {},
    wellArchitected: [],
  });
});
