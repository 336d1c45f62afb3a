import { kmsKeysNotPendingDeletion } from '../../../lib/checks/kms/keys-not-pending-deletion';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeKmsKey, run, statusesOf } from '../../fixtures/iam';

const judge = (overrides: Parameters<typeof fakeKmsKey>[0]) => statusesOf(run(kmsKeysNotPendingDeletion, [fakeKmsKey(overrides)]));

describe('kms-keys-not-pending-deletion', () => {
  test('enabled → PASS', () => expect(judge({})).toEqual(['PASS']));
  test('pending deletion → FAIL', () => expect(judge({ keyState: 'PendingDeletion', deletionDate: '2026-12-04T00:00:00Z' })).toEqual(['FAIL']));
  test('replica pending deletion → FAIL', () => expect(judge({ keyState: 'PendingReplicaDeletion' })).toEqual(['FAIL']));
  test('AWS managed → NOT_APPLICABLE', () => expect(judge({ keyManager: 'AWS' })).toEqual(['NOT_APPLICABLE']));
  test('unresolved state → UNKNOWN', () => expect(judge({ keyState: unresolved('<State>') })).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(kmsKeysNotPendingDeletion, [fakeKmsKey()], { coverage: [deniedCoverage('kms.key')] })))).toEqual(new Set(['UNKNOWN'])));
});
