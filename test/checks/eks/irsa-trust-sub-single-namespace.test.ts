import { eksIrsaTrustSubSingleNamespace } from '../../../lib/checks/eks/irsa-trust-sub-single-namespace';
import { subjectReach } from '../../../lib/checks/eks/lib/irsa';
import { unresolved } from '../../fixtures/model';
import { ISSUER, coverageDenying, irsaTrust, judge, role, scopedIrsaTrust, statusesOf } from '../../fixtures/eks';

const CHECK = eksIrsaTrustSubSingleNamespace;
const SUB = `${ISSUER}:sub`;
const like = (subject: string | string[]) => role('api', irsaTrust({ StringLike: { [SUB]: subject } }));

describe('eks-irsa-trust-sub-single-namespace', () => {
  test('an exact subject → PASS', () => {
    const r = role('api', scopedIrsaTrust());
    expect(judge(CHECK, [r])).toEqual([{ checkId: CHECK.id, status: 'PASS', key: `Provider::${ISSUER}`, resource: r.id }]);
  });

  test.each(['system:serviceaccount:*:*', 'system:serviceaccount:*', '*', 'system:serviceaccount:*:default', 'system:serviceaccount:team-?:api', '*:api'])(
    'StringLike %s reaches across namespaces → FAIL',
    (pattern) => expect(statusesOf(judge(CHECK, [like(pattern)]))).toEqual(['FAIL']),
  );

  test('a namespace-wide pattern stays in one namespace → PASS here (eks-irsa-trust-sub-exact judges it)', () => {
    expect(statusesOf(judge(CHECK, [like('system:serviceaccount:apps:*')]))).toEqual(['PASS']);
  });

  test('trap: under StringEquals `*` is a literal character, not a wildcard → PASS', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ StringEquals: { [SUB]: 'system:serviceaccount:*:*' } }))]))).toEqual(['PASS']);
  });

  test('trap: an exact condition next to a wildcard one wins (both must hold) → PASS', () => {
    const both = irsaTrust({ StringLike: { [SUB]: 'system:serviceaccount:*:*' }, StringEquals: { [SUB]: 'system:serviceaccount:apps:api' } });
    expect(statusesOf(judge(CHECK, [role('api', both)]))).toEqual(['PASS']);
  });

  test('a ForAnyValue:StringLike list with one cluster-wide value → FAIL', () => {
    const list = irsaTrust({ 'ForAnyValue:StringLike': { [SUB]: ['system:serviceaccount:apps:api', 'system:serviceaccount:*:ci'] } });
    expect(statusesOf(judge(CHECK, [role('api', list)]))).toEqual(['FAIL']);
  });

  test('no sub condition → NOT_APPLICABLE (eks-irsa-trust-has-sub fails it)', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } }))]))).toEqual(['NOT_APPLICABLE']);
  });

  test('a subject given as a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ StringLike: { [SUB]: unresolved('<Subject>') as unknown as string } }))]))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [like('*')], { coverage: coverageDenying('iam.role') })))).toEqual(new Set(['UNKNOWN']));
  });

  test('subjectReach reads namespace and name parts', () => {
    expect(subjectReach('system:serviceaccount:apps:api')).toBe('one-service-account');
    expect(subjectReach('system:serviceaccount:apps:api-*')).toBe('one-namespace');
    expect(subjectReach('system:serviceaccount:ap*:api')).toBe('many-namespaces');
    expect(subjectReach('repo:acme/*')).toBe('no-service-account');
  });
});
