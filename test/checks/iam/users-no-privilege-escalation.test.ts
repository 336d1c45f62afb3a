import { iamUsersNoPrivilegeEscalation } from '../../../lib/checks/iam/users-no-privilege-escalation';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { ADMINISTRATOR_ACCESS, administratorAccessPolicy, fakeGroup, fakePolicy, fakeUser, inline, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamUsersNoPrivilegeEscalation;
const GROUP = 'arn:aws:iam::111122223333:group/Ops';

describe('iam-users-no-privilege-escalation', () => {
  test('iam:PassRole on all roles + ec2:RunInstances → FAIL naming the path', () => {
    const user = fakeUser('dev', { inlinePolicies: [inline('p', statements({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }))] });
    const [f] = run(check, [user]);
    expect(f).toMatchObject({ checkId: 'iam-users-no-privilege-escalation', status: 'FAIL', key: 'Path::pass-role-ec2', resource: { id: user.id } });
  });
  test('read-only permissions → PASS', () => expect(statusesOf(run(check, [fakeUser('r', { inlinePolicies: [inline('p', statements({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 's3:Get*'], Resource: '*' }))] })]))).toEqual(['PASS']));
  test('effective permissions include the groups’ policies: a path split over user and group is found', () => {
    const group = fakeGroup('Ops', { attachedPolicies: ['arn:aws:iam::111122223333:policy/RunInstances'] });
    const policy = fakePolicy('RunInstances', statements({ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }));
    const user = fakeUser('ops', { groups: [GROUP], inlinePolicies: [inline('pass', statements({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/*' }))] });
    expect(outcomes(run(check, [user, group, policy]))).toEqual([['FAIL', 'Path::pass-role-ec2']]);
  });
  test('a full admin (through a group) is one Path::full-admin finding', () => {
    const group = fakeGroup('Ops', { attachedPolicies: [ADMINISTRATOR_ACCESS] });
    expect(outcomes(run(check, [fakeUser('ops', { groups: [GROUP] }), group, administratorAccessPolicy()]))).toEqual([['FAIL', 'Path::full-admin']]);
  });
  test('trap: self-service on ${aws:username} is not escalation', () =>
    expect(statusesOf(run(check, [fakeUser('me', { inlinePolicies: [inline('self', statements({ Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], Resource: 'arn:aws:iam::111122223333:user/${aws:username}' }))] })]))).toEqual(['PASS']));
  test('trap: an unconditional Deny neutralises the path', () =>
    expect(statusesOf(run(check, [fakeUser('d', { inlinePolicies: [inline('p', statements({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }))] })]))).toEqual(['PASS']));
  test('trap: a NotAction Allow with a narrow list grants iam:AttachUserPolicy', () =>
    expect(outcomes(run(check, [fakeUser('n', { inlinePolicies: [inline('p', statements({ Effect: 'Allow', NotAction: ['s3:DeleteBucket'], Resource: '*' }))] })])).map(([s]) => s)).toContain('FAIL'));
  test('a permissions boundary without IAM caps the path', () => {
    const boundary = fakePolicy('Boundary', statements({ Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' }));
    const user = fakeUser('b', { permissionsBoundary: boundary.id, inlinePolicies: [inline('p', statements({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }))] });
    expect(statusesOf(run(check, [user, boundary]))).toEqual(['PASS']);
  });
  test('a group missing from a complete inventory → UNKNOWN, not PASS', () => expect(statusesOf(run(check, [fakeUser('g', { groups: [GROUP] })]))).toEqual(['UNKNOWN']));
  test('an unresolved action → UNKNOWN', () =>
    expect(new Set(statusesOf(run(check, [fakeUser('u', { inlinePolicies: [inline('p', { Statement: [{ Effect: 'Allow', Action: [unresolved('<Action>')], Resource: ['*'] }] })] })])))).toEqual(new Set(['UNKNOWN'])));
  test('groups not collected → UNKNOWN', () =>
    expect(new Set(statusesOf(run(check, [fakeUser('g', { groups: [GROUP] })], { coverage: [{ kind: 'iam.user', region: 'global', status: 'ok' }, { kind: 'iam.policy', region: 'global', status: 'ok' }, deniedCoverage('iam.group')] })))).toEqual(new Set(['UNKNOWN'])));
  test('users not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeUser('g')], { coverage: [deniedCoverage('iam.user')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP02, not CIS 1.16', () => {
  expect(iamUsersNoPrivilegeEscalation.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP02'] });
});
