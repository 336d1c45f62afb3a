import { InputError } from '../../errors';

/**
 * Which collectors a check service needs. Checks read more than their own service (EKS checks read
 * IAM roles for IRSA, the KMS key of secrets, GuardDuty coverage, node subnets), and data that is not
 * collected makes them UNKNOWN, so `--services eks` collects what EKS checks read.
 */
const COLLECTORS_FOR: Readonly<Record<string, readonly string[]>> = {
  iam: ['iam', 'accessanalyzer'],
  ec2: ['ec2'],
  vpc: ['ec2'],
  kms: ['kms', 'iam'],
  cloudtrail: ['cloudtrail', 's3', 'kms'],
  guardduty: ['guardduty'],
  eks: ['eks', 'iam', 'kms', 'guardduty', 'ec2'],
};

/** Collector services for the given check services (all when none are given). */
export function collectorServicesFor(checkServices: readonly string[] | undefined): string[] | undefined {
  if (!checkServices || checkServices.length === 0) return undefined;
  const unknown = checkServices.filter((s) => !(s in COLLECTORS_FOR));
  if (unknown.length > 0) {
    throw new InputError('UNKNOWN_SERVICE', `unknown service ${unknown.join(', ')}; services: ${Object.keys(COLLECTORS_FOR).sort().join(', ')}`);
  }
  return [...new Set(checkServices.flatMap((s) => COLLECTORS_FOR[s] ?? []))].sort();
}
