import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { CIS_EKS, EKS_BEST_PRACTICES_IAM, eksGuide } from './lib/references';

export const eksAuthenticationModeApi = defineResourceCheck({
  id: 'eks-authentication-mode-api',
  kind: 'eks.cluster',
  title: 'EKS clusters grant access through access entries only',
  severity: 'medium',
  description:
    'The cluster\'s authentication mode is API: IAM principals get into the cluster only through access entries, which the EKS ' +
    'API lists and CloudTrail records. CONFIG_MAP (the deprecated aws-auth ConfigMap alone) fails; API_AND_CONFIG_MAP, the ' +
    'migration state in which aws-auth still grants access, fails too unless option `allowApiAndConfigMap` (default false) ' +
    'accepts it for the migration. Key `Mode::<mode>`.',
  risk:
    'Access granted in aws-auth is invisible to the AWS APIs and to this audit, lives in a ConfigMap anyone with edit rights in ' +
    'kube-system can change, and commonly maps principals to system:masters, which cannot be revoked from outside the cluster.',
  remediation:
    'Create access entries for every aws-auth mapping, then aws eks update-cluster-config --access-config authenticationMode=API ' +
    '(API_AND_CONFIG_MAP first if needed; the change is one-way). HardenedEksCluster uses API.',
  references: [eksGuide('grant-k8s-access'), eksGuide('migrating-access-entries'), EKS_BEST_PRACTICES_IAM, CIS_EKS],
  frameworks: { cisEks: { '1.7': ['5.5.1'] } },
  defaultOptions: { allowApiAndConfigMap: false },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    const mode = must(cluster.access.authenticationMode);
    const key = `Mode::${mode}`;
    if (mode === 'API') return pass(`Cluster ${name} grants access through access entries only.`, { key });
    if (mode === 'API_AND_CONFIG_MAP' && ctx.options.allowApiAndConfigMap === true) {
      return pass(`Cluster ${name} is migrating to access entries (API_AND_CONFIG_MAP, accepted by option allowApiAndConfigMap).`, { key });
    }
    const why = mode === 'CONFIG_MAP' ? 'only the deprecated aws-auth ConfigMap grants access' : 'the aws-auth ConfigMap still grants access next to access entries';
    return fail(`Cluster ${name} uses authentication mode ${mode}: ${why}.`, { key, evidence: { authenticationMode: mode } });
  },
});
