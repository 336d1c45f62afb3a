import { defineRegionCheck, fail, must, pass } from '../../engine/check';
import { isUnresolved } from '../../model';
import { CIS_AWS, securityHubIam } from './support/references';

/** Analyzers that look for external access; the `…_UNUSED_ACCESS` types look for unused permissions instead. */
const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

export const iamAccessAnalyzerEnabled = defineRegionCheck({
  id: 'iam-access-analyzer-enabled',
  kind: 'accessanalyzer.analyzer',
  title: 'IAM Access Analyzer watches for external access in every enabled region',
  severity: 'medium',
  description:
    'Each region of the audit has an ACTIVE IAM Access Analyzer analyzer of type ACCOUNT or ORGANIZATION (external access). An analyzer of an ' +
    'unused-access type alone does not count: it does not report resources shared outside the zone of trust.',
  risk: 'Buckets, keys, roles and queues shared with other accounts or the public go unnoticed in that region.',
  remediation: 'aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT (or ORGANIZATION from the delegated administrator) in every enabled region.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html', securityHubIam(28), CIS_AWS],
  frameworks: { securityHub: ['IAM.28'], cisAws: { '3.0': ['1.20'], '4.0': ['1.20'] } },

  evaluate(analyzers, ctx) {
    const known = analyzers.filter((a) => !isUnresolved(a.type) && !isUnresolved(a.status));
    const active = known.filter((a) => EXTERNAL_ACCESS_TYPES.has(must(a.type)) && must(a.status) === 'ACTIVE');
    if (active.length > 0) return pass(`${active.map((a) => a.id).join(', ')} analyzes external access in ${ctx.region}.`);
    // Only an analyzer a template left unresolved could still be the one: make the finding UNKNOWN through must().
    for (const a of analyzers) {
      must(a.type);
      must(a.status);
    }
    const others = known.map((a) => `${must(a.type)} (${must(a.status)})`);
    return fail(`No active external-access analyzer in ${ctx.region}${others.length > 0 ? `; found only ${others.join(', ')}` : ''}.`);
  },
});
