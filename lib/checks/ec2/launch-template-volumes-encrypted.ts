import { defineResourceCheck, fail, must, pass, type CheckContext, type Verdict } from '../../engine/check';
import { describeResolvable, type LaunchTemplateVersion } from '../../model';
import { regionSettings } from './lib/instances';
import { judgeVersionsInUse } from './lib/launch-templates';

/**
 * A device the version asks to encrypt is encrypted; one it does not (unset or false) still is when
 * the region encrypts by default, because encryption by default cannot be turned off per volume.
 */
function judgeVersion(version: LaunchTemplateVersion, usedAs: string, ctx: CheckContext): Verdict {
  const label = `Version ${version.versionNumber} (${usedAs})`;
  if (version.blockDevices.length === 0) return pass(`${label} declares no EBS volumes; the AMI's volumes follow ec2-ebs-encryption-by-default.`);
  const unasked = version.blockDevices.filter((d) => d.encrypted === undefined || !must(d.encrypted)).map((d) => describeResolvable(d.deviceName));
  if (unasked.length === 0) return pass(`${label} encrypts every volume it declares.`);
  if (must(regionSettings(ctx).ebsEncryptionByDefault)) {
    return pass(`${label} does not ask to encrypt ${unasked.join(', ')}, but EBS encryption by default is on in ${ctx.region}.`);
  }
  return fail(`${label} does not encrypt ${unasked.join(', ')}, and EBS encryption by default is off in ${ctx.region}.`, { evidence: { devices: unasked } });
}

export const ec2LaunchTemplateVolumesEncrypted = defineResourceCheck({
  id: 'ec2-launch-template-volumes-encrypted',
  kind: 'ec2.launch-template',
  title: 'Launch template versions in use create encrypted volumes',
  severity: 'medium',
  description:
    'Every EBS volume declared by a version of the launch template that is in use (the default, the latest, and every ' +
    'version an instance or EKS node group in the region launches from) will be encrypted: the version asks for it, or EBS ' +
    'encryption by default is on in the region (then even Encrypted=false is overridden). Unlike Security Hub EC2.181, the ' +
    'region default is taken into account, and a device that does not say is judged by it. One finding per version, keyed `Version::N`.',
  risk:
    'Each node the template launches writes container images, logs, emptyDir volumes and cached secrets to an unencrypted ' +
    'disk whose snapshots can be copied and read outside KMS control.',
  remediation:
    'Create a version whose block device mappings set Encrypted=true (optionally with a customer managed key), make it the ' +
    'default and roll the node groups; turn on EBS encryption by default in the region.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-181',
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  ],
  frameworks: { securityHub: ['EC2.181'] },

  evaluate(template, ctx) {
    return judgeVersionsInUse(template, ctx, (version, usedAs) => judgeVersion(version, usedAs, ctx));
  },
});
