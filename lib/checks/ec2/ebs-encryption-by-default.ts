import { defineRegionCheck, fail, must, pass, unknown } from '../../engine/check';

export const ec2EbsEncryptionByDefault = defineRegionCheck({
  id: 'ec2-ebs-encryption-by-default',
  kind: 'ec2.region-settings',
  title: 'EBS encryption by default is on in every region',
  severity: 'medium',
  description:
    'EBS encryption by default is enabled in each region the audit covers, so every new volume and snapshot copy is ' +
    'encrypted whatever the launch request says. Judged per region; a region whose settings could not be read is UNKNOWN.',
  risk:
    'Without the default, any launch path that forgets to ask for encryption (node groups with unencrypted templates, old ' +
    'AMIs, scripts) writes data, container images and secrets unencrypted to disk and to snapshots.',
  remediation:
    'aws ec2 enable-ebs-encryption-by-default --region <region> in every region (optionally with a customer managed default ' +
    'key: aws ec2 modify-ebs-default-kms-key-id). Existing volumes are not changed; replace them.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-7',
    'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  ],
  frameworks: { securityHub: ['EC2.7'], cisAws: { '3.0': ['2.2.1'], '4.0': ['5.1.1'] } },
  parts: ['ebsEncryptionByDefault', 'ebsDefaultKmsKeyId'],

  evaluate(settings, ctx) {
    const [current] = settings;
    if (!current) return unknown(`No EC2 settings were recorded for ${ctx.region}, although the region was collected.`);
    if (!must(current.ebsEncryptionByDefault)) return fail(`EBS encryption by default is off in ${ctx.region}.`);
    const key = current.ebsDefaultKmsKeyId === undefined ? 'the AWS managed key aws/ebs' : must(current.ebsDefaultKmsKeyId);
    return pass(`EBS encryption by default is on in ${ctx.region}, with ${key}.`, { evidence: { defaultKey: key } });
  },
});
