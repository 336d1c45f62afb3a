import { eksIrsaTrustAudSts } from '../../../lib/checks/eks/irsa-trust-aud-sts';
import { unresolved } from '../../fixtures/model';
import { ISSUER, coverageDenying, irsaTrust, judge, role, scopedIrsaTrust, statusesOf } from '../../fixtures/eks';

const CHECK = eksIrsaTrustAudSts;
const SUB = `${ISSUER}:sub`;
const AUD = `${ISSUER}:aud`;
const withAud = (operator: string, aud: unknown) => role('api', irsaTrust({ StringEquals: { [SUB]: 'system:serviceaccount:apps:api' }, [operator]: { [AUD]: aud as string } }));

describe('eks-irsa-trust-aud-sts', () => {
  test('aud pinned to sts.amazonaws.com → PASS', () => {
    const r = role('api', scopedIrsaTrust());
    expect(judge(CHECK, [r])).toEqual([{ checkId: CHECK.id, status: 'PASS', key: `Provider::${ISSUER}`, resource: r.id }]);
  });

  test('no aud condition (sub only) → FAIL', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ StringEquals: { [SUB]: 'system:serviceaccount:apps:api' } }))]))).toEqual(['FAIL']);
  });

  test('another audience besides STS → FAIL', () => expect(statusesOf(judge(CHECK, [withAud('ForAnyValue:StringEquals', ['sts.amazonaws.com', 'vault'])]))).toEqual(['FAIL']));

  test('an audience pattern → FAIL', () => expect(statusesOf(judge(CHECK, [withAud('StringLike', 'sts.*')]))).toEqual(['FAIL']));

  test('trap: StringEqualsIfExists does not pin the audience → FAIL', () => expect(statusesOf(judge(CHECK, [withAud('StringEqualsIfExists', 'sts.amazonaws.com')]))).toEqual(['FAIL']));

  test('trap: StringLike with the literal audience is exact → PASS', () => expect(statusesOf(judge(CHECK, [withAud('StringLike', 'sts.amazonaws.com')]))).toEqual(['PASS']));

  test('the audience is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ StringEquals: { [AUD]: unresolved('<Audience>') as unknown as string } }))]))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [role('api', irsaTrust())], { coverage: coverageDenying('iam.role') })))).toEqual(new Set(['UNKNOWN']));
  });
});
