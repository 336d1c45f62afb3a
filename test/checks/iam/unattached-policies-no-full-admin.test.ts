import { iamUnattachedPoliciesNoFullAdmin } from '../../../lib/checks/iam/unattached-policies-no-full-admin';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { ALLOW_ALL, fakePolicy, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamUnattachedPoliciesNoFullAdmin;
const policy = (document: Parameters<typeof fakePolicy>[1], attachmentCount = 0) => fakePolicy('p', document, { attachmentCount });

describe('iam-unattached-policies-no-full-admin', () => {
  test('Allow * on * → FAIL', () => expect(run(check, [policy(statements(ALLOW_ALL))])[0]).toMatchObject({ status: 'FAIL', resource: { id: 'arn:aws:iam::111122223333:policy/p' } }));
  test('statement order does not matter', () => expect(statusesOf(run(check, [policy(statements({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, ALLOW_ALL))]))).toEqual(['FAIL']));
  test('scoped → PASS', () => expect(statusesOf(run(check, [policy(statements({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }))]))).toEqual(['PASS']));
  test('trap: "*" on one bucket is not admin', () => expect(statusesOf(run(check, [policy(statements({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }))]))).toEqual(['PASS']));
  test('trap: a Deny of IAM neutralises it', () => expect(statusesOf(run(check, [policy(statements(ALLOW_ALL, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }))]))).toEqual(['PASS']));
  test('trap: a Deny of one other service does not', () => expect(statusesOf(run(check, [policy(statements(ALLOW_ALL, { Effect: 'Deny', Action: 's3:*', Resource: '*' }))]))).toEqual(['FAIL']));
  test('the other attachment state and AWS managed policies are NOT_APPLICABLE', () => {
    expect(statusesOf(run(check, [policy(statements(ALLOW_ALL), 1)]))).toEqual(['NOT_APPLICABLE']);
    expect(statusesOf(run(check, [fakePolicy('AdministratorAccess', statements(ALLOW_ALL), { awsManaged: true, attachmentCount: 0 })]))).toEqual(['NOT_APPLICABLE']);
  });
  test('an unresolved resource → UNKNOWN', () => expect(statusesOf(run(check, [policy({ Statement: [{ Effect: 'Allow', Action: ['*'], Resource: [unresolved('<Arn>')] }] })]))).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [policy(statements(ALLOW_ALL))], { coverage: [deniedCoverage('iam.policy')] })))).toEqual(new Set(['UNKNOWN'])));
});
