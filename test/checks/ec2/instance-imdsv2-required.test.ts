import { ec2InstanceImdsv2Required } from '../../../lib/checks/ec2/instance-imdsv2-required';
import { fakeInstance, judge } from '../../fixtures/ec2';
import { deniedCoverage, REGION, unresolved } from '../../fixtures/model';

const check = ec2InstanceImdsv2Required;
const statusOf = (metadataOptions: Partial<Parameters<typeof fakeInstance>[0] & object>['metadataOptions'], state = 'running') =>
  judge(check, [fakeInstance({ state, ...(metadataOptions ? { metadataOptions } : {}) })]).map((f) => f.status);

describe('ec2-instance-imdsv2-required', () => {
  test('IMDSv1 accepted → FAIL on the instance', () => {
    const instance = fakeInstance({ metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' } });
    expect(judge(check, [instance])).toEqual([expect.objectContaining({ checkId: 'ec2-instance-imdsv2-required', status: 'FAIL', resource: instance.id })]);
  });
  test('tokens required → PASS', () => expect(statusOf(undefined)).toEqual(['PASS']));
  test('metadata endpoint off → PASS whatever the token setting', () => {
    expect(statusOf({ httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'disabled' })).toEqual(['PASS']);
  });
  test('a stopped instance keeps its settings and is judged', () => {
    expect(statusOf({ httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' }, 'stopped')).toEqual(['FAIL']);
  });
  test('a terminated instance → NOT_APPLICABLE', () => expect(statusOf(undefined, 'terminated')).toEqual(['NOT_APPLICABLE']));
  test('tokens left to a template parameter → UNKNOWN', () => {
    expect(statusOf({ httpTokens: unresolved('<ImdsTokens>'), httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' })).toEqual(['UNKNOWN']);
  });
  test('coverage denied → UNKNOWN', () => {
    const findings = judge(check, [fakeInstance()], { coverage: [deniedCoverage('ec2.instance', REGION, 'DescribeInstances')] });
    expect(findings.map((f) => f.status)).toEqual(['UNKNOWN', 'UNKNOWN']);
  });
});
