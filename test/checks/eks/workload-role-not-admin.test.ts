import { eksWorkloadRoleNotAdmin } from '../../../lib/checks/eks/workload-role-not-admin';
import { ACCOUNT, unresolved } from '../../fixtures/model';
import { ADMINISTRATOR_ACCESS, ALLOW_ALL, administratorAccessPolicy, fakePolicy, inline } from '../../fixtures/iam';
import { coverageDenying, iamDocument, judge, podIdentityTrust, providerArn, role, scopedIrsaTrust, statements, statusesOf } from '../../fixtures/eks';

const CHECK = eksWorkloadRoleNotAdmin;
const S3_READ = statements({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::orders/*' });

describe('eks-workload-role-not-admin', () => {
  test('an IRSA role with a scoped policy → PASS', () => {
    const r = role('api', scopedIrsaTrust(), { inlinePolicies: [inline('read', S3_READ)] });
    expect(judge(CHECK, [r])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: r.id }]);
  });

  test('an IRSA role with AdministratorAccess → FAIL', () => {
    expect(statusesOf(judge(CHECK, [role('api', scopedIrsaTrust(), { attachedPolicies: [ADMINISTRATOR_ACCESS] }), administratorAccessPolicy()]))).toEqual(['FAIL']);
  });

  test('a Pod Identity role with an inline Allow * → FAIL', () => {
    expect(statusesOf(judge(CHECK, [role('batch', podIdentityTrust(), { inlinePolicies: [inline('all', statements(ALLOW_ALL))] })]))).toEqual(['FAIL']);
  });

  test('trap: a permissions boundary caps the admin grant → PASS', () => {
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/pods-boundary`;
    const capped = role('batch', podIdentityTrust(), { inlinePolicies: [inline('all', statements(ALLOW_ALL))], permissionsBoundary: boundary });
    expect(statusesOf(judge(CHECK, [capped, fakePolicy('pods-boundary', S3_READ)]))).toEqual(['PASS']);
  });

  test('roles pods do not assume are NOT_APPLICABLE (iam-roles-no-administrator-access judges them)', () => {
    const ec2 = role('admin', statements({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), { attachedPolicies: [ADMINISTRATOR_ACCESS] });
    const github = role('deploy', iamDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn('token.actions.githubusercontent.com') }, Action: 'sts:AssumeRoleWithWebIdentity' }] }));
    expect(statusesOf(judge(CHECK, [ec2, github, administratorAccessPolicy()]))).toEqual(['NOT_APPLICABLE', 'NOT_APPLICABLE']);
  });

  test('an attached policy that was not collected → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [role('api', scopedIrsaTrust(), { attachedPolicies: [`arn:aws:iam::${ACCOUNT}:policy/elsewhere`] })]))).toEqual(['UNKNOWN']);
  });

  test('a trust policy a template could not resolve → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [role('api', unresolved('<Trust>'))]))).toEqual(['UNKNOWN']);
  });

  test('managed policies could not be listed → UNKNOWN', () => {
    const r = role('api', scopedIrsaTrust(), { attachedPolicies: [ADMINISTRATOR_ACCESS] });
    expect(statusesOf(judge(CHECK, [r], { coverage: coverageDenying('iam.policy') }))).toEqual(['UNKNOWN']);
  });
});
