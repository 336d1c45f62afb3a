import { eksSecretsKeyCustomerManaged } from '../../../lib/checks/eks/secrets-key-customer-managed';
import { ACCOUNT, REGION, unresolved } from '../../fixtures/model';
import { fakeKmsKey } from '../../fixtures/iam';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksSecretsKeyCustomerManaged;
const key = fakeKmsKey();
const encryptedWith = (secretsKeyArn: unknown) => cluster({ secretsKeyArn: secretsKeyArn as string });

describe('eks-secrets-key-customer-managed', () => {
  test('the secrets key is customer managed → PASS', () => {
    const prod = encryptedWith(key.arn);
    expect(judge(CHECK, [prod, key])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('the secrets key is AWS managed → FAIL', () => {
    expect(statusesOf(judge(CHECK, [encryptedWith(key.arn), fakeKmsKey({ keyManager: 'AWS' })]))).toEqual(['FAIL']);
  });

  test('trap: EKS accepts an alias ARN; the key is found through its alias', () => {
    const aliased = encryptedWith(`arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`);
    expect(statusesOf(judge(CHECK, [aliased, fakeKmsKey({ keyManager: 'AWS' })]))).toEqual(['FAIL']);
    expect(statusesOf(judge(CHECK, [aliased, key]))).toEqual(['PASS']);
  });

  test('no secrets encryption → NOT_APPLICABLE (eks-secrets-encrypted fails it)', () => {
    const { secretsKeyArn: _none, ...plain } = cluster();
    void _none;
    expect(statusesOf(judge(CHECK, [plain]))).toEqual(['NOT_APPLICABLE']);
  });

  test('a key of another account cannot be judged → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [encryptedWith(`arn:aws:kms:${REGION}:444455556666:key/abc`)]))).toEqual(['UNKNOWN']);
  });

  test('the key manager is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [encryptedWith(key.arn), fakeKmsKey({ keyManager: unresolved('<KeyManager>') })]))).toEqual(['UNKNOWN']);
  });

  test('KMS keys could not be listed → UNKNOWN, never PASS', () => {
    expect(statusesOf(judge(CHECK, [encryptedWith(key.arn)], { coverage: coverageDenying('kms.key') }))).toEqual(['UNKNOWN']);
  });
});
