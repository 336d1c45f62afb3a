import { iamRoleOidcTrustHasAud } from '../../../lib/checks/iam/role-oidc-trust-has-aud';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeRole, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const GITHUB = 'token.actions.githubusercontent.com';
const KEY = `Provider::${GITHUB}`;
const trust = (condition: unknown, principal = `arn:aws:iam::111122223333:oidc-provider/${GITHUB}`) =>
  statements({ Effect: 'Allow', Principal: { Federated: principal }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition });
const judge = (condition: unknown) => outcomes(run(iamRoleOidcTrustHasAud, [fakeRole('r', { trustPolicy: trust(condition) })]));
const subOnly = { StringEquals: { [`${GITHUB}:sub`]: 'repo:acme/app:ref:refs/heads/main' } };

describe('iam-role-oidc-trust-has-aud', () => {
  test('aud sts.amazonaws.com → PASS', () => expect(judge({ StringEquals: { ...subOnly.StringEquals, [`${GITHUB}:aud`]: 'sts.amazonaws.com' } })).toEqual([['PASS', KEY]]));
  test('no aud → FAIL', () => expect(judge(subOnly)).toEqual([['FAIL', KEY]]));
  test('an unexpected audience → FAIL', () => expect(judge({ StringEquals: { [`${GITHUB}:aud`]: 'https://github.com/acme' } })).toEqual([['FAIL', KEY]]));
  test('a wildcard audience → FAIL', () => expect(judge({ StringLike: { [`${GITHUB}:aud`]: '*' } })).toEqual([['FAIL', KEY]]));
  test('a public IdP (Cognito) passes with any exact audience', () =>
    expect(outcomes(run(iamRoleOidcTrustHasAud, [fakeRole('r', { trustPolicy: trust({ StringEquals: { 'cognito-identity.amazonaws.com:aud': 'eu-west-1:pool' } }, 'cognito-identity.amazonaws.com') })]))).toEqual([['PASS', 'Provider::cognito-identity.amazonaws.com']]));
  test('an unresolved aud → UNKNOWN', () =>
    expect(outcomes(run(iamRoleOidcTrustHasAud, [fakeRole('r', { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { Federated: [`arn:aws:iam::111122223333:oidc-provider/${GITHUB}`] }, Action: ['sts:AssumeRoleWithWebIdentity'], Condition: { StringEquals: { [`${GITHUB}:aud`]: [unresolved('<Aud>')] } } }] } })]))).toEqual([['UNKNOWN', KEY]]));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(iamRoleOidcTrustHasAud, [fakeRole('r')], { coverage: [deniedCoverage('iam.role')] })))).toEqual(new Set(['UNKNOWN'])));
});
