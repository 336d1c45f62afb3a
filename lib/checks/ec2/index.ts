import type { Check } from '../../engine/check';
import { ec2DefaultSgRestrictsAllTraffic } from './default-sg-restricts-all-traffic';
import { ec2EbsEncryptionByDefault } from './ebs-encryption-by-default';
import { ec2EksNodeImdsHopLimitRestricted } from './eks-node-imds-hop-limit-restricted';
import { ec2Imdsv2DefaultRequired } from './imdsv2-default-required';
import { ec2InstanceImdsv2Required } from './instance-imdsv2-required';
import { ec2InstanceNoPublicIp } from './instance-no-public-ip';
import { ec2LaunchTemplateImdsv2Required } from './launch-template-imdsv2-required';
import { ec2LaunchTemplateNoPublicIp } from './launch-template-no-public-ip';
import { ec2LaunchTemplateVolumesEncrypted } from './launch-template-volumes-encrypted';
import { ec2NaclInUse } from './nacl-in-use';
import { ec2NaclNoWorldAdminPorts } from './nacl-no-world-admin-ports';
import { ec2NaclNoWorldAllTraffic } from './nacl-no-world-all-traffic';
import { ec2SgInUse } from './sg-in-use';
import { ec2SgNoIpv4WorldAdminPorts } from './sg-no-ipv4-world-admin-ports';
import { ec2SgNoIpv6WorldAdminPorts } from './sg-no-ipv6-world-admin-ports';
import { ec2SgNoWorldAllTraffic } from './sg-no-world-all-traffic';
import { ec2SgNoWorldHighRiskPorts } from './sg-no-world-high-risk-ports';
import { ec2SgNoWorldRdp } from './sg-no-world-rdp';
import { ec2SgNoWorldSsh } from './sg-no-world-ssh';
import { ec2SgWorldIngressAuthorizedPortsOnly } from './sg-world-ingress-authorized-ports-only';
import { ec2VolumeEncrypted } from './volume-encrypted';

/** EC2 checks in report order: security groups, network ACLs, instance metadata, disks, public addresses. */
export const EC2_CHECKS: readonly Check[] = [
  ec2SgNoWorldAllTraffic,
  ec2SgNoWorldSsh,
  ec2SgNoWorldRdp,
  ec2SgNoIpv4WorldAdminPorts,
  ec2SgNoIpv6WorldAdminPorts,
  ec2SgNoWorldHighRiskPorts,
  ec2SgWorldIngressAuthorizedPortsOnly,
  ec2DefaultSgRestrictsAllTraffic,
  ec2SgInUse,
  ec2NaclNoWorldAllTraffic,
  ec2NaclNoWorldAdminPorts,
  ec2NaclInUse,
  ec2InstanceImdsv2Required,
  ec2LaunchTemplateImdsv2Required,
  ec2Imdsv2DefaultRequired,
  ec2EksNodeImdsHopLimitRestricted,
  ec2EbsEncryptionByDefault,
  ec2VolumeEncrypted,
  ec2LaunchTemplateVolumesEncrypted,
  ec2InstanceNoPublicIp,
  ec2LaunchTemplateNoPublicIp,
];
