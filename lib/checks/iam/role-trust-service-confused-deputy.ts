import { defineResourceCheck, fail, must, notApplicable, pass, unknown, type Verdict } from '../../engine/check';
import { trustGrants, unresolvedPrincipalVerdicts } from './support/trust';
import { CONFUSED_DEPUTY, WA_CROSS_ACCOUNT } from './support/references';

export const iamRoleTrustServiceConfusedDeputy = defineResourceCheck({
  id: 'iam-role-trust-service-confused-deputy',
  kind: 'iam.role',
  title: 'Roles trusted by AWS services are limited to your account’s resources',
  severity: 'medium',
  description:
    'For each AWS service principal the trust policy admits (key `Service::<principal>`), the grant is narrowed with `aws:SourceAccount`, ' +
    '`aws:SourceArn`, `aws:SourceOrgID` or `aws:SourceOrgPaths` (positive operator, no `…IfExists`, no bare `*` pattern), in the statement or as a Deny guard. ' +
    'EKS Pod Identity roles (`pods.eks.amazonaws.com`) are the typical case. Option `exemptServices` lists services that only ever use a role ' +
    'passed by a principal of your own account with iam:PassRole (default: ec2, lambda, edgelambda and eks cluster roles, and ' +
    'cloudtrail, whose CloudWatch Logs delivery role does not support aws:SourceArn or aws:SourceAccount per the CloudTrail User Guide). ' +
    'Service-linked roles are NOT_APPLICABLE. No Security Hub, CIS AWS or CIS EKS control covers confused-deputy conditions, so the ' +
    'check maps to Well-Architected SEC03-BP07 (analyze public and cross-account access): a service principal acts for every account.',
  risk: 'A service acting for another customer can be pointed at your role (confused deputy) and use its permissions.',
  remediation: 'Add a StringEquals aws:SourceAccount condition with your account id, or aws:SourceArn with the resource (cluster, trail, topic) that uses the role.',
  references: [CONFUSED_DEPUTY, 'https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html', WA_CROSS_ACCOUNT],
  frameworks: { wellArchitected: ['SEC03-BP07'] },
  defaultOptions: {
    exemptServices: ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'edgelambda.amazonaws.com', 'eks.amazonaws.com', 'cloudtrail.amazonaws.com'],
  },

  evaluate(role, ctx) {
    const name = must(role.name);
    if (role.path?.startsWith('/aws-service-role/')) return notApplicable(`${name} is a service-linked role managed by AWS.`);
    const exempt = new Set((ctx.options.exemptServices as readonly string[]).map((s) => s.toLowerCase()));
    const grants = trustGrants(role, ['account', 'organization', 'arn']);
    const verdicts: Verdict[] = unresolvedPrincipalVerdicts(grants);
    for (const g of grants) {
      if (g.principal.type !== 'service') continue;
      const key = `Service::${g.principal.value}`;
      if (exempt.has(g.principal.value)) verdicts.push(notApplicable(`${g.principal.value} is exempt.`, key));
      else if (g.grants === 'yes' && g.restricted === 'yes') verdicts.push(pass(`${g.principal.value} may assume role ${name} only for ${g.restrictions.map((r) => `${r.key} ${r.values.join(', ')}`).join('; ')}.`, { key }));
      else if (g.grants === 'yes' && g.restricted === 'no') verdicts.push(fail(`${g.principal.value} may assume role ${name} on behalf of any account (${g.statement}).`, { key }));
      else verdicts.push(unknown(`Whether ${g.principal.value} is limited to your resources depends on unresolved values.`, key));
    }
    return verdicts.length > 0 ? verdicts : notApplicable(`Role ${name} is not trusted by an AWS service.`);
  },
});
