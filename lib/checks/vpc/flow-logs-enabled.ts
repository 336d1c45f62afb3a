import { defineResourceCheck, fail, must, pass, type Verdict } from '../../engine/check';
import { describeResolvable, type FlowLog } from '../../model';
import { attempt, mentions, referenceIds, undecided } from '../ec2/lib/decide';
import { choiceOption } from '../ec2/lib/options';

type RequiredTraffic = 'REJECT' | 'ALL';

/** Why a flow log on the VPC does not count, or undefined when it does. */
function shortcoming(log: FlowLog, required: RequiredTraffic): string | undefined {
  const traffic = must(log.trafficType);
  const name = describeResolvable(log.flowLogId);
  if (traffic !== 'ALL' && traffic !== required) return `${name} captures ${traffic} traffic only (required: ${required === 'ALL' ? 'ALL' : 'REJECT or ALL'})`;
  // Templates cannot say whether a flow log is active or delivering; live sources do.
  if (log.status !== undefined && log.status !== 'ACTIVE') return `${name} is ${log.status}`;
  if (log.deliverLogsStatus === 'FAILED') return `${name} fails to deliver its logs`;
  return undefined;
}

export const vpcFlowLogsEnabled = defineResourceCheck({
  id: 'vpc-flow-logs-enabled',
  kind: 'ec2.vpc',
  title: 'Every VPC has flow logs that capture rejected traffic',
  severity: 'medium',
  description:
    'The VPC has an active flow log that delivers successfully and captures rejected traffic. Option `requiredTrafficType` ' +
    '(default `REJECT`, as Security Hub EC2.6 and CIS require; REJECT or ALL satisfy it) can be set to `ALL`. Flow logs ' +
    'on single subnets or interfaces do not count. Flow logs are matched by VPC id; one whose target is unresolved makes ' +
    'the VPC UNKNOWN unless another flow log already qualifies.',
  risk:
    'Without flow logs there is no record of which addresses talked to the cluster and its nodes: port scans, exfiltration ' +
    'and lateral movement go unseen, and an incident cannot be reconstructed.',
  remediation:
    'aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc> --traffic-type ALL --log-destination-type s3 ' +
    '--log-destination <bucket-arn> (or to CloudWatch Logs with a delivery role).',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6',
    'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
  ],
  frameworks: { securityHub: ['EC2.6'], cisAws: { '3.0': ['3.7'], '4.0': ['3.7'] } },
  defaultOptions: { requiredTrafficType: 'REJECT' },

  evaluate(vpc, ctx): Verdict {
    const required = choiceOption<RequiredTraffic>(ctx, 'requiredTrafficType', ['REJECT', 'ALL']);
    const name = describeResolvable(vpc.vpcId);
    const ids = referenceIds(vpc.id, vpc.vpcId);
    const reasons: string[] = [];
    const shortcomings: string[] = [];
    for (const log of ctx.inventory.inRegion('ec2.flow-log', ctx.region)) {
      const target = mentions([log.resourceId], ids);
      if (target === 'maybe') reasons.push(`flow log ${describeResolvable(log.flowLogId)} watches an unresolved resource`);
      if (target !== 'yes') continue;
      const judged = attempt(() => shortcoming(log, required));
      if (!judged.ok) reasons.push(judged.reason);
      else if (judged.value === undefined) return pass(`VPC ${name} has flow log ${describeResolvable(log.flowLogId)} (${must(log.trafficType)}).`);
      else shortcomings.push(judged.value);
    }
    if (reasons.length > 0) return undecided(`Whether VPC ${name} has a qualifying flow log`, reasons);
    // No flow log names the VPC by inventory id; whether one names it by its AWS id needs that id.
    must(vpc.vpcId);
    if (shortcomings.length > 0) return fail(`VPC ${name} has no qualifying flow log: ${shortcomings.join('; ')}.`, { evidence: { shortcomings } });
    return fail(`VPC ${name} has no flow log.`);
  },
});
