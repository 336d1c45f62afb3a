import { covers, escalationPaths, evaluateAccess, intersects, webIdentityTrusts } from '../../lib/policy';
import { statements } from '../fixtures/iam';

/**
 * The analyser remembers answers by document and query, and pattern questions by pattern pair. What
 * it remembers must never leak from one caller to another: labels, judges, accounts, case rules.
 */

describe('the policy analyser remembers only what cannot differ', () => {
  const adminish = statements({ Sid: 'Iam', Effect: 'Allow', Action: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' });

  test('the same document under two labels names each its own policy', () => {
    const query = { action: 'iam:PassRole' };
    const asRole = evaluateAccess([{ label: 'inline policy a of role r', document: adminish }], query);
    const asUser = evaluateAccess([{ label: 'inline policy a of user u', document: adminish }], query);
    expect(asRole.allowed).toBe('yes');
    expect(asRole.grantedBy).toEqual([{ policy: 'inline policy a of role r', statement: 'Sid Iam', conditional: false }]);
    expect(asUser.grantedBy).toEqual([{ policy: 'inline policy a of user u', statement: 'Sid Iam', conditional: false }]);
    expect(evaluateAccess([{ label: 'p', document: adminish }], { action: 'iam:DeleteRole' }).deniedBy).toEqual([{ policy: 'p', statement: 'statement 2' }]);
  });

  test('a caller’s grantStands judge is never answered from another caller’s', () => {
    const sources = [{ label: 'p', document: adminish }];
    expect(evaluateAccess(sources, { action: 'iam:PassRole', grantStands: () => 'no' }).allowed).toBe('no');
    expect(evaluateAccess(sources, { action: 'iam:PassRole', grantStands: () => 'yes' }).allowed).toBe('yes');
    expect(evaluateAccess(sources, { action: 'iam:PassRole' }).allowed).toBe('yes');
  });

  test('answers by pattern pair keep case rules apart', () => {
    expect(covers('IAM:*', 'iam:PassRole', true)).toBe(true);
    expect(covers('IAM:*', 'iam:PassRole')).toBe(false);
    expect(intersects('arn:aws:s3:::A*', 'arn:aws:s3:::a*', true)).toBe(true);
    expect(intersects('arn:aws:s3:::A*', 'arn:aws:s3:::a*')).toBe(false);
  });

  test('escalation paths are asked about the account of each principal', () => {
    const onRoles = statements({ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: 'arn:aws:iam::111122223333:role/*' });
    const permissions = { policies: [{ label: 'p', document: onRoles }] };
    expect(escalationPaths(permissions, { partition: 'aws', accountId: '111122223333' }).map((f) => f.path.id)).toEqual(['attach-role-policy']);
    expect(escalationPaths(permissions, { partition: 'aws', accountId: '444455556666' })).toEqual([]);
  });

  test('each caller gets its own list of web-identity trusts', () => {
    const trust = statements({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity' });
    const first = webIdentityTrusts(trust);
    first.pop();
    expect(webIdentityTrusts(trust)).toHaveLength(1);
  });
});
