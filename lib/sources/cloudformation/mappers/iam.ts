import { isUnresolved, unresolved, type IamPolicy, type InlinePolicy, type Resolvable } from '../../../model';
import { recordedAwsManagedPolicy } from '../aws-managed-policies';
import { int, str, strList, type MapContext } from '../context';
import type { Resolved } from '../intrinsics';
import { folds, owns, policyDocument, type Mapper } from './mapper';

/**
 * `arn:<partition>:iam::aws:policy/<path><name>`: an AWS managed policy of a known partition. While
 * the partition is open (`arn:${AWS::Partition}:…` with no region given) the attachment itself is
 * Unresolved, so no record is made: its id would not be an ARN.
 */
const AWS_MANAGED_POLICY = /^arn:([^:<>]+):iam::aws:policy(\/(?:.*\/)?)([^/]+)$/;

/** `aws-managed-policies.ts` holds the commercial partition's documents; other partitions publish their own. */
const RECORDED_PARTITION = 'aws';

function inlinePolicies(x: MapContext, value: Resolved | undefined): InlinePolicy[] {
  return x.objects(value, 'Policies').map((p) => ({
    name: str(p.PolicyName) ?? unresolved('<PolicyName>'),
    document: policyDocument(p.PolicyDocument, x, 'PolicyDocument') ?? unresolved('<PolicyDocument missing>'),
  }));
}

/**
 * Managed policy ARNs a principal attaches. AWS managed policies are not declared by the template,
 * so each gets an `iam.policy` record: with the recorded document of its default version when
 * `aws-managed-policies.ts` has it, else with an Unresolved document, so a check that needs it says
 * UNKNOWN instead of finding nothing and concluding the policy is absent.
 */
function attachedPolicies(x: MapContext, value: Resolved | undefined): Resolvable<string>[] {
  const arns = strList(value) ?? [];
  for (const arn of arns) {
    const text = isUnresolved(arn) ? arn.unresolved : arn;
    const match = AWS_MANAGED_POLICY.exec(text);
    if (match) x.out.addShared(awsManagedPolicy(text, arn, { partition: match[1]!, path: match[2]!, name: match[3]! }));
  }
  return arns;
}

function awsManagedPolicy(id: string, arn: Resolvable<string>, { partition, path, name }: { partition: string; path: string; name: string }): IamPolicy {
  const recorded = partition === RECORDED_PARTITION ? recordedAwsManagedPolicy(path, name) : undefined;
  return {
    kind: 'iam.policy',
    id,
    origin: { kind: 'aws', arn: id, accountId: 'aws', region: 'global' },
    name,
    arn,
    path,
    awsManaged: true,
    // A copy: every inventory gets its own document, never the shared record.
    ...(recorded ? { defaultVersionId: recorded.versionId, document: structuredClone(recorded.document) } : { document: unresolved(`<AWS managed policy ${name}>`) }),
    isAttachable: true,
  };
}

/** Group names (a user's `Groups`, a UserToGroupAddition's `GroupName`) → group ids, as the model refers to groups. */
function groupIds(x: MapContext, value: Resolved | undefined): Resolvable<string>[] {
  const names = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return names.map((name) => {
    const owner = x.scope.findReferenced(name, ['AWS::IAM::Group']);
    if (owner) return x.scope.idOf(owner);
    const text = str(name) ?? unresolved('<GroupName>');
    const account = x.scope.pseudo('AWS::AccountId');
    const partition = x.scope.pseudo('AWS::Partition');
    if (typeof text === 'string' && typeof account === 'string' && typeof partition === 'string') return `arn:${partition}:iam::${account}:group/${text}`;
    return isUnresolved(text) ? text : unresolved(`arn:<AWS::Partition>:iam::<AWS::AccountId>:group/${text}`);
  });
}

/** Owners named in a policy's `Roles`/`Users`/`Groups` (or a RolePolicy's `RoleName`), by logical id. */
function ownersOf(x: MapContext, values: Resolved | undefined, cfnType: string): string[] {
  const list = Array.isArray(values) ? values : values === undefined || values === null ? [] : [values];
  return list.flatMap((v) => x.scope.findReferenced(v, [cfnType]) ?? []);
}

const OWNER_KINDS = [
  { property: 'Roles', cfnType: 'AWS::IAM::Role', kind: 'iam.role' },
  { property: 'Users', cfnType: 'AWS::IAM::User', kind: 'iam.user' },
  { property: 'Groups', cfnType: 'AWS::IAM::Group', kind: 'iam.group' },
] as const;

/** Adds an inline policy to each role, user and group it names (CDK emits them as separate AWS::IAM::Policy resources). */
function foldInlinePolicy(x: MapContext, targets: readonly { values: Resolved | undefined; cfnType: string; kind: 'iam.role' | 'iam.user' | 'iam.group' }[]): void {
  const policy: InlinePolicy = {
    name: str(x.props.PolicyName) ?? unresolved('<PolicyName>'),
    document: policyDocument(x.props.PolicyDocument, x, 'PolicyDocument') ?? unresolved('<PolicyDocument missing>'),
  };
  for (const target of targets) {
    for (const logicalId of ownersOf(x, target.values, target.cfnType)) {
      const owner = x.out.owner(logicalId, target.kind);
      if (!owner) continue;
      owner.inlinePolicies.push(policy);
      x.out.contributed(x.logicalId, owner.id);
    }
  }
}

