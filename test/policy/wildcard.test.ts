import fc from 'fast-check';
import { actionCovers, actionMatches, actionsIntersect, covers, intersects, isAllActions, serviceWideWildcard, wildcardMatches } from '../../lib/policy';

describe('wildcards', () => {
  test.each([
    ['iam:*', 'iam:PassRole', true],
    ['IAM:passrole', 'iam:PassRole', true],
    ['iam:Get*', 'iam:PutUserPolicy', false],
    ['s3:Get?bject', 's3:GetObject', true],
    ['*', 'anything:AtAll', true],
  ])('action %s matches %s → %s (case-insensitive)', (pattern, action, expected) => expect(actionMatches(pattern, action)).toBe(expected));

  test('ARNs compare case-sensitively', () => expect(wildcardMatches('arn:aws:s3:::Bucket', 'arn:aws:s3:::bucket')).toBe(false));
  test('covers', () => {
    expect(actionCovers('iam:*', 'iam:Get*')).toBe(true);
    expect(actionCovers('iam:Get*', 'iam:*')).toBe(false);
    expect(actionCovers('*:*', '*')).toBe(true);
    expect(covers('arn:aws:iam::*:role/*', 'arn:aws:iam::111122223333:role/*')).toBe(true);
    expect(covers('arn:aws:iam::111122223333:role/*', 'arn:aws:iam::*:role/*')).toBe(false);
  });
  test('intersects', () => {
    expect(actionsIntersect('iam:*', '*User')).toBe(true);
    expect(actionsIntersect('s3:Get*', 's3:Put*')).toBe(false);
    expect(intersects('a*c', '*b*')).toBe(true);
  });
  test('service-wide wildcards and all-actions patterns', () => {
    expect(serviceWideWildcard('s3:*')).toBe('s3');
    expect(serviceWideWildcard('S3:**')).toBe('s3');
    expect(serviceWideWildcard('s3:Get*')).toBeUndefined();
    expect(isAllActions('*')).toBe(true);
    expect(isAllActions('*:*')).toBe(true);
    expect(isAllActions('iam:*')).toBe(false);
  });

  const pattern = fc.stringMatching(/^[ab*?]{0,6}$/);
  const text = fc.stringMatching(/^[ab]{0,6}$/);
  test('property: covers(g, s) and s matches t imply g matches t', () =>
    fc.assert(fc.property(pattern, pattern, text, (g, s, t) => !(covers(g, s) && wildcardMatches(s, t)) || wildcardMatches(g, t))));
  test('property: a string both match means they intersect', () =>
    fc.assert(fc.property(pattern, pattern, text, (a, b, t) => !(wildcardMatches(a, t) && wildcardMatches(b, t)) || intersects(a, b))));
  test('property: every pattern covers itself and a literal it matches', () =>
    fc.assert(fc.property(pattern, text, (p, t) => covers(p, p) && (!wildcardMatches(p, t) || covers(p, t)))));
});
