import { eksSecretsKeyEnabled } from '../../../lib/checks/eks/secrets-key-enabled';
import { unresolved } from '../../fixtures/model';
import { fakeKmsKey } from '../../fixtures/iam';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksSecretsKeyEnabled;
const key = fakeKmsKey();
const prod = cluster({ secretsKeyArn: key.arn as string });

describe('eks-secrets-key-enabled', () => {
  test('an enabled key → PASS', () => {
    expect(judge(CHECK, [prod, key])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test.each(['Disabled', 'Unavailable', 'PendingImport'])('a key in state %s → FAIL', (keyState) => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ keyState })]))).toEqual(['FAIL']);
  });

  test('trap: a key absent from a fully collected region was deleted → FAIL', () => {
    expect(statusesOf(judge(CHECK, [prod]))).toEqual(['FAIL']);
  });

  test('a key pending deletion is left to eks-secrets-key-not-pending-deletion → NOT_APPLICABLE', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ keyState: 'PendingDeletion' })]))).toEqual(['NOT_APPLICABLE']);
  });

  test('the key state is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ keyState: unresolved('<KeyState>') })]))).toEqual(['UNKNOWN']);
  });

  test('KMS keys could not be listed: a missing key is not a deleted one → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod], { coverage: coverageDenying('kms.key') }))).toEqual(['UNKNOWN']);
  });

  test('a template naming a key it does not declare → UNKNOWN, not "deleted"', () => {
    expect(statusesOf(judge(CHECK, [prod], { source: { type: 'template' } }))).toEqual(['UNKNOWN']);
  });
});
