import { iamPoliciesNoAssumeRoleOnAll } from '../../../lib/checks/iam/policies-no-assume-role-on-all';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { fakePolicy, run, statements, statusesOf } from '../../fixtures/iam';

const check = iamPoliciesNoAssumeRoleOnAll;
const judge = (...s: unknown[]) => statusesOf(run(check, [fakePolicy('p', statements(...s))]));

describe('iam-policies-no-assume-role-on-all', () => {
  test.each([
    ['sts:AssumeRole on *', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }, 'FAIL'],
    ['sts:* on every role of every account', { Effect: 'Allow', Action: 'sts:*', Resource: 'arn:aws:iam::*:role/*' }, 'FAIL'],
    ['NotAction leaves sts open', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, 'FAIL'],
    ['named role', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/deploy' }, 'PASS'],
    ['trap: only read actions of sts', { Effect: 'Allow', Action: 'sts:Get*', Resource: '*' }, 'PASS'],
  ])('%s → %s', (_name, statement, expected) => expect(judge(statement)).toEqual([expected]));
  test('trap: a Deny on all roles neutralises it', () => expect(judge({ Effect: 'Allow', Action: 'sts:*', Resource: '*' }, { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' })).toEqual(['PASS']));
  test('an unresolved resource → UNKNOWN', () => expect(statusesOf(run(check, [fakePolicy('p', { Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [unresolved('<R>')] }] })]))).toEqual(['UNKNOWN']));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakePolicy('p', statements())], { coverage: [deniedCoverage('iam.policy')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP02, not CIS 1.16', () => {
  expect(iamPoliciesNoAssumeRoleOnAll.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP02'] });
});
