import { evaluatePermissions, isFullAdmin, type AccessAnswer, type AccessQuery, type PermissionSet, type StatementRef } from './permissions';
import { both, NO, YES, type Tri } from './tri';

/** Which resources an action must be allowed on for a path to work. */
export type ResourceScope = 'any' | 'users' | 'roles' | 'groups' | 'policies';

export interface EscalationStep {
  readonly action: string;
  /** `any`: some resource will do (a new instance, function or stack); otherwise every resource of that IAM type in the account. */
  readonly on: ResourceScope;
}

export interface EscalationPath {
  /** Stable id, used in finding keys (`Path::<id>`). */
  readonly id: string;
  readonly description: string;
  readonly steps: readonly EscalationStep[];
}

const iam = (action: string, on: ResourceScope): EscalationStep => ({ action: `iam:${action}`, on });
const any = (action: string): EscalationStep => ({ action, on: 'any' });
const passRole = iam('PassRole', 'roles');

/**
 * Known ways to turn limited IAM permissions into more (after Rhino Security Labs' catalogue and
 * AWS's own guidance). Steps on IAM resources must be allowed on all of them in the account:
 * `iam:CreateAccessKey` on `user/${aws:username}` only lets users manage their own keys, which is
 * not escalation. `iam:PassRole` limited to named roles is not followed here: what those roles may
 * do is judged on the roles themselves.
 */
export const ESCALATION_PATHS: readonly EscalationPath[] = [
  { id: 'create-policy-version', description: 'rewrite a managed policy attached to itself with iam:CreatePolicyVersion', steps: [iam('CreatePolicyVersion', 'policies')] },
  { id: 'set-default-policy-version', description: 'switch a managed policy to a more permissive version with iam:SetDefaultPolicyVersion', steps: [iam('SetDefaultPolicyVersion', 'policies')] },
  { id: 'attach-user-policy', description: 'attach any managed policy to a user with iam:AttachUserPolicy', steps: [iam('AttachUserPolicy', 'users')] },
  { id: 'attach-group-policy', description: 'attach any managed policy to a group with iam:AttachGroupPolicy', steps: [iam('AttachGroupPolicy', 'groups')] },
  { id: 'attach-role-policy', description: 'attach any managed policy to a role with iam:AttachRolePolicy', steps: [iam('AttachRolePolicy', 'roles')] },
  { id: 'put-user-policy', description: 'write an inline policy on a user with iam:PutUserPolicy', steps: [iam('PutUserPolicy', 'users')] },
  { id: 'put-group-policy', description: 'write an inline policy on a group with iam:PutGroupPolicy', steps: [iam('PutGroupPolicy', 'groups')] },
  { id: 'put-role-policy', description: 'write an inline policy on a role with iam:PutRolePolicy', steps: [iam('PutRolePolicy', 'roles')] },
  { id: 'add-user-to-group', description: 'join a more privileged group with iam:AddUserToGroup', steps: [iam('AddUserToGroup', 'groups')] },
  { id: 'create-access-key', description: "create access keys for other users with iam:CreateAccessKey", steps: [iam('CreateAccessKey', 'users')] },
  { id: 'create-login-profile', description: 'give another user a console password with iam:CreateLoginProfile', steps: [iam('CreateLoginProfile', 'users')] },
  { id: 'update-login-profile', description: "reset another user's console password with iam:UpdateLoginProfile", steps: [iam('UpdateLoginProfile', 'users')] },
  {
    id: 'update-assume-role-policy',
    description: 'rewrite a role trust policy to trust itself, then assume the role (iam:UpdateAssumeRolePolicy + sts:AssumeRole)',
    steps: [iam('UpdateAssumeRolePolicy', 'roles'), { action: 'sts:AssumeRole', on: 'roles' }],
  },
  { id: 'pass-role-ec2', description: 'launch an instance with a more privileged role (iam:PassRole + ec2:RunInstances)', steps: [passRole, any('ec2:RunInstances')] },
  {
    id: 'pass-role-lambda',
    description: 'create and invoke a function with a more privileged role (iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction)',
    steps: [passRole, any('lambda:CreateFunction'), any('lambda:InvokeFunction')],
  },
  {
    id: 'pass-role-lambda-event-source',
    description: 'create a function with a more privileged role and trigger it from an event source (iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping)',
    steps: [passRole, any('lambda:CreateFunction'), any('lambda:CreateEventSourceMapping')],
  },
  { id: 'update-function-code', description: 'replace the code of a function that runs with a more privileged role (lambda:UpdateFunctionCode)', steps: [any('lambda:UpdateFunctionCode')] },
  { id: 'pass-role-cloudformation', description: 'create a stack that runs with a more privileged role (iam:PassRole + cloudformation:CreateStack)', steps: [passRole, any('cloudformation:CreateStack')] },
  {
    id: 'pass-role-glue',
    description: 'create a Glue development endpoint with a more privileged role (iam:PassRole + glue:CreateDevEndpoint)',
    steps: [passRole, any('glue:CreateDevEndpoint')],
  },
  { id: 'update-glue-dev-endpoint', description: 'add an SSH key to a Glue development endpoint and use its role (glue:UpdateDevEndpoint)', steps: [any('glue:UpdateDevEndpoint')] },
  {
    id: 'pass-role-datapipeline',
    description: 'run a data pipeline with a more privileged role (iam:PassRole + datapipeline:CreatePipeline + datapipeline:PutPipelineDefinition)',
    steps: [passRole, any('datapipeline:CreatePipeline'), any('datapipeline:PutPipelineDefinition')],
  },
  {
    id: 'pass-role-ecs',
    description: 'run a task with a more privileged task role (iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask)',
    steps: [passRole, any('ecs:RegisterTaskDefinition'), any('ecs:RunTask')],
  },
  {
    id: 'pass-role-codebuild',
    description: 'run a build with a more privileged service role (iam:PassRole + codebuild:CreateProject + codebuild:StartBuild)',
    steps: [passRole, any('codebuild:CreateProject'), any('codebuild:StartBuild')],
  },
  {
    id: 'pass-role-sagemaker',
    description: 'open a notebook that runs with a more privileged role (iam:PassRole + sagemaker:CreateNotebookInstance + sagemaker:CreatePresignedNotebookInstanceUrl)',
    steps: [passRole, any('sagemaker:CreateNotebookInstance'), any('sagemaker:CreatePresignedNotebookInstanceUrl')],
  },
  {
    id: 'pass-role-eks-nodegroup',
    description: 'create a node group whose instances run with a more privileged node role and accept your SSH key (iam:PassRole + eks:CreateNodegroup)',
    steps: [passRole, any('eks:CreateNodegroup')],
  },
  {
    id: 'pass-role-eks-pod-identity',
    description: 'bind a more privileged role to a service account of a cluster through EKS Pod Identity (iam:PassRole + eks:CreatePodIdentityAssociation)',
    steps: [passRole, any('eks:CreatePodIdentityAssociation')],
  },
  {
    id: 'pass-role-autoscaling',
    description: 'launch instances with a more privileged role through Auto Scaling (iam:PassRole + ec2:CreateLaunchTemplate + autoscaling:CreateAutoScalingGroup)',
    steps: [passRole, any('ec2:CreateLaunchTemplate'), any('autoscaling:CreateAutoScalingGroup')],
  },
];

