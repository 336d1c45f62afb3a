import { iamRoleTrustNoAnyPrincipal } from '../../../lib/checks/iam/role-trust-no-any-principal';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeRole, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamRoleTrustNoAnyPrincipal;
const judge = (...s: unknown[]) => statusesOf(run(check, [fakeRole('r', { trustPolicy: statements(...s) })]));
const assume = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });

describe('iam-role-trust-no-any-principal', () => {
  test.each([
    ['Principal "*"', assume('*'), 'FAIL'],
    ['{"AWS": "*"}', assume({ AWS: '*' }), 'FAIL'],
    ['a named account', assume({ AWS: 'arn:aws:iam::444455556666:root' }), 'PASS'],
    ['"*" restricted to the organization', assume({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }), 'PASS'],
    ['trap: StringLike without wildcards restricts', assume({ AWS: '*' }, { Condition: { StringLike: { 'aws:PrincipalAccount': '111122223333' } } }), 'PASS'],
    ['trap: StringLike "*" does not restrict', assume({ AWS: '*' }, { Condition: { StringLike: { 'aws:PrincipalArn': '*' } } }), 'FAIL'],
    ['trap: …IfExists does not restrict', assume({ AWS: '*' }, { Condition: { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } } }), 'FAIL'],
    ['trap: an external id alone does not restrict who calls', assume({ AWS: '*' }, { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }), 'FAIL'],
  ])('%s → %s', (_name, statement, expected) => expect(judge(statement)).toEqual([expected]));
  test('trap: a "Deny unless org" guard restricts an open Allow', () =>
    expect(judge(assume({ AWS: '*' }), { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })).toEqual(['PASS']));
  test('an unresolved principal → UNKNOWN', () => expect(judge(assume(unresolved('<Principal>')))).toEqual(['UNKNOWN']));
  test('an unresolved trust policy → UNKNOWN', () => expect(statusesOf(run(check, [fakeRole('r', { trustPolicy: unresolved('<Trust>') })]))).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeRole('r')], { coverage: [deniedCoverage('iam.role')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP07, not CIS 1.20', () => {
  expect(iamRoleTrustNoAnyPrincipal.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP07'] });
});
