import { vpcFlowLogsEnabled } from '../../../lib/checks/vpc/flow-logs-enabled';
import { cfnOrigin, fakeFlowLog, fakeVpc, judge } from '../../fixtures/ec2';
import { deniedCoverage, okCoverage, REGION, unresolved } from '../../fixtures/model';

const check = vpcFlowLogsEnabled;
const statusOf = (vpc: ReturnType<typeof fakeVpc>, logs: ReturnType<typeof fakeFlowLog>[], checkOptions?: Record<string, unknown>) =>
  judge(check, [vpc, ...logs], { alsoCollected: ['ec2.flow-log'], ...(checkOptions ? { checkOptions } : {}) }).map((f) => f.status);

describe('vpc-flow-logs-enabled', () => {
  test('a VPC without a flow log → FAIL on the VPC', () => {
    const vpc = fakeVpc();
    expect(judge(check, [vpc], { alsoCollected: ['ec2.flow-log'] })).toEqual([expect.objectContaining({ checkId: 'vpc-flow-logs-enabled', status: 'FAIL', resource: vpc.id })]);
  });
  test('an active flow log of ALL traffic → PASS', () => expect(statusOf(fakeVpc(), [fakeFlowLog()])).toEqual(['PASS']));
  test('REJECT traffic satisfies the default requirement → PASS', () => expect(statusOf(fakeVpc(), [fakeFlowLog({ trafficType: 'REJECT' })])).toEqual(['PASS']));
  test('ACCEPT traffic only → FAIL', () => expect(statusOf(fakeVpc(), [fakeFlowLog({ trafficType: 'ACCEPT' })])).toEqual(['FAIL']));
  test('requiredTrafficType ALL rejects a REJECT-only log', () => expect(statusOf(fakeVpc(), [fakeFlowLog({ trafficType: 'REJECT' })], { requiredTrafficType: 'ALL' })).toEqual(['FAIL']));
  test('a flow log that fails to deliver does not count', () => expect(statusOf(fakeVpc(), [fakeFlowLog({ deliverLogsStatus: 'FAILED' })])).toEqual(['FAIL']));
  test('a flow log on one subnet does not cover the VPC', () => expect(statusOf(fakeVpc(), [fakeFlowLog({ resourceId: 'subnet-0a' })])).toEqual(['FAIL']));
  test('another VPC\'s flow log does not count', () => expect(statusOf(fakeVpc({ vpcId: 'vpc-0other' }), [fakeFlowLog()])).toEqual(['FAIL']));
  test('a template flow log referring to the VPC by its cfn id → PASS', () => {
    const vpc = fakeVpc({ id: 'cfn:Net/Vpc', origin: cfnOrigin('Vpc', 'Net'), vpcId: unresolved('<Vpc>') });
    const log = fakeFlowLog({ id: 'cfn:Net/FlowLog', origin: cfnOrigin('FlowLog', 'Net'), resourceId: 'cfn:Net/Vpc', status: undefined, deliverLogsStatus: undefined });
    expect(statusOf(vpc, [log])).toEqual(['PASS']);
  });
  test('a flow log whose target is unresolved → UNKNOWN', () => expect(statusOf(fakeVpc(), [fakeFlowLog({ resourceId: unresolved('<Target>') })])).toEqual(['UNKNOWN']));
  test('a VPC id a template leaves unresolved, with no flow log naming it → UNKNOWN', () => expect(statusOf(fakeVpc({ vpcId: unresolved('<Vpc>') }), [])).toEqual(['UNKNOWN']));
  test('flow logs could not be listed → UNKNOWN, never FAIL or PASS', () => {
    const coverage = [okCoverage('ec2.vpc'), deniedCoverage('ec2.flow-log', REGION, 'DescribeFlowLogs')];
    expect(judge(check, [fakeVpc()], { coverage }).map((f) => f.status)).toEqual(['UNKNOWN']);
  });
});
