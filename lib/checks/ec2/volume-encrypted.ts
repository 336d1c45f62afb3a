import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { describeResolvable } from '../../model';

export const ec2VolumeEncrypted = defineResourceCheck({
  id: 'ec2-volume-encrypted',
  kind: 'ec2.volume',
  title: 'Attached EBS volumes are encrypted',
  severity: 'medium',
  description: 'Each EBS volume attached to an instance is encrypted. Volumes attached to nothing are NOT_APPLICABLE, as in Security Hub EC2.3.',
  risk:
    'An unencrypted volume (and every snapshot of it) can be read by anyone who can copy or share the snapshot, outside the ' +
    'key policies and KMS audit trail that would otherwise guard it.',
  remediation:
    'Volumes cannot be encrypted in place: snapshot, copy the snapshot with encryption, create a volume from it and swap it ' +
    'in (for EKS nodes, roll the node group onto an encrypted template). Turn on EBS encryption by default.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-3',
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  ],
  frameworks: { securityHub: ['EC2.3'] },

  evaluate(volume) {
    const name = describeResolvable(volume.volumeId);
    if (volume.attachedInstanceIds.length === 0) return notApplicable(`${name} is not attached to an instance.`);
    const attachedTo = volume.attachedInstanceIds.map((id) => describeResolvable(id)).join(', ');
    if (!must(volume.encrypted)) return fail(`${name}, attached to ${attachedTo}, is not encrypted.`, { evidence: { attachedTo } });
    const key = volume.kmsKeyId === undefined ? 'the default key' : must(volume.kmsKeyId);
    return pass(`${name}, attached to ${attachedTo}, is encrypted with ${key}.`, { evidence: { kmsKeyId: key } });
  },
});
