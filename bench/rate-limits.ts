import type { RateLimit } from '../lib/testing/simulated-aws';

/** A modelled AWS rate limit and where its numbers come from. */
export interface ModelledLimit extends RateLimit {
  readonly source: 'documented' | 'assumed';
  readonly note: string;
}

/**
 * Token buckets per API, per account and region (IAM: per account), as AWS throttles. First match
 * wins. EC2 and KMS publish their defaults; IAM, EKS, CloudTrail, GuardDuty, Access Analyzer and
 * S3 bucket-configuration reads do not, so conservative values commonly seen in practice stand in
 * and are marked `assumed`.
 */
export const AWS_RATE_LIMITS: readonly ModelledLimit[] = [
  { operation: 'ec2:*', perSecond: 20, burst: 100, source: 'documented', note: 'EC2 API throttling: non-mutating actions, bucket 100, refill 20/s' },
  { operation: 'kms:DescribeKey', perSecond: 2000, burst: 2000, source: 'documented', note: 'KMS request quotas (per-second quota, no burst beyond it)' },
  { operation: 'kms:GetKeyPolicy', perSecond: 1000, burst: 1000, source: 'documented', note: 'KMS request quotas' },
  { operation: 'kms:GetKeyRotationStatus', perSecond: 1000, burst: 1000, source: 'documented', note: 'KMS request quotas' },
  { operation: 'kms:ListKeys', perSecond: 100, burst: 100, source: 'documented', note: 'KMS request quotas' },
  { operation: 'kms:ListAliases', perSecond: 100, burst: 100, source: 'documented', note: 'KMS request quotas' },
  { operation: 'kms:ListResourceTags', perSecond: 50, burst: 50, source: 'documented', note: 'KMS request quotas' },
  { operation: 'iam:*', perSecond: 10, burst: 20, per: 'account', source: 'assumed', note: 'IAM publishes no read quota; about 10/s is commonly observed, account-wide' },
  { operation: 'sts:*', perSecond: 600, burst: 600, source: 'assumed', note: 'STS: generous, not a factor here' },
  { operation: 'eks:*', perSecond: 10, burst: 20, source: 'assumed', note: 'EKS publishes no read quota; 10/s per API assumed' },
  { operation: 'cloudtrail:*', perSecond: 10, burst: 10, source: 'assumed', note: 'CloudTrail control-plane reads: 10/s per API assumed' },
  { operation: 'guardduty:*', perSecond: 10, burst: 20, source: 'assumed', note: 'GuardDuty reads: 10/s per API assumed' },
  { operation: 'accessanalyzer:*', perSecond: 10, burst: 20, source: 'assumed', note: 'Access Analyzer reads: 10/s assumed' },
  { operation: 's3:*', perSecond: 100, burst: 100, source: 'assumed', note: 'S3 bucket-configuration reads: 100/s assumed' },
];

export function globMatch(pattern: string, value: string): boolean {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value);
}

export function limitFor(operation: string, limits: readonly ModelledLimit[] = AWS_RATE_LIMITS): ModelledLimit | undefined {
  return limits.find((l) => globMatch(l.operation, operation));
}
