import { eksIrsaTrustHasSub } from '../../../lib/checks/eks/irsa-trust-has-sub';
import { unresolved } from '../../fixtures/model';
import { ISSUER, OLD_ISSUER, coverageDenying, iamDocument, irsaTrust, judge, providerArn, role, scopedIrsaTrust, statusByKey, statusesOf } from '../../fixtures/eks';

const CHECK = eksIrsaTrustHasSub;
const KEY = `Provider::${ISSUER}`;
const GITHUB = 'token.actions.githubusercontent.com';

describe('eks-irsa-trust-has-sub', () => {
  test('sub and aud pinned with StringEquals (as IAM returns it: URL-encoded, issuer without https://) → PASS', () => {
    const r = role('api', scopedIrsaTrust());
    expect(judge(CHECK, [r])).toEqual([{ checkId: CHECK.id, status: 'PASS', key: KEY, resource: r.id }]);
  });

  test('trap: conditions on :aud only (the console default) → FAIL', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } }))]))).toEqual(['FAIL']);
  });

  test('no condition at all → FAIL', () => expect(statusesOf(judge(CHECK, [role('api', irsaTrust())]))).toEqual(['FAIL']));

  test('trap: StringLikeIfExists passes when the claim is absent, so it does not pin → FAIL', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ StringLikeIfExists: { [`${ISSUER}:sub`]: 'system:serviceaccount:apps:*' } }))]))).toEqual(['FAIL']);
  });

  test('sub in a ForAnyValue:StringEquals list pins it → PASS', () => {
    expect(statusesOf(judge(CHECK, [role('api', irsaTrust({ 'ForAnyValue:StringEquals': { [`${ISSUER}:sub`]: ['system:serviceaccount:apps:api', 'system:serviceaccount:apps:worker'] } }))]))).toEqual(['PASS']);
  });

  test('two providers in one trust policy: one finding per issuer', () => {
    const trust = iamDocument({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Federated: providerArn(ISSUER) }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:apps:api' } } },
        { Effect: 'Allow', Principal: { Federated: providerArn(OLD_ISSUER) }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${OLD_ISSUER}:aud`]: 'sts.amazonaws.com' } } },
      ],
    });
    expect(statusByKey(judge(CHECK, [role('api', trust)]))).toEqual({ [KEY]: 'PASS', [`Provider::${OLD_ISSUER}`]: 'FAIL' });
  });

  test('trap: two statements for one issuer, the weaker decides → FAIL', () => {
    const trust = iamDocument({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Federated: providerArn() }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:apps:api' } } },
        { Effect: 'Allow', Principal: { Federated: providerArn() }, Action: 'sts:AssumeRoleWithWebIdentity' },
      ],
    });
    expect(judge(CHECK, [role('api', trust)]).map((f) => [f.status, f.key])).toEqual([['FAIL', KEY]]);
  });

  test('GitHub Actions and service roles are not IRSA → NOT_APPLICABLE', () => {
    const github = iamDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn(GITHUB) }, Action: 'sts:AssumeRoleWithWebIdentity' }] });
    expect(statusesOf(judge(CHECK, [role('deploy', github)]))).toEqual(['NOT_APPLICABLE']);
  });

  test('a condition block computed by a template → UNKNOWN', () => {
    const trust = { Statement: [{ Effect: 'Allow' as const, Principal: { Federated: [providerArn()] }, Action: ['sts:AssumeRoleWithWebIdentity'], Condition: unresolved('<CfnJson.Value>') }] };
    expect(judge(CHECK, [role('api', trust)]).map((f) => [f.status, f.key])).toEqual([['UNKNOWN', KEY]]);
  });

  test('a whole trust policy a template could not resolve → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [role('api', unresolved('<AssumeRolePolicyDocument>'))]))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [role('api', irsaTrust())], { coverage: coverageDenying('iam.role') })))).toEqual(new Set(['UNKNOWN']));
  });
});
