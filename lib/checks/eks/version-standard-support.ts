import { defineResourceCheck, fail, must, pass } from '../../engine/check';
import { FALLBACK_CALENDAR_DATE, supportStatus } from './lib/support-calendar';
import { eksGuide, securityHubEks } from './lib/references';

export const eksVersionStandardSupport = defineResourceCheck({
  id: 'eks-version-standard-support',
  kind: 'eks.cluster',
  title: 'EKS clusters run a Kubernetes version in standard support',
  severity: 'high',
  description:
    'The cluster\'s Kubernetes minor version is in standard support at the audit time. Support dates come from the ' +
    '`eks.cluster-version` data the collector recorded for the region (DescribeClusterVersions); only when that data is ' +
    `missing or lacks the version does hardeks fall back to its built-in calendar of ${FALLBACK_CALENDAR_DATE}, and the finding ` +
    'says so. Extended support and end of support both fail, as Security Hub EKS.2 does. eks-version-not-near-end-of-support ' +
    'warns ahead of the end date.',
  risk:
    'Versions past standard support are patched only for the control plane and only while extended support is paid for; the ' +
    'community no longer reports their vulnerabilities, and at the end of extended support EKS upgrades the control plane on its own schedule.',
  remediation: 'Upgrade the control plane one minor version at a time (aws eks update-cluster-version), then the node groups and add-ons.',
  references: [eksGuide('kubernetes-versions'), eksGuide('update-cluster'), securityHubEks(2)],
  frameworks: { securityHub: ['EKS.2'] },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    const status = supportStatus(must(cluster.version), ctx);
    const evidence = { ...status };
    const version = `Kubernetes ${status.version}`;
    switch (status.phase) {
      case 'standard':
        return pass(`Cluster ${name} runs ${version}, in standard support until ${status.endOfStandardSupport ?? 'a date not recorded'} (per ${status.basis}).`, { evidence });
      case 'extended':
        return fail(`Cluster ${name} runs ${version}, which left standard support on ${status.endOfStandardSupport} and is in paid extended support (per ${status.basis}).`, { evidence });
      case 'past-standard':
        return fail(`Cluster ${name} runs ${version}, which is past standard support (per ${status.basis}).`, { evidence });
      case 'unsupported':
        return fail(`Cluster ${name} runs ${version}, which is past the end of extended support (per ${status.basis}).`, { evidence });
    }
  },
});
