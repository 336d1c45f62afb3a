import { kmsKeyPolicyNotPublic } from '../../../lib/checks/kms/key-policy-not-public';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeKmsKey, run, statusesOf } from '../../fixtures/iam';

const use = (principal: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*', ...extra });
const judge = (...extraStatements: unknown[]) => statusesOf(run(kmsKeyPolicyNotPublic, [fakeKmsKey({ extraStatements })]));

describe('kms-key-policy-not-public', () => {
  test('default key policy → PASS', () => expect(judge()).toEqual(['PASS']));
  test('{"AWS": "*"} without conditions → FAIL', () => expect(judge(use({ AWS: '*' }))).toEqual(['FAIL']));
  test('"*" via NotPrincipal → FAIL', () => expect(statusesOf(run(kmsKeyPolicyNotPublic, [fakeKmsKey({ extraStatements: [{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] })]))).toEqual(['FAIL']));
  test('trap: the AWS managed key pattern (kms:CallerAccount + ViaService) restricts → PASS', () =>
    expect(judge(use({ AWS: '*' }, { Condition: { StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } } }))).toEqual(['PASS']));
  test('trap: kms:ViaService alone does not restrict → FAIL', () => expect(judge(use({ AWS: '*' }, { Condition: { StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } } }))).toEqual(['FAIL']));
  test('trap: a Deny statement to "*" is no grant', () => expect(judge({ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })).toEqual(['PASS']));
  test('an unresolved principal → UNKNOWN', () => expect(judge(use(unresolved('<Principal>')))).toEqual(['UNKNOWN']));
  test('an unresolved policy → UNKNOWN', () => expect(statusesOf(run(kmsKeyPolicyNotPublic, [fakeKmsKey({ policy: unresolved('<KeyPolicy>') })]))).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(kmsKeyPolicyNotPublic, [fakeKmsKey()], { coverage: [deniedCoverage('kms.key')] })))).toEqual(new Set(['UNKNOWN'])));
});
