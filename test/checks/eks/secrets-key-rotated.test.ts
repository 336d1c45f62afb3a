import { eksSecretsKeyRotated } from '../../../lib/checks/eks/secrets-key-rotated';
import { unresolved } from '../../fixtures/model';
import { fakeKmsKey } from '../../fixtures/iam';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksSecretsKeyRotated;
const key = fakeKmsKey();
const prod = cluster({ secretsKeyArn: key.arn as string });

describe('eks-secrets-key-rotated', () => {
  test('a rotating customer managed key → PASS', () => {
    expect(judge(CHECK, [prod, key])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('rotation off → FAIL', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ rotationEnabled: false })]))).toEqual(['FAIL']);
  });

  test('imported key material cannot rotate automatically → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ rotationEnabled: false, keyMaterialOrigin: 'EXTERNAL' })]))).toEqual(['NOT_APPLICABLE']);
  });

  test('rotation status not collected → UNKNOWN', () => {
    const { rotationEnabled: _none, ...unread } = fakeKmsKey();
    void _none;
    expect(statusesOf(judge(CHECK, [prod, unread]))).toEqual(['UNKNOWN']);
  });

  test('rotation is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ rotationEnabled: unresolved('<EnableKeyRotation>') })]))).toEqual(['UNKNOWN']);
  });

  test('KMS keys could not be listed → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod], { coverage: coverageDenying('kms.key') }))).toEqual(['UNKNOWN']);
  });
});
