import { iamPoliciesNoServiceWildcards } from '../../../lib/checks/iam/policies-no-service-wildcards';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakePolicy, outcomes, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamPoliciesNoServiceWildcards;
const judge = (...s: unknown[]) => outcomes(run(check, [fakePolicy('p', statements(...s))]));

describe('iam-policies-no-service-wildcards', () => {
  test('s3:* and EC2:* → one FAIL per wildcard', () => expect(judge({ Effect: 'Allow', Action: ['s3:*', 'EC2:*'], Resource: '*' })).toEqual([['FAIL', 'Action::EC2:*'], ['FAIL', 'Action::s3:*']]));
  test('trap: a wildcard that matches only read actions → PASS', () => expect(judge({ Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: '*' })).toEqual([['PASS', undefined]]));
  test('trap: a Deny of the whole service neutralises it', () => expect(judge({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' })).toEqual([['PASS', undefined]]));
  test('a Deny statement with s3:* is not a grant', () => expect(judge({ Effect: 'Deny', Action: 's3:*', Resource: '*' })).toEqual([['PASS', undefined]]));
  test('AWS managed → NOT_APPLICABLE', () => expect(statusesOf(run(check, [fakePolicy('AmazonS3FullAccess', statements({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), { awsManaged: true })]))).toEqual(['NOT_APPLICABLE']));
  test('an unresolved action → UNKNOWN', () => expect(statusesOf(run(check, [fakePolicy('p', { Statement: [{ Effect: 'Allow', Action: [unresolved('<A>')], Resource: ['*'] }] })]))).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakePolicy('p', statements())], { coverage: [deniedCoverage('iam.policy')] })))).toEqual(new Set(['UNKNOWN'])));
});
