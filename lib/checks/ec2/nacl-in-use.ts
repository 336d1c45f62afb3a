import { defineResourceCheck, fail, mustAll, notApplicable, pass } from '../../engine/check';
import { aclLabel } from './lib/nacl-verdicts';

export const ec2NaclInUse = defineResourceCheck({
  id: 'ec2-nacl-in-use',
  kind: 'ec2.network-acl',
  title: 'Network ACLs are associated with a subnet',
  severity: 'low',
  description:
    'The network ACL is associated with at least one subnet. Default network ACLs cannot be deleted and are NOT_APPLICABLE, ' +
    'as in Security Hub EC2.16.',
  risk:
    'An unassociated ACL does not filter anything; it clutters the VPC, and associating it later (by mistake or on purpose) ' +
    'brings back entries nobody has reviewed.',
  remediation: 'Delete network ACLs no subnet uses (aws ec2 delete-network-acl --network-acl-id <acl>).',
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-16',
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  ],
  frameworks: { securityHub: ['EC2.16'] },

  evaluate(acl) {
    if (acl.isDefault) return notApplicable(`${aclLabel(acl)} is a default network ACL, which cannot be deleted.`);
    const subnets = mustAll(acl.associatedSubnetIds);
    if (subnets.length === 0) return fail(`${aclLabel(acl)} is not associated with any subnet.`);
    return pass(`${aclLabel(acl)} is associated with ${subnets.join(', ')}.`, { evidence: { associatedSubnetIds: subnets } });
  },
});
