import { kmsCustomerKeysEnabled } from '../../../lib/checks/kms/customer-keys-enabled';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakeKmsKey, run, statusesOf } from '../../fixtures/iam';

const judge = (overrides: Parameters<typeof fakeKmsKey>[0]) => statusesOf(run(kmsCustomerKeysEnabled, [fakeKmsKey(overrides)]));

describe('kms-customer-keys-enabled', () => {
  test('enabled → PASS', () => expect(judge({})).toEqual(['PASS']));
  test('disabled → FAIL', () => expect(judge({ keyState: 'Disabled' })).toEqual(['FAIL']));
  test('pending deletion is the other check’s → NOT_APPLICABLE', () => expect(judge({ keyState: 'PendingDeletion' })).toEqual(['NOT_APPLICABLE']));
  test('AWS managed → NOT_APPLICABLE', () => expect(judge({ keyManager: 'AWS' })).toEqual(['NOT_APPLICABLE']));
  test('unresolved → UNKNOWN', () => expect(judge({ keyManager: unresolved('<M>') })).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(kmsCustomerKeysEnabled, [fakeKmsKey()], { coverage: [deniedCoverage('kms.key')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC08-BP01; KMS.3 is about keys pending deletion', () => {
  expect(kmsCustomerKeysEnabled.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC08-BP01'] });
});
