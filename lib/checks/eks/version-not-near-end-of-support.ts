import { defineResourceCheck, fail, must, notApplicable, pass } from '../../engine/check';
import { integerOption } from '../ec2/lib/options';
import { supportStatus } from './lib/support-calendar';
import { eksGuide, securityHubEks } from './lib/references';

const DAY_MS = 24 * 60 * 60 * 1000;

export const eksVersionNotNearEndOfSupport = defineResourceCheck({
  id: 'eks-version-not-near-end-of-support',
  kind: 'eks.cluster',
  title: 'EKS clusters are not about to leave standard support',
  severity: 'low',
  description:
    'A cluster in standard support has more than `warnDaysBeforeEnd` days (default 90) left before its Kubernetes version ' +
    'leaves it, judged at the audit time from the same support data as eks-version-standard-support (recorded versions, ' +
    'else the dated built-in fallback calendar). Clusters already past standard support are NOT_APPLICABLE here: ' +
    'eks-version-standard-support fails them.',
  risk: 'An upgrade started in the last weeks is rushed; missing the date moves the cluster into paid extended support and fails EKS.2.',
  remediation: 'Plan the minor-version upgrade now: check deprecated APIs (cluster insights), upgrade the control plane, then nodes and add-ons.',
  references: [eksGuide('kubernetes-versions'), eksGuide('cluster-insights'), securityHubEks(2)],
  frameworks: { securityHub: ['EKS.2'] },
  defaultOptions: { warnDaysBeforeEnd: 90 },

  evaluate(cluster, ctx) {
    const name = must(cluster.name);
    const warnDays = integerOption(ctx, 'warnDaysBeforeEnd', 0, 3650);
    const status = supportStatus(must(cluster.version), ctx);
    if (status.phase !== 'standard') return notApplicable(`Cluster ${name} is already past standard support (see eks-version-standard-support).`);
    if (status.endOfStandardSupport === undefined) return notApplicable(`No end of standard support is recorded for Kubernetes ${status.version}.`);
    const daysLeft = Math.floor((new Date(status.endOfStandardSupport).getTime() - ctx.now.getTime()) / DAY_MS);
    const evidence = { ...status, daysLeft, warnDaysBeforeEnd: warnDays };
    return daysLeft <= warnDays
      ? fail(`Kubernetes ${status.version} on cluster ${name} leaves standard support in ${daysLeft} days, on ${status.endOfStandardSupport} (per ${status.basis}).`, { evidence })
      : pass(`Kubernetes ${status.version} on cluster ${name} stays in standard support for ${daysLeft} more days (per ${status.basis}).`, { evidence });
  },
});