function oidcUrl(value: Resolved | undefined): Resolvable<string> {
  const url = str(value) ?? unresolved('<Url>');
  return typeof url === 'string' ? url.replace(/^https:\/\//, '') : url;
}

export const IAM_MAPPERS: readonly Mapper[] = [
  owns('AWS::IAM::Role', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'iam.role',
      name: x.ref,
      arn: x.attribute('Arn'),
      path: typeof p.Path === 'string' ? p.Path : '/',
      trustPolicy: policyDocument(p.AssumeRolePolicyDocument, x, 'AssumeRolePolicyDocument') ?? unresolved('<AssumeRolePolicyDocument missing>'),
      inlinePolicies: inlinePolicies(x, p.Policies),
      attachedPolicies: attachedPolicies(x, p.ManagedPolicyArns),
      ...(p.PermissionsBoundary !== undefined ? { permissionsBoundary: str(p.PermissionsBoundary)! } : {}),
      maxSessionDurationSeconds: int(p.MaxSessionDuration) ?? 3600,
      instanceProfiles: [],
      ...x.base(),
    });
  }),

  owns('AWS::IAM::User', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'iam.user',
      name: x.ref,
      arn: x.attribute('Arn'),
      path: typeof p.Path === 'string' ? p.Path : '/',
      inlinePolicies: inlinePolicies(x, p.Policies),
      attachedPolicies: attachedPolicies(x, p.ManagedPolicyArns),
      groups: groupIds(x, p.Groups),
      ...(p.PermissionsBoundary !== undefined ? { permissionsBoundary: str(p.PermissionsBoundary)! } : {}),
      hasConsolePassword: p.LoginProfile !== undefined,
      ...x.base(),
    });
  }),

  owns('AWS::IAM::Group', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'iam.group',
      name: x.ref,
      arn: x.attribute('Arn'),
      path: typeof p.Path === 'string' ? p.Path : '/',
      inlinePolicies: inlinePolicies(x, p.Policies),
      attachedPolicies: attachedPolicies(x, p.ManagedPolicyArns),
      ...x.base(),
    });
  }),

  owns('AWS::IAM::ManagedPolicy', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'iam.policy',
      name: str(p.ManagedPolicyName) ?? x.id,
      arn: x.ref,
      path: typeof p.Path === 'string' ? p.Path : '/',
      awsManaged: false,
      defaultVersionId: 'v1',
      document: policyDocument(p.PolicyDocument, x, 'PolicyDocument') ?? unresolved('<PolicyDocument missing>'),
      isAttachable: true,
      ...x.base(),
    });
  }),

  // A managed policy's own Roles/Users/Groups attach it, as ManagedPolicyArns on the principal would.
  folds('AWS::IAM::ManagedPolicy', (x) => {
    for (const { property, cfnType, kind } of OWNER_KINDS) {
      for (const logicalId of ownersOf(x, x.props[property], cfnType)) {
        const owner = x.out.owner(logicalId, kind);
        if (!owner) continue;
        owner.attachedPolicies.push(x.ref);
      }
    }
  }),

  folds('AWS::IAM::Policy', (x) =>
    foldInlinePolicy(
      x,
      OWNER_KINDS.map(({ property, cfnType, kind }) => ({ values: x.props[property], cfnType, kind })),
    ),
  ),
  folds('AWS::IAM::RolePolicy', (x) => foldInlinePolicy(x, [{ values: x.props.RoleName, cfnType: 'AWS::IAM::Role', kind: 'iam.role' }])),
  folds('AWS::IAM::UserPolicy', (x) => foldInlinePolicy(x, [{ values: x.props.UserName, cfnType: 'AWS::IAM::User', kind: 'iam.user' }])),
  folds('AWS::IAM::GroupPolicy', (x) => foldInlinePolicy(x, [{ values: x.props.GroupName, cfnType: 'AWS::IAM::Group', kind: 'iam.group' }])),

  folds('AWS::IAM::UserToGroupAddition', (x) => {
    const [group] = groupIds(x, x.props.GroupName);
    if (group === undefined) return;
    for (const logicalId of ownersOf(x, x.props.Users, 'AWS::IAM::User')) {
      const user = x.out.owner(logicalId, 'iam.user');
      if (!user) continue;
      user.groups.push(group);
      x.out.contributed(x.logicalId, user.id);
    }
  }),

  folds('AWS::IAM::InstanceProfile', (x) => {
    const arn = x.attribute('Arn');
    for (const logicalId of ownersOf(x, x.props.Roles, 'AWS::IAM::Role')) {
      const role = x.out.owner(logicalId, 'iam.role');
      if (!role) continue;
      role.instanceProfiles = [...(role.instanceProfiles ?? []), typeof arn === 'string' ? arn : x.id];
    }
  }),

  owns('AWS::IAM::OIDCProvider', (x) => addOidcProvider(x, 'ClientIdList')),
  // aws-cdk-lib's OIDC provider without the native flag: a Lambda-backed custom resource with the same settings.
  owns('Custom::AWSCDKOpenIdConnectProvider', (x) => addOidcProvider(x, 'ClientIDList')),

  owns('AWS::AccessAnalyzer::Analyzer', (x) => {
    const p = x.props;
    x.out.add(x.logicalId, {
      kind: 'accessanalyzer.analyzer',
      name: str(p.AnalyzerName) ?? x.id,
      arn: x.ref,
      type: str(p.Type) ?? unresolved('<Type>'),
      // A template declares an analyzer that is meant to run.
      status: 'ACTIVE',
      ...x.base(),
    });
  }),
];


/** The native provider and aws-cdk-lib's custom resource carry the same settings; only the client-id property is spelled differently. */
function addOidcProvider(x: MapContext, clientIdsProperty: 'ClientIdList' | 'ClientIDList'): void {
  const p = x.props;
  x.out.add(x.logicalId, {
    kind: 'iam.oidc-provider',
    arn: x.ref,
    url: oidcUrl(p.Url),
    clientIds: strList(p[clientIdsProperty]) ?? [],
    thumbprints: strList(p.ThumbprintList) ?? [],
    ...x.base(),
  });
}
