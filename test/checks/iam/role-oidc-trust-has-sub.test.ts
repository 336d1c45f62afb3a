import { iamRoleOidcTrustHasSub } from '../../../lib/checks/iam/role-oidc-trust-has-sub';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeRole, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/ABC123';
const GITHUB = 'token.actions.githubusercontent.com';
const trust = (issuer: string, condition?: unknown) =>
  statements({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) });
const judge = (issuer: string, condition?: unknown) => outcomes(run(iamRoleOidcTrustHasSub, [fakeRole('r', { trustPolicy: trust(issuer, condition) })]));

describe('iam-role-oidc-trust-has-sub', () => {
  test('IRSA pinned to one service account → PASS', () =>
    expect(judge(ISSUER, { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:app:api', [`${ISSUER}:aud`]: 'sts.amazonaws.com' } })).toEqual([['PASS', `Provider::${ISSUER}`]]));
  test('trap: only aud (the console default) → FAIL', () => expect(judge(ISSUER, { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } })).toEqual([['FAIL', `Provider::${ISSUER}`]]));
  test('GitHub without any condition → FAIL', () => expect(judge(GITHUB)).toEqual([['FAIL', `Provider::${GITHUB}`]]));
  test('trap: StringLikeIfExists does not pin', () => expect(judge(GITHUB, { StringLikeIfExists: { [`${GITHUB}:sub`]: 'repo:acme/app:*' } })).toEqual([['FAIL', `Provider::${GITHUB}`]]));
  test('trap: StringNotEquals excludes, it does not pin', () => expect(judge(GITHUB, { StringNotEquals: { [`${GITHUB}:sub`]: 'repo:evil/x:*' } })).toEqual([['FAIL', `Provider::${GITHUB}`]]));
  test('claim keys match case-insensitively', () => expect(judge(GITHUB, { StringEquals: { [`${GITHUB}:SUB`]: 'repo:acme/app:ref:refs/heads/main' } })).toEqual([['PASS', `Provider::${GITHUB}`]]));
  test('a role without web-identity trust → NOT_APPLICABLE', () => expect(statusesOf(run(iamRoleOidcTrustHasSub, [fakeRole('r')]))).toEqual(['NOT_APPLICABLE']));
  test('an unresolved condition block → UNKNOWN', () =>
    expect(outcomes(run(iamRoleOidcTrustHasSub, [fakeRole('r', { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { Federated: [`arn:aws:iam::111122223333:oidc-provider/${ISSUER}`] }, Action: ['sts:AssumeRoleWithWebIdentity'], Condition: unresolved('<CfnJson.Value>') }] } })]))).toEqual([
      ['UNKNOWN', `Provider::${ISSUER}`],
    ]));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(iamRoleOidcTrustHasSub, [fakeRole('r')], { coverage: [deniedCoverage('iam.role')] })))).toEqual(new Set(['UNKNOWN'])));
});
