import { iamGroupInlinePoliciesNoKmsDecryptAll } from '../../../lib/checks/iam/group-inline-policies-no-kms-decrypt-all';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeGroup, inline, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamGroupInlinePoliciesNoKmsDecryptAll;
const judge = (...s: unknown[]) => outcomes(run(check, [fakeGroup('p', { inlinePolicies: [inline('kms', statements(...s))] })]));

describe('iam-group-inline-policies-no-kms-decrypt-all', () => {
  test('kms:Decrypt on "*" → FAIL for that action', () =>
    expect(judge({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' })).toEqual([
      ['FAIL', 'Action::kms:Decrypt'],
      ['PASS', 'Action::kms:ReEncryptFrom'],
    ]));
  test('kms:ReEncrypt* and kms:* on arn:aws:kms:*:*:key/* → FAIL', () => expect(judge({ Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:*:*:key/*' })).toEqual([['FAIL', 'Action::kms:Decrypt'], ['FAIL', 'Action::kms:ReEncryptFrom']]));
  test('named keys → PASS', () =>
    expect(judge({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:eu-west-1:111122223333:key/abc' })).toEqual([['PASS', 'Action::kms:Decrypt'], ['PASS', 'Action::kms:ReEncryptFrom']]));
  test('trap: a kms:ViaService condition restricts; an MFA condition does not', () => {
    expect(judge({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } })[0]).toEqual(['PASS', 'Action::kms:Decrypt']);
    expect(judge({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })[0]).toEqual(['FAIL', 'Action::kms:Decrypt']);
  });
  test('trap: an unconditional Deny neutralises the Allow', () =>
    expect(judge({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }, { Effect: 'Deny', Action: ['kms:Decrypt', 'kms:ReEncrypt*'], Resource: '*' })).toEqual([['PASS', 'Action::kms:Decrypt'], ['PASS', 'Action::kms:ReEncryptFrom']]));
  test('an unresolved resource → UNKNOWN', () => expect(statusesOf(run(check, [fakeGroup('p', { inlinePolicies: [inline('k', statements({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: [unresolved('<KeyArn>')] }))] })]))).toContain('UNKNOWN'));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeGroup('p')], { coverage: [deniedCoverage('iam.group')] })))).toEqual(new Set(['UNKNOWN'])));
});
