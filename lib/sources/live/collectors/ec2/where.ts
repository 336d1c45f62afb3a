import type { Origin } from '../../../../model';
import type { TaskContext } from '../../collector';

/** Where EC2 data was read: the audited account, the task's region and the partition. */
export interface Where {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

export const whereOf = (ctx: TaskContext): Where => ({ accountId: ctx.accountId, region: ctx.region, partition: ctx.partition });

/**
 * ARN of an EC2 resource (`vpc/vpc-…`, `security-group/sg-…`). `owner` is the owning account when
 * AWS names one: resources shared into the account (subnets, VPCs) carry their owner's ARN.
 */
export function ec2Arn(at: Where, type: string, id: string, owner?: string): string {
  return `arn:${at.partition}:ec2:${at.region}:${owner ?? at.accountId}:${type}/${id}`;
}

export function awsOrigin(arn: string, at: Where): Origin {
  return { kind: 'aws', arn, accountId: at.accountId, region: at.region };
}

/** Distinct values in first-seen order, without the undefined ones. */
export function distinct<T>(values: readonly (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}
