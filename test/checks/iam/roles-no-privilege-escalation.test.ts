import { iamRolesNoPrivilegeEscalation } from '../../../lib/checks/iam/roles-no-privilege-escalation';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeRole, inline, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamRolesNoPrivilegeEscalation;
const withPolicy = (name: string, ...s: unknown[]) => fakeRole(name, { inlinePolicies: [inline('p', statements(...s))] });

describe('iam-roles-no-privilege-escalation', () => {
  test('iam:PassRole on * with eks:* → FAIL for the EKS paths', () =>
    expect(outcomes(run(check, [withPolicy('ci', { Effect: 'Allow', Action: ['eks:*', 'iam:PassRole'], Resource: '*' })]))).toEqual([
      ['FAIL', 'Path::pass-role-eks-nodegroup'],
      ['FAIL', 'Path::pass-role-eks-pod-identity'],
    ]));
  test('iam:PutRolePolicy on all roles → FAIL', () => expect(outcomes(run(check, [withPolicy('r', { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111122223333:role/*' })]))).toEqual([['FAIL', 'Path::put-role-policy']]));
  test('trap: iam:PassRole limited to named roles is not followed', () =>
    expect(statusesOf(run(check, [withPolicy('r', { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-task' }, { Effect: 'Allow', Action: 'ecs:*', Resource: '*' })]))).toEqual(['PASS']));
  test('trap: a wildcard that matches only read actions is no path', () => expect(statusesOf(run(check, [withPolicy('r', { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'lambda:Get*'], Resource: '*' })]))).toEqual(['PASS']));
  test('service-linked roles and allow-listed roles are NOT_APPLICABLE', () => {
    expect(statusesOf(run(check, [fakeRole('AWSServiceRoleForSupport', { path: '/aws-service-role/support.amazonaws.com/' })]))).toEqual(['NOT_APPLICABLE']);
    expect(statusesOf(run(check, [withPolicy('breakglass', { Effect: 'Allow', Action: '*', Resource: '*' })], { checkOptions: { 'iam-roles-no-privilege-escalation': { allowedRoles: ['breakglass'] } } }))).toEqual(['NOT_APPLICABLE']);
  });
  test('an attached policy missing from the inventory → UNKNOWN', () => expect(statusesOf(run(check, [fakeRole('r', { attachedPolicies: ['arn:aws:iam::aws:policy/PowerUserAccess'] })]))).toEqual(['UNKNOWN']));
  test('an unresolved effect → UNKNOWN', () =>
    expect(new Set(statusesOf(run(check, [fakeRole('r', { inlinePolicies: [inline('p', { Statement: [{ Effect: unresolved('<Effect>'), Action: ['iam:*'], Resource: ['*'] }] })] })])))).toEqual(new Set(['UNKNOWN'])));
  test('policies not collected → UNKNOWN', () =>
    expect(new Set(statusesOf(run(check, [fakeRole('r', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })], { coverage: [{ kind: 'iam.role', region: 'global', status: 'ok' }, deniedCoverage('iam.policy')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP02, not CIS 1.16', () => {
  expect(iamRolesNoPrivilegeEscalation.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP02'] });
});
