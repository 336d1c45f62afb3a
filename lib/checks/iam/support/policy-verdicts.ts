import { fail, must, notApplicable, pass, unknown, type Verdict } from '../../../engine/check';
import type { IamPolicy, InlinePolicy, Resolvable } from '../../../model';
import { escalationPaths, isFullAdmin, type AccountScope, type PermissionSet } from '../../../policy';
import { describeRefs } from './verdicts';

/** Customer managed policies are judged; AWS managed ones are AWS's to fix, and NOT_APPLICABLE. */
export function unlessAwsManaged(policy: IamPolicy, judge: () => Verdict | Verdict[]): Verdict | Verdict[] {
  return policy.awsManaged ? notApplicable(`${policy.id} is AWS managed.`) : judge();
}

/** One verdict per inline policy (key `Policy::<name>`): does it alone grant full admin? */
export function inlineFullAdminVerdicts(owner: string, policies: readonly InlinePolicy[]): Verdict[] {
  if (policies.length === 0) return [pass(`${owner} has no inline policy.`)];
  return policies.map((policy) => {
    const name = must(policy.name);
    const key = `Policy::${name}`;
    const answer = isFullAdmin({ policies: [{ label: `inline policy ${name}`, document: policy.document }] });
    if (answer.allowed === 'yes') return fail(`Inline policy ${name} of ${owner} allows every action on every resource (${describeRefs(answer.grantedBy)}).`, { key });
    if (answer.allowed === 'no') return pass(`Inline policy ${name} of ${owner} does not grant full administrator access.`, { key });
    return unknown(`Whether inline policy ${name} of ${owner} grants full administrator access depends on unresolved values.`, key);
  });
}

/**
 * Verdicts for the escalation paths a permission set opens: one FAIL per path found (key
 * `Path::<id>`), one UNKNOWN for all paths that unresolved values could open, or one PASS.
 */
export function escalationVerdicts(subject: string, permissions: PermissionSet, scope: AccountScope): Verdict[] {
  const found = escalationPaths(permissions, scope);
  if (found.length === 0) return [pass(`${subject} has no known privilege-escalation path.`)];
  const verdicts: Verdict[] = found
    .filter((f) => f.found === 'yes')
    .map((f) =>
      fail(`${subject} has a privilege-escalation path: it can ${f.path.description} (${describeRefs(f.grantedBy)}).`, {
        key: `Path::${f.path.id}`,
        evidence: { path: f.path.id, steps: f.path.steps.map((s) => s.action), grantedBy: f.grantedBy },
      }),
    );
  const undecided = found.filter((f) => f.found === 'unknown').map((f) => f.path.id);
  if (undecided.length > 0) verdicts.push(unknown(`Whether ${subject} has the privilege-escalation paths ${undecided.join(', ')} depends on unresolved values.`));
  return verdicts;
}

/** An attached-policy list holds the AWS managed AdministratorAccess policy: yes, no, or must() fails on an unresolved entry. */
export function attachesAdministratorAccess(attached: readonly Resolvable<string>[]): boolean {
  const isAdmin = (arn: string) => /^arn:[a-z-]+:iam::aws:policy\/AdministratorAccess$/.test(arn);
  if (attached.some((a) => typeof a === 'string' && isAdmin(a))) return true;
  return attached.map((a) => must(a)).some(isAdmin);
}

/** The managed-policy document as a one-policy permission set. */
export function policyAlone(policy: IamPolicy): PermissionSet {
  return { policies: [{ label: `managed policy ${policy.id}`, document: policy.document }] };
}
