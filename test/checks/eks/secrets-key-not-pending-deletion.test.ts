import { eksSecretsKeyNotPendingDeletion } from '../../../lib/checks/eks/secrets-key-not-pending-deletion';
import { unresolved } from '../../fixtures/model';
import { fakeKmsKey } from '../../fixtures/iam';
import { cluster, coverageDenying, judge, statusesOf } from '../../fixtures/eks';

const CHECK = eksSecretsKeyNotPendingDeletion;
const key = fakeKmsKey();
const prod = cluster({ secretsKeyArn: key.arn as string });

describe('eks-secrets-key-not-pending-deletion', () => {
  test('an enabled key → PASS', () => {
    expect(judge(CHECK, [prod, key])).toEqual([{ checkId: CHECK.id, status: 'PASS', resource: prod.id }]);
  });

  test('trap: a disabled key is not scheduled for deletion → PASS here (eks-secrets-key-enabled fails it)', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ keyState: 'Disabled' })]))).toEqual(['PASS']);
  });

  test.each(['PendingDeletion', 'PendingReplicaDeletion'])('a key in %s → FAIL', (keyState) => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ keyState, deletionDate: '2026-11-27T00:00:00Z' })]))).toEqual(['FAIL']);
  });

  test('a key already deleted → FAIL', () => {
    expect(statusesOf(judge(CHECK, [prod]))).toEqual(['FAIL']);
  });

  test('the key state is a template value → UNKNOWN', () => {
    expect(statusesOf(judge(CHECK, [prod, fakeKmsKey({ keyState: unresolved('<KeyState>') })]))).toEqual(['UNKNOWN']);
  });

  test('clusters could not be listed → UNKNOWN', () => {
    expect(new Set(statusesOf(judge(CHECK, [prod, key], { coverage: coverageDenying('eks.cluster') })))).toEqual(new Set(['UNKNOWN']));
  });
});
