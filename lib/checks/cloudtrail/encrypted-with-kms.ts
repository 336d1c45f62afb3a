import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { trailLabel } from './lib/trails';

export const cloudtrailEncryptedWithKms = defineResourceCheck({
  id: 'cloudtrail-encrypted-with-kms',
  kind: 'cloudtrail.trail',
  title: 'CloudTrail log files are encrypted with a KMS key (SSE-KMS)',
  severity: 'medium',
  description:
    'Each trail names a KMS key (`KmsKeyId`) for its log files, so reading them needs both S3 access and kms:Decrypt on that key. ' +
    'Without one, S3 encrypts them with S3-managed keys only.',
  risk: 'Anyone granted read access to the log bucket can read every API call recorded in it; the key policy is a second, separate control.',
  remediation: 'aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn> (the key policy must allow cloudtrail.amazonaws.com to use it).',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-2',
  ],
  frameworks: { securityHub: ['CloudTrail.2'], cisAws: { '3.0': ['3.5'], '4.0': ['3.5'] } },

  evaluate(trail) {
    if (trail.kmsKeyId === undefined) return fail(`Trail ${trailLabel(trail)} does not encrypt its log files with a KMS key.`);
    const key = must(trail.kmsKeyId);
    return pass(`Trail ${trailLabel(trail)} encrypts its log files with ${key}.`, { evidence: { kmsKeyId: key } });
  },
});
