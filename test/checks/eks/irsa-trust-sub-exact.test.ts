import { eksIrsaTrustSubExact } from '../../../lib/checks/eks/irsa-trust-sub-exact';
import { unresolved } from '../../fixtures/model';
import { ISSUER, coverageDenying, irsaTrust, judge, role, scopedIrsaTrust, statusesOf } from '../../fixtures/eks';

const CHECK = eksIrsaTrustSubExact;
const SUB = `${ISSUER}:sub`;
const like = (subject: string | string[]) => role('api', irsaTrust({ StringLike: { [SUB]: subject } }));

describe('eks-irsa-trust-sub-exact', () => {
  test('an exact subject → PASS', () => {
    const r = role('api', scopedIrsaTrust());
    expect(judge(CHECK, [r])).toEqual([{ checkId: CHECK.id, status: 'PASS', key: `Provider::${ISSUER}`, resource: r.id }]);
  });

  test.each(['system:serviceaccount:apps:*', 'system:serviceaccount:apps:api-?'])('namespace-wide StringLike %s → FAIL', (pattern) => {
    expect(statusesOf(judge(CHECK, [like(pattern)]))).toEqual(['FAIL']);
  });

  test('trap: StringLike without wildcards is exact → PASS', () => expect(statusesOf(judge(CHECK, [like('system:serviceaccount:apps:api')]))).toEqual(['PASS']));

  test('a cross-namespace pattern is left to eks-irsa-trust-sub-single-namespace → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [like(['system:serviceaccount:apps:*', 'system:serviceaccount:*:*'])]))).toEqual(['NOT_APPLICABLE']);
  });

  test('no sub condition → NOT_APPLICABLE', () => expect(statusesOf(judge(CHECK, [role('api', irsaTrust())]))).toEqual(['NOT_APPLICABLE']));

  test('a subject given as a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ StringLike: { [SUB]: unresolved('<Subject>') as unknown as string } }))]))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [like('system:serviceaccount:apps:*')], { coverage: coverageDenying('iam.role') })))).toEqual(new Set(['UNKNOWN']));
  });
});
