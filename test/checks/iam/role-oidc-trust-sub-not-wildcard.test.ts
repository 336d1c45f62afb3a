import { iamRoleOidcTrustSubNotWildcard } from '../../../lib/checks/iam/role-oidc-trust-sub-not-wildcard';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeRole, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/ABC123';
const KEY = `Provider::${ISSUER}`;
const trust = (condition: unknown) =>
  statements({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition });
const judge = (condition: unknown, options = {}) => outcomes(run(iamRoleOidcTrustSubNotWildcard, [fakeRole('r', { trustPolicy: trust(condition) })], options));
const sub = `${ISSUER}:sub`;

describe('iam-role-oidc-trust-sub-not-wildcard', () => {
  test('StringLike system:serviceaccount:*:* → FAIL', () => expect(judge({ StringLike: { [sub]: 'system:serviceaccount:*:*' } })).toEqual([['FAIL', KEY]]));
  test('a namespace wildcard → FAIL', () => expect(judge({ StringLike: { [sub]: 'system:serviceaccount:team-a:*' } })).toEqual([['FAIL', KEY]]));
  test('trap: StringLike without wildcards is exact → PASS', () => expect(judge({ StringLike: { [sub]: 'system:serviceaccount:app:api' } })).toEqual([['PASS', KEY]]));
  test('trap: StringEquals with "*" is literal → PASS', () => expect(judge({ StringEquals: { [sub]: '*' } })).toEqual([['PASS', KEY]]));
  test('an exact entry next to a wildcard one wins (both must hold)', () =>
    expect(judge({ StringLike: { [sub]: 'system:serviceaccount:*:*' }, StringEquals: { [sub]: 'system:serviceaccount:app:api' } })).toEqual([['PASS', KEY]]));
  test('allowedSubjectPatterns accepts a pattern as written', () =>
    expect(judge({ StringLike: { [sub]: 'system:serviceaccount:team-a:*' } }, { checkOptions: { 'iam-role-oidc-trust-sub-not-wildcard': { allowedSubjectPatterns: ['system:serviceaccount:team-a:*'] } } })).toEqual([['PASS', KEY]]));
  test('no sub at all is the other check’s finding → NOT_APPLICABLE', () => expect(judge({ StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } })).toEqual([['NOT_APPLICABLE', KEY]]));
  test('an unresolved sub value → UNKNOWN', () =>
    expect(outcomes(run(iamRoleOidcTrustSubNotWildcard, [fakeRole('r', { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { Federated: [`arn:aws:iam::111122223333:oidc-provider/${ISSUER}`] }, Action: ['sts:AssumeRoleWithWebIdentity'], Condition: { StringLike: { [sub]: [unresolved('<Sub>')] } } }] } })]))).toEqual([['UNKNOWN', KEY]]));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(iamRoleOidcTrustSubNotWildcard, [fakeRole('r')], { coverage: [deniedCoverage('iam.role')] })))).toEqual(new Set(['UNKNOWN'])));
});
