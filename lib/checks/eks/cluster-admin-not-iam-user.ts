import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { clusterAdminPolicies, principalType } from './lib/access';
import { eksGuide, wellArchitected } from './lib/references';

export const eksClusterAdminNotIamUser = defineResourceCheck({
  id: 'eks-cluster-admin-not-iam-user',
  kind: 'eks.access-entry',
  title: 'No IAM user is a cluster administrator through an EKS access entry',
  severity: 'high',
  description:
    'An access entry that associates AmazonEKSClusterAdminPolicy or AmazonEKSAdminPolicy at cluster scope names an IAM role, ' +
    'not an IAM user. Entries without such a policy (including node and Fargate entries) are NOT_APPLICABLE; roles pass.',
  risk:
    'IAM users authenticate with long-lived access keys: one leaked key pair, in a laptop backup or a CI log, is cluster-admin ' +
    'until someone notices and rotates it.',
  remediation:
    'Give administrators a role they assume with MFA (or through IAM Identity Center) and an access entry for that role; then ' +
    'aws eks delete-access-entry --principal-arn <user ARN>.',
  references: [eksGuide('creating-access-entries'), eksGuide('access-policy-permissions'), wellArchitected('sec_identities_unique')],
  frameworks: { wellArchitected: ['SEC02-BP02', 'SEC03-BP02'] },

  evaluate(entry) {
    const principal = must(entry.principalArn);
    const policies = clusterAdminPolicies(entry);
    if (policies.length === 0) return notApplicable(`${principal} holds no cluster-admin access policy.`);
    const evidence = { principalArn: principal, policies, clusterName: must(entry.clusterName) };
    return principalType(principal) === 'user'
      ? fail(`IAM user ${principal} is cluster administrator of ${evidence.clusterName} (${policies.join(', ')} at cluster scope).`, { evidence })
      : pass(`The cluster administrator ${principal} of ${evidence.clusterName} is not an IAM user.`, { evidence });
  },
});
