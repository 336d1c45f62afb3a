import { unresolved } from '../../lib/model';
import { claimConstraint, classifyAwsPrincipal, entriesOf, escalationPaths, parseOperator, principalGrants, restrictionOf, webIdentityTrusts } from '../../lib/policy';
import { statements } from '../fixtures/iam';

describe('principals', () => {
  test.each([
    ['*', 'any'],
    ['111122223333', 'aws'],
    ['arn:aws:iam::111122223333:role/x', 'aws'],
    ['arn:aws:sts::111122223333:assumed-role/x/s', 'aws'],
    ['AROAEXAMPLEID1234567', 'deleted'],
  ])('%s → %s', (value, type) => expect(classifyAwsPrincipal(value).type).toBe(type));
});

describe('conditions', () => {
  test('operators are taken apart', () => {
    expect(parseOperator('ForAnyValue:StringLikeIfExists')).toEqual({ base: 'StringLike', ifExists: true, qualifier: 'ForAnyValue' });
    expect(parseOperator('StringEquals')).toEqual({ base: 'StringEquals', ifExists: false });
  });
  const restricts = (block: Record<string, Record<string, string[]>>) => entriesOf(block).map(restrictionOf).map((r) => (typeof r === 'string' ? r : r.kind));
  test.each([
    [{ StringEquals: { 'aws:SourceAccount': ['111122223333'] } }, 'account'],
    [{ StringLike: { 'aws:PrincipalArn': ['arn:aws:iam::111122223333:role/*'] } }, 'arn'],
    [{ StringLike: { 'aws:PrincipalArn': ['*'] } }, 'none'],
    [{ StringEqualsIfExists: { 'aws:SourceAccount': ['111122223333'] } }, 'none'],
    [{ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': ['o-1'] } }, 'none'],
    [{ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': ['o-1'] } }, 'organization'],
    [{ StringNotEquals: { 'aws:SourceAccount': ['111122223333'] } }, 'none'],
    [{ Bool: { 'aws:MultiFactorAuthPresent': ['true'] } }, 'mfa'],
    [{ Bool: { 'aws:MultiFactorAuthPresent': ['false'] } }, 'none'],
  ])('%j restricts: %s', (block, expected) => expect(restricts(block)).toEqual([expected]));
});

describe('resource and trust policies', () => {
  test('a "Deny unless org" guard restricts an open Allow', () => {
    const doc = statements({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } } });
    expect(principalGrants(doc, 's3:GetObject', ['organization'])[0]).toMatchObject({ restricted: 'yes' });
  });
  test('web identity: sub and aud of an EKS provider', () => {
    const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/X';
    const [trust] = webIdentityTrusts(
      statements({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { [`${issuer}:sub`]: 'system:serviceaccount:*:*' } } }),
    );
    expect(trust).toMatchObject({ issuer, iamOidcProvider: true, grants: 'yes', sub: { state: 'wildcard' }, aud: { state: 'absent' } });
  });
  test('claim constraints: exact beats wildcard; unresolved is unknown', () => {
    const entries = entriesOf({ StringLike: { 'i:sub': ['a*'] }, StringEquals: { 'i:sub': ['abc'] } });
    expect(claimConstraint(entries, 'i:sub').state).toBe('exact');
    expect(claimConstraint(entriesOf({ StringEquals: { 'i:sub': [unresolved('<S>')] } }), 'i:sub').state).toBe('unknown');
  });
  test('SAML providers are not web identity', () =>
    expect(webIdentityTrusts(statements({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/okta' }, Action: 'sts:AssumeRoleWithSAML' }))).toEqual([]));
});

describe('escalation paths', () => {
  const scope = { partition: 'aws', accountId: '111122223333' };
  const ids = (...s: unknown[]) => escalationPaths({ policies: [{ label: 'p', document: statements(...s) }] }, scope).map((p) => `${p.path.id}:${p.found}`);
  test('each path is named', () => {
    expect(ids({ Effect: 'Allow', Action: 'iam:UpdateAssumeRolePolicy', Resource: '*' })).toEqual([]);
    expect(ids({ Effect: 'Allow', Action: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], Resource: '*' })).toEqual(['update-assume-role-policy:yes']);
    expect(ids({ Effect: 'Allow', Action: ['iam:PassRole', 'cloudformation:CreateStack'], Resource: '*' })).toEqual(['pass-role-cloudformation:yes']);
    expect(ids({ Effect: 'Allow', Action: '*', Resource: '*' })).toEqual(['full-admin:yes']);
  });
  test('an Unresolved action could complete a path: unknown, not absent', () =>
    expect(escalationPaths({ policies: [{ label: 'p', document: { Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', unresolved('<A>')], Resource: ['*'] }] } }] }, scope).some((p) => p.found === 'unknown')).toBe(true));
});
