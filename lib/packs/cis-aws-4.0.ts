import { CIS_AWS_IAM_CONTROLS, CIS_AWS_MONITORING_CONTROLS } from './cis-aws-3.0';
import type { Pack } from './types';

/** v4.0.1 moves EBS encryption into the networking section (5.1.1) and renumbers section 5 after it. */
export const CIS_AWS_4_0: Pack = {
  id: 'cis-aws-4.0',
  name: 'CIS Amazon Web Services Foundations Benchmark',
  shortName: 'CIS AWS 4.0',
  version: '4.0.1',
  source: { field: 'cisAws', version: '4.0' },
  scope:
    'Every control of the benchmark. Storage (S3 data, RDS, EFS), AWS Config and the CloudWatch metric filters of section 4 are outside the services hardeks audits; manual controls need a person.',
  controls: [
    ...CIS_AWS_IAM_CONTROLS,
    { id: '2.1.1', title: 'S3 bucket policies deny HTTP requests', gap: 'out-of-scope' },
    { id: '2.1.2', title: 'MFA Delete is enabled on S3 buckets', gap: 'out-of-scope' },
    { id: '2.1.3', title: 'Data in S3 is discovered, classified and secured', gap: 'manual' },
    { id: '2.1.4', title: 'S3 buckets block public access', gap: 'out-of-scope' },
    { id: '2.2.1', title: 'RDS instances are encrypted at rest', gap: 'out-of-scope' },
    { id: '2.2.2', title: 'RDS instances upgrade minor versions automatically', gap: 'out-of-scope' },
    { id: '2.2.3', title: 'RDS instances are not publicly accessible', gap: 'out-of-scope' },
    { id: '2.2.4', title: 'RDS uses Multi-AZ deployments', gap: 'out-of-scope' },
    { id: '2.3.1', title: 'EFS file systems are encrypted', gap: 'out-of-scope' },
    { id: '3.1', title: 'CloudTrail is enabled in all regions' },
    { id: '3.2', title: 'CloudTrail log file validation is enabled' },
    { id: '3.3', title: 'AWS Config is enabled in all regions', gap: 'out-of-scope' },
    { id: '3.4', title: 'The CloudTrail S3 bucket has server access logging enabled' },
    { id: '3.5', title: 'CloudTrail logs are encrypted at rest with KMS keys' },
    { id: '3.6', title: 'Rotation is enabled for customer-created symmetric KMS keys' },
    { id: '3.7', title: 'VPC flow logging is enabled in all VPCs' },
    { id: '3.8', title: 'Object-level logging of S3 write events is enabled' },
    { id: '3.9', title: 'Object-level logging of S3 read events is enabled' },
    ...CIS_AWS_MONITORING_CONTROLS,
    { id: '5.1.1', title: 'EBS volume encryption is enabled in all regions' },
    { id: '5.1.2', title: 'CIFS access is restricted to trusted networks' },
    { id: '5.2', title: 'No network ACL admits 0.0.0.0/0 to remote administration ports' },
    { id: '5.3', title: 'No security group admits 0.0.0.0/0 to remote administration ports' },
    { id: '5.4', title: 'No security group admits ::/0 to remote administration ports' },
    { id: '5.5', title: 'The default security group of every VPC restricts all traffic' },
    { id: '5.6', title: 'Routing tables for VPC peering are least access' },
    { id: '5.7', title: 'EC2 instance metadata allows IMDSv2 only' },
  ],
};
