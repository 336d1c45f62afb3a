import { eksWorkloadRoleNoPrivilegeEscalation } from '../../../lib/checks/eks/workload-role-no-privilege-escalation';
import { unresolved } from '../../fixtures/model';
import { ALLOW_ALL, inline } from '../../fixtures/iam';
import { coverageDenying, judge, podIdentityTrust, role, roleArn, scopedIrsaTrust, statements, statusByKey, statusesOf } from '../../fixtures/eks';

const CHECK = eksWorkloadRoleNoPrivilegeEscalation;
const withPolicy = (trust: Parameters<typeof role>[1], ...statement: unknown[]) => role('api', trust, { inlinePolicies: [inline('p', statements(...statement))] });

describe('eks-workload-role-no-privilege-escalation', () => {
  test('an IRSA role reading one bucket → PASS', () => {
    const r = withPolicy(scopedIrsaTrust(), { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::orders/*' });
    expect(judge(CHECK, [r])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: r.id }]);
  });

  test('a Pod Identity role that can pass any role to a node group it creates → FAIL keyed by path', () => {
    const r = withPolicy(podIdentityTrust(), { Effect: 'Allow', Action: ['iam:PassRole', 'eks:CreateNodegroup'], Resource: '*' });
    expect(statusByKey(judge(CHECK, [r]))).toEqual({ 'Path::pass-role-eks-nodegroup': 'FAIL' });
  });

  test('an IRSA role that can bind any role to a service account through Pod Identity → FAIL', () => {
    const r = withPolicy(scopedIrsaTrust(), { Effect: 'Allow', Action: ['iam:PassRole', 'eks:CreatePodIdentityAssociation'], Resource: '*' });
    expect(statusByKey(judge(CHECK, [r]))).toEqual({ 'Path::pass-role-eks-pod-identity': 'FAIL' });
  });

  test('trap: iam:PassRole limited to named roles is not followed → PASS', () => {
    const r = withPolicy(scopedIrsaTrust(), { Effect: 'Allow', Action: 'iam:PassRole', Resource: roleArn('nodes') }, { Effect: 'Allow', Action: 'eks:CreateNodegroup', Resource: '*' });
    expect(statusesOf(judge(CHECK, [r]))).toEqual(['PASS']);
  });

  test('an administrator is left to eks-workload-role-not-admin → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [withPolicy(scopedIrsaTrust(), ALLOW_ALL)]))).toEqual(['NOT_APPLICABLE']);
  });

  test('an action a template could not resolve that could complete a path → UNKNOWN', () => {
    const r = withPolicy(podIdentityTrust(), { Effect: 'Allow', Action: ['iam:PassRole', unresolved('<Action>')], Resource: '*' });
    expect(statusesOf(judge(CHECK, [r]))).toEqual(['UNKNOWN']);
  });

  test('IAM roles could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [withPolicy(scopedIrsaTrust(), ALLOW_ALL)], { coverage: coverageDenying('iam.role') })))).toEqual(new Set(['UNKNOWN']));
  });
});
