import { iamPoliciesNoKmsDecryptAll } from '../../../lib/checks/iam/policies-no-kms-decrypt-all';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakePolicy, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamPoliciesNoKmsDecryptAll;
const judge = (...s: unknown[]) => outcomes(run(check, [fakePolicy('p', statements(...s))]));

describe('iam-policies-no-kms-decrypt-all', () => {
  test('kms:ReEncrypt* on * → FAIL for ReEncryptFrom only', () => expect(judge({ Effect: 'Allow', Action: 'kms:ReEncrypt*', Resource: '*' })).toEqual([['PASS', 'Action::kms:Decrypt'], ['FAIL', 'Action::kms:ReEncryptFrom']]));
  test('named key → PASS', () => expect(judge({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:eu-west-1:111122223333:key/k' })).toEqual([['PASS', 'Action::kms:Decrypt'], ['PASS', 'Action::kms:ReEncryptFrom']]));
  test('trap: an encryption-context condition restricts', () =>
    expect(judge({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:app': 'orders' } } })[0]).toEqual(['PASS', 'Action::kms:Decrypt']));
  test('an unresolved condition → UNKNOWN', () => expect(statusesOf(run(check, [fakePolicy('p', { Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'], Condition: unresolved('<Cond>') }] })]))).toContain('UNKNOWN'));
  test('AWS managed → NOT_APPLICABLE', () => expect(statusesOf(run(check, [fakePolicy('X', statements({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }), { awsManaged: true })]))).toEqual(['NOT_APPLICABLE']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakePolicy('p', statements())], { coverage: [deniedCoverage('iam.policy')] })))).toEqual(new Set(['UNKNOWN'])));
});
