import fc from 'fast-check';
import { parsePolicyDocument, unresolved, type PolicyStatement } from '../../lib/model';
import { evaluateAccess, isFullAdmin, serviceWildcardGrants, type PolicySource } from '../../lib/policy';
import { statements } from '../fixtures/iam';

const source = (...s: unknown[]): PolicySource => ({ label: 'p', document: statements(...s) });
const allowed = (query: Parameters<typeof evaluateAccess>[1], ...s: unknown[]) => evaluateAccess([source(...s)], query).allowed;

describe('evaluateAccess', () => {
  test('Action and NotAction', () => {
    expect(allowed({ action: 'iam:PassRole' }, { Effect: 'Allow', Action: 'iam:*', Resource: '*' })).toBe('yes');
    expect(allowed({ action: 'iam:PassRole' }, { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toBe('no');
    expect(allowed({ action: 's3:GetObject' }, { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toBe('yes');
  });
  test('Resource and NotResource', () => {
    expect(allowed({ action: 's3:GetObject' }, { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' })).toBe('no');
    expect(allowed({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/*', resourceMode: 'some' }, { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/k' })).toBe('yes');
    expect(allowed({ action: 's3:GetObject' }, { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' })).toBe('no');
    expect(allowed({ action: 's3:GetObject', resource: 'arn:aws:s3:::public/*' }, { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' })).toBe('yes');
  });
  test('an unconditional Deny subtracts; a conditional one does not', () => {
    const allow = { Effect: 'Allow', Action: '*', Resource: '*' };
    expect(allowed({ action: 'iam:PassRole' }, allow, { Effect: 'Deny', Action: 'iam:*', Resource: '*' })).toBe('no');
    expect(allowed({ action: 'iam:PassRole' }, allow, { Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })).toBe('yes');
    expect(allowed({ action: 'iam:PassRole' }, allow, { Effect: 'Deny', Action: 'iam:*', Resource: 'arn:aws:iam::*:role/admin' })).toBe('yes');
  });
  test('Unresolved values make only the answers they could change unknown', () => {
    const doc = { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', unresolved('<A>')], Resource: ['*'] }] } as { Statement: PolicyStatement[] };
    expect(evaluateAccess([{ label: 'p', document: doc }], { action: 's3:GetObject' }).allowed).toBe('yes');
    expect(evaluateAccess([{ label: 'p', document: doc }], { action: 'iam:PassRole' }).allowed).toBe('unknown');
    expect(evaluateAccess([{ label: 'p', document: unresolved('<Doc>') }], { action: 'iam:PassRole' }).allowed).toBe('unknown');
  });
  test('a policy URL-encoded by IAM parses to the same answers as plain JSON', () => {
    const json = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] };
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(json)))).toEqual(parsePolicyDocument(json));
  });
  test('service wildcard grants', () => {
    expect(serviceWildcardGrants([source({ Effect: 'Allow', Action: ['s3:*', 'ec2:Describe*'], Resource: '*' })]).grants.map((g) => g.pattern)).toEqual(['s3:*']);
  });
});

describe('property-based invariants', () => {
  const actions = fc.constantFrom('*', '*:*', 'iam:*', 'iam:PassRole', 's3:*', 's3:Get*', 'ec2:RunInstances', 'sts:AssumeRole', 'kms:Decrypt');
  const resources = fc.constantFrom('*', 'arn:aws:s3:::b/*', 'arn:aws:iam::111122223333:role/*', 'arn:aws:iam::*:user/*');
  const statement = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    kind: fc.constantFrom('Action', 'NotAction'),
    actions: fc.array(actions, { minLength: 1, maxLength: 3 }),
    Resource: fc.array(resources, { minLength: 1, maxLength: 2 }),
    conditional: fc.boolean(),
  }).map(({ Effect, kind, actions: list, Resource, conditional }): Record<string, unknown> => ({
    Effect,
    [kind]: list,
    Resource,
    ...(conditional ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}),
  }));
  const rank = { no: 0, unknown: 1, yes: 2 } as const;

  test('normalising twice equals normalising once', () =>
    fc.assert(fc.property(fc.array(statement, { maxLength: 5 }), (list) => {
      const once = parsePolicyDocument(encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: list })));
      expect(parsePolicyDocument(once)).toEqual(once);
    })));

  test('a policy that allows "*:*" on "*" is admin whatever the statement order', () =>
    fc.assert(fc.property(fc.array(statement.filter((s) => s.Effect === 'Allow'), { maxLength: 4 }), fc.nat(), (others, at) => {
      const list = [...others];
      list.splice(at % (list.length + 1), 0, { Effect: 'Allow', Action: ['*:*'], Resource: ['*'] });
      expect(isFullAdmin({ policies: [{ label: 'p', document: statements(...list) }] }).allowed).toBe('yes');
    })));

  test('adding a Deny never widens access', () =>
    fc.assert(fc.property(fc.array(statement, { maxLength: 4 }), statement, actions, resources, (list, extra, action, resource) => {
      const deny = { ...extra, Effect: 'Deny' };
      const before = evaluateAccess([{ label: 'p', document: statements(...list) }], { action, resource }).allowed;
      const after = evaluateAccess([{ label: 'p', document: statements(...list, deny) }], { action, resource }).allowed;
      expect(rank[after]).toBeLessThanOrEqual(rank[before]);
    })));

  test('adding an Allow never narrows access', () =>
    fc.assert(fc.property(fc.array(statement, { maxLength: 4 }), statement, actions, (list, extra, action) => {
      const allow = { ...extra, Effect: 'Allow' };
      const before = evaluateAccess([{ label: 'p', document: statements(...list) }], { action }).allowed;
      const after = evaluateAccess([{ label: 'p', document: statements(...list, allow) }], { action }).allowed;
      expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
    })));
});
