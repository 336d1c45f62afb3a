import { defineResourceCheck, fail, must, pass, unknown, type CheckContext, type Verdict } from '../../engine/check';
import { describeResolvable, type EksNodegroup, type LaunchTemplateVersion } from '../../model';
import { regionSettings } from '../ec2/lib/instances';
import { nodeTemplateOf } from './lib/node-template';
import { EKS_BEST_PRACTICES_HOSTS, wellArchitected } from './lib/references';

export const eksNodegroupVolumesEncrypted = defineResourceCheck({
  id: 'eks-nodegroup-volumes-encrypted',
  kind: 'eks.nodegroup',
  title: 'EKS node groups launch nodes with encrypted volumes',
  severity: 'medium',
  description:
    'The root (and any other) EBS volume of the node group\'s nodes will be encrypted: every block device of the launch template ' +
    'version it uses (the one it names, or the one EKS generated for it) sets Encrypted, or EBS encryption by default is on in the ' +
    'region, which overrides even Encrypted=false. A version that declares no volume takes the AMI\'s, encrypted only by the ' +
    'region default. When EKS generated the template and the inventory does not hold it, only the region default can pass it (else UNKNOWN).',
  risk: 'Nodes write container images, emptyDir volumes, logs and cached Secrets to their disks; unencrypted volumes and their snapshots can be read outside KMS control.',
  remediation:
    'Turn on EBS encryption by default in the region (aws ec2 enable-ebs-encryption-by-default) and set Encrypted=true on the ' +
    'launch template\'s block device mappings; roll the node group.',
  references: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html', EKS_BEST_PRACTICES_HOSTS, wellArchitected('sec_protect_data_rest_encrypt')],
  frameworks: { securityHub: ['EC2.181'], wellArchitected: ['SEC08-BP02'] },

  evaluate(nodegroup, ctx) {
    const name = must(nodegroup.name);
    const template = nodeTemplateOf(nodegroup, ctx);
    if (template.kind === 'eks-generated-unseen') {
      return encryptedByDefault(ctx)
        ? pass(`Volumes of ${name}'s nodes are encrypted: EBS encryption by default is on in ${ctx.region}.`)
        : unknown(`Whether ${name}'s volumes are encrypted is decided by ${template.label}, and EBS encryption by default is off in ${ctx.region}.`);
    }
    return judgeDevices(nodegroup, template.label, template.version.blockDevices, ctx);
  },
});

/** Declared devices that do not ask for encryption are still encrypted when the region encrypts by default. */
function judgeDevices(nodegroup: EksNodegroup, label: string, devices: LaunchTemplateVersion['blockDevices'], ctx: CheckContext): Verdict {
  const name = must(nodegroup.name);
  const unasked = devices.filter((d) => d.encrypted === undefined || !must(d.encrypted)).map((d) => describeResolvable(d.deviceName));
  if (devices.length > 0 && unasked.length === 0) return pass(`Node group ${name} uses ${label}, which encrypts every volume it declares.`);
  if (encryptedByDefault(ctx)) return pass(`Node group ${name} uses ${label}, which leaves ${unasked.length > 0 ? unasked.join(', ') : 'the AMI\'s volumes'} to EBS encryption by default, on in ${ctx.region}.`);
  const what = unasked.length > 0 ? `does not encrypt ${unasked.join(', ')}` : 'declares no volume, so the AMI\'s root volume is used as is';
  return fail(`Node group ${name} uses ${label}, which ${what}, and EBS encryption by default is off in ${ctx.region}.`, { evidence: { devices: unasked } });
}

function encryptedByDefault(ctx: CheckContext): boolean {
  return must(regionSettings(ctx).ebsEncryptionByDefault);
}