/** The account and partition IAM resource probes are built for. */
export interface AccountScope {
  readonly partition: string;
  readonly accountId: string;
}

export interface PathFinding {
  readonly path: EscalationPath;
  readonly found: Tri;
  /** The statements granting each step that is (or may be) allowed. */
  readonly grantedBy: readonly StatementRef[];
}

/**
 * Escalation paths a principal's effective permissions open. A full administrator needs no path:
 * it is reported as the single path `full-admin`. Paths are `unknown` when an Unresolved value
 * could complete them.
 */
export function escalationPaths(permissions: PermissionSet, scope: AccountScope, paths: readonly EscalationPath[] = ESCALATION_PATHS): PathFinding[] {
  const admin = isFullAdmin(permissions);
  if (admin.allowed === YES) return [{ path: FULL_ADMIN_PATH, found: YES, grantedBy: admin.grantedBy }];
  const queries = queriesFor(scope);
  const findings: PathFinding[] = [];
  for (const path of paths) {
    const answers: AccessAnswer[] = [];
    let found: Tri = YES;
    for (const step of path.steps) {
      const answer = evaluatePermissions(permissions, queryOf(step, scope, queries));
      found = both(found, answer.allowed);
      // One step that is not allowed closes the path: the others need not be asked.
      if (found === NO) break;
      answers.push(answer);
    }
    if (found !== NO) findings.push({ path, found, grantedBy: answers.flatMap((a) => a.grantedBy) });
  }
  return findings;
}

export const FULL_ADMIN_PATH: EscalationPath = { id: 'full-admin', description: 'do anything already: it is allowed every action on every resource', steps: [{ action: '*', on: 'any' }] };

/**
 * The query a step asks, one object per step and account: every principal of an audit asks the
 * same ones, and the analyser remembers answers per document and query.
 */
const queriesByAccount = new Map<string, WeakMap<EscalationStep, AccessQuery>>();

function queriesFor(scope: AccountScope): WeakMap<EscalationStep, AccessQuery> {
  const account = `${scope.partition}\u0000${scope.accountId}`;
  let queries = queriesByAccount.get(account);
  if (!queries) {
    // A process that audits many accounts keeps the last few hundred.
    if (queriesByAccount.size >= 256) queriesByAccount.clear();
    queries = new WeakMap();
    queriesByAccount.set(account, queries);
  }
  return queries;
}

function queryOf(step: EscalationStep, scope: AccountScope, queries: WeakMap<EscalationStep, AccessQuery>): AccessQuery {
  let query = queries.get(step);
  if (!query) {
    query = stepQuery(step, scope);
    queries.set(step, query);
  }
  return query;
}

function stepQuery(step: EscalationStep, scope: AccountScope): AccessQuery {
  if (step.on === 'any') return { action: step.action, resource: '*', resourceMode: 'some' };
  const type = { users: 'user', roles: 'role', groups: 'group', policies: 'policy' }[step.on];
  return { action: step.action, resource: `arn:${scope.partition}:iam::${scope.accountId}:${type}/*`, resourceMode: 'all' };
}
