import { kmsKeyPolicyCrossAccountConditions } from '../../../lib/checks/kms/key-policy-cross-account-conditions';
import { deniedCoverage } from '../../fixtures/model';
import { OTHER_ACCOUNT, fakeKmsKey, outcomes, run, statusesOf } from '../../fixtures/iam';

const check = kmsKeyPolicyCrossAccountConditions;
const grant = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: ['kms:Decrypt'], Resource: '*', ...extra });
const KEY = `Account::${OTHER_ACCOUNT}`;

describe('kms-key-policy-cross-account-conditions', () => {
  test('another account without conditions → FAIL', () => expect(outcomes(run(check, [fakeKmsKey({ extraStatements: [grant()] })]))).toEqual([['FAIL', KEY]]));
  test('with kms:ViaService → PASS', () => expect(outcomes(run(check, [fakeKmsKey({ extraStatements: [grant({ Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } })] })]))).toEqual([['PASS', KEY]]));
  test('only the own account → NOT_APPLICABLE', () => expect(statusesOf(run(check, [fakeKmsKey()]))).toEqual(['NOT_APPLICABLE']));
  test('trusted account → NOT_APPLICABLE', () => expect(outcomes(run(check, [fakeKmsKey({ extraStatements: [grant()] })], { checkOptions: { 'kms-key-policy-cross-account-conditions': { trustedAccountIds: [OTHER_ACCOUNT] } } }))).toEqual([['NOT_APPLICABLE', KEY]]));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeKmsKey()], { coverage: [deniedCoverage('kms.key')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP07 and SEC08-BP04; KMS.5 is about public keys', () => {
  expect(kmsKeyPolicyCrossAccountConditions.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP07', 'SEC08-BP04'] });
});
