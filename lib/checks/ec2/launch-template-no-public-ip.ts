import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { judgeVersionsInUse } from './lib/launch-templates';

export const ec2LaunchTemplateNoPublicIp = defineResourceCheck({
  id: 'ec2-launch-template-no-public-ip',
  kind: 'ec2.launch-template',
  title: 'Launch template versions in use do not assign public IP addresses',
  severity: 'high',
  description:
    'No version of the launch template that is in use (the default, the latest, and every version an instance or EKS node ' +
    'group in the region launches from) sets AssociatePublicIpAddress on its network interfaces. A version that says ' +
    'nothing leaves it to the subnet, which vpc-subnet-no-auto-public-ip judges. One finding per version, keyed `Version::N`.',
  risk:
    'Every instance (every EKS node) launched from the template gets an internet-reachable address, so one permissive ' +
    'security group exposes the whole fleet, including nodes created long after the template was reviewed.',
  remediation: 'Create a version with AssociatePublicIpAddress=false (or unset, in private subnets), make it the default, and roll the groups that use it.',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-25',
    'https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-launch-template.html#change-network-interface',
  ],
  frameworks: { securityHub: ['EC2.25'] },

  evaluate(template, ctx) {
    return judgeVersionsInUse(template, ctx, (version, usedAs) => {
      const label = `Version ${version.versionNumber} (${usedAs})`;
      if (version.associatePublicIp !== undefined && must(version.associatePublicIp)) {
        return fail(`${label} assigns a public IP address to the instances it launches.`, { evidence: { associatePublicIp: true } });
      }
      return pass(`${label} does not assign a public IP address.`);
    });
  },
});
