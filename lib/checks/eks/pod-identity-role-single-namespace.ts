import { defineAccountCheck, fail, must, notApplicable, pass, unknown, type Verdict } from '../../engine/check';
import type { EksPodIdentityAssociation } from '../../model';
import { attempt } from '../ec2/lib/decide';
import { integerOption } from '../ec2/lib/options';
import { CIS_EKS, EKS_BEST_PRACTICES_IAM, eksGuide, wellArchitected } from './lib/references';
import { listed } from './lib/verdicts';

interface Binding {
  readonly roleArn: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly cluster: string;
}

export const eksPodIdentityRoleSingleNamespace = defineAccountCheck({
  id: 'eks-pod-identity-role-single-namespace',
  kind: 'eks.pod-identity-association',
  title: 'Pod Identity roles are not shared across namespaces',
  severity: 'medium',
  description:
    'Across every cluster and region of the account, the service accounts bound to one IAM role by Pod Identity associations ' +
    'live in at most `maxNamespacesPerRole` namespaces (default 1; the same namespace name on several clusters counts once, as ' +
    'for a blue/green pair). One finding per role, keyed `Role::<role ARN>`. Associations whose role or namespace is unresolved ' +
    'are UNKNOWN under `Role::<unresolved>`.',
  risk: 'A role shared by unrelated workloads holds the union of their permissions, and compromising the weakest of them yields all of it.',
  remediation: 'Create one role per workload (namespace and service account) with only the permissions it needs, and re-point the associations.',
  references: [eksGuide('pod-identities'), EKS_BEST_PRACTICES_IAM, CIS_EKS, wellArchitected('sec_permissions_least_privileges')],
  frameworks: { cisEks: { '1.7': ['5.2.1'] }, wellArchitected: ['SEC03-BP02'] },
  defaultOptions: { maxNamespacesPerRole: 1 },

  evaluate(associations, ctx) {
    const max = integerOption(ctx, 'maxNamespacesPerRole', 1, 1000);
    if (associations.length === 0) return notApplicable('The account has no Pod Identity association.');
    const bindings = associations.map((a) => attempt(() => bindingOf(a)));
    const verdicts: Verdict[] = [];
    const reasons = bindings.flatMap((b) => (b.ok ? [] : [b.reason]));
    if (reasons.length > 0) verdicts.push(unknown(`${reasons.length} association(s) could not be read: ${reasons[0]}.`, 'Role::<unresolved>'));
    const byRole = new Map<string, Binding[]>();
    for (const b of bindings) if (b.ok) byRole.set(b.value.roleArn, [...(byRole.get(b.value.roleArn) ?? []), b.value]);
    for (const [roleArn, bound] of byRole) verdicts.push(judgeRole(roleArn, bound, max));
    return verdicts;
  },
});

function bindingOf(association: EksPodIdentityAssociation): Binding {
  return { roleArn: must(association.roleArn), namespace: must(association.namespace), serviceAccount: must(association.serviceAccount), cluster: must(association.clusterName) };
}

function judgeRole(roleArn: string, bound: readonly Binding[], max: number): Verdict {
  const key = `Role::${roleArn}`;
  const namespaces = [...new Set(bound.map((b) => b.namespace))].sort();
  const accounts = bound.map((b) => `${b.cluster}/${b.namespace}/${b.serviceAccount}`);
  const evidence = { roleArn, namespaces, serviceAccounts: accounts, maxNamespacesPerRole: max };
  return namespaces.length > max
    ? fail(`Role ${roleArn} is bound to service accounts in ${namespaces.length} namespaces (${listed(namespaces)}): ${listed(accounts)}.`, { key, evidence })
    : pass(`Role ${roleArn} serves ${listed(accounts)} in ${namespaces.length === 1 ? 'one namespace' : `${namespaces.length} namespaces`}.`, { key, evidence });
}
