import { iamRoleTrustServiceConfusedDeputy } from '../../../lib/checks/iam/role-trust-service-confused-deputy';
import { deniedCoverage, unresolved } from '../../fixtures/model';
import { SERVICE_TRUST, fakeRole, outcomes, run, statusesOf } from '../../fixtures/iam';

const check = iamRoleTrustServiceConfusedDeputy;
const judge = (trust: ReturnType<typeof SERVICE_TRUST>) => outcomes(run(check, [fakeRole('r', { trustPolicy: trust })]));
const KEY = 'Service::pods.eks.amazonaws.com';

describe('iam-role-trust-service-confused-deputy', () => {
  test('Pod Identity trust without source conditions → FAIL', () => expect(judge(SERVICE_TRUST('pods.eks.amazonaws.com'))).toEqual([['FAIL', KEY]]));
  test('with aws:SourceAccount → PASS', () => expect(judge(SERVICE_TRUST('pods.eks.amazonaws.com', { Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }))).toEqual([['PASS', KEY]]));
  test('with ArnLike aws:SourceArn on a pattern → PASS', () => expect(judge(SERVICE_TRUST('pods.eks.amazonaws.com', { Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:eks:eu-west-1:111122223333:cluster/*' } } }))).toEqual([['PASS', KEY]]));
  test('trap: a condition on another key does not restrict', () => expect(judge(SERVICE_TRUST('pods.eks.amazonaws.com', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }))).toEqual([['FAIL', KEY]]));
  test('ec2 instance roles are exempt by default', () => expect(judge(SERVICE_TRUST('ec2.amazonaws.com'))).toEqual([['NOT_APPLICABLE', 'Service::ec2.amazonaws.com']]));
  test('the CloudTrail delivery role is exempt by default (it cannot carry source conditions)', () => expect(judge(SERVICE_TRUST('cloudtrail.amazonaws.com'))).toEqual([['NOT_APPLICABLE', 'Service::cloudtrail.amazonaws.com']]));
  test('a role without service trust → NOT_APPLICABLE', () =>
    expect(statusesOf(run(check, [fakeRole('r', { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root'] }, Action: ['sts:AssumeRole'] }] } })]))).toEqual(['NOT_APPLICABLE']));
  test('an unresolved source account → UNKNOWN', () =>
    expect(judge({ Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: ['sts:AssumeRole'], Condition: { StringEquals: { 'aws:SourceAccount': [unresolved('AWS::AccountId')] } } }] })).toEqual([['UNKNOWN', KEY]]));
  test('not collected → UNKNOWN', () => expect(new Set(statusesOf(run(check, [fakeRole('r')], { coverage: [deniedCoverage('iam.role')] })))).toEqual(new Set(['UNKNOWN'])));
});

test('maps to Well-Architected SEC03-BP07, not CIS EKS 5.2.1', () => {
  expect(iamRoleTrustServiceConfusedDeputy.frameworks).toEqual({ securityHub: [], cisAws: {}, cisEks: {}, wellArchitected: ['SEC03-BP07'] });
});
