import { kmsKeyRotationEnabled } from '../../../lib/checks/kms/key-rotation-enabled';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeKmsKey, run, statusesOf } from '../../fixtures/iam';

const judge = (overrides: Parameters<typeof fakeKmsKey>[0]) => statusesOf(run(kmsKeyRotationEnabled, [fakeKmsKey(overrides)]));

describe('kms-key-rotation-enabled', () => {
  test('rotation on → PASS', () => expect(judge({})).toEqual(['PASS']));
  test('rotation off → FAIL', () => expect(run(kmsKeyRotationEnabled, [fakeKmsKey({ rotationEnabled: false })])[0]).toMatchObject({ checkId: 'kms-key-rotation-enabled', status: 'FAIL' }));
  test.each([
    ['AWS managed', { keyManager: 'AWS' as const }],
    ['asymmetric signing key', { keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY', rotationEnabled: undefined }],
    ['imported key material', { keyMaterialOrigin: 'EXTERNAL', rotationEnabled: false }],
    ['pending deletion', { keyState: 'PendingDeletion', rotationEnabled: false }],
  ])('%s → NOT_APPLICABLE', (_n, overrides) => expect(judge(overrides)).toEqual(['NOT_APPLICABLE']));
  test('rotation flag a template parameter → UNKNOWN', () => expect(judge({ rotationEnabled: unresolved('<EnableKeyRotation>') })).toEqual(['UNKNOWN']));
  test('keys not collected → UNKNOWN', () => expect(new Set(statusesOf(run(kmsKeyRotationEnabled, [fakeKmsKey()], { coverage: [deniedCoverage('kms.key')] })))).toEqual(new Set(['UNKNOWN'])));
});
