import type {
  GetOpenIDConnectProviderResponse,
  GroupDetail,
  ManagedPolicyDetail,
  PasswordPolicy,
  RoleDetail,
  ServerCertificateMetadata,
  SummaryKeyType,
  UserDetail,
  VirtualMFADevice,
} from '@aws-sdk/client-iam';
import { QUERY_STYLE, awsError, notFound } from '../errors';
import { page } from '../paging';
import type { CallContext, SimService } from '../simulated-aws';
import type { SimWorld } from '../world';

/** The credential report IAM would build: its CSV text and how long generating it takes. */
export interface SimCredentialReport {
  /** The CSV exactly as GetCredentialReport returns it (decoded from Content). */
  readonly csv: string;
  readonly generatedTime: Date;
  /**
   * GenerateCredentialReport calls answered STARTED/INPROGRESS before one answers COMPLETE;
   * `never` keeps it in progress forever. @default 0 (a recent report exists: COMPLETE at once)
   */
  readonly pollsBeforeComplete?: number | 'never';
}

/** IAM of the account, in the SDK's output shapes. IAM is global: one section, no regions. */
export interface IamWorld {
  readonly users?: readonly UserDetail[];
  readonly groups?: readonly GroupDetail[];
  readonly roles?: readonly RoleDetail[];
  /**
   * Managed policies with their version lists. AWS managed ones (`arn:aws:iam::aws:policy/…`) are
   * returned by GetAccountAuthorizationDetails only while attached (AttachmentCount above 0).
   */
  readonly policies?: readonly ManagedPolicyDetail[];
  /** Absent (or null): the account has no password policy, and IAM answers NoSuchEntity. */
  readonly passwordPolicy?: PasswordPolicy | null;
  readonly summary?: Partial<Record<SummaryKeyType, number>>;
  /** Absent: nothing to report beyond an empty CSV header. */
  readonly credentialReport?: SimCredentialReport;
  readonly virtualMfaDevices?: readonly VirtualMFADevice[];
  readonly oidcProviders?: readonly (GetOpenIDConnectProviderResponse & { readonly Arn: string })[];
  readonly serverCertificates?: readonly ServerCertificateMetadata[];
}

declare module '../world' {
  interface SimServices {
    iam?: IamWorld;
  }
}

const iamOf = (call: CallContext): IamWorld => call.world.services.iam ?? {};

/** IAM list calls take MaxItems (default 100, at most 1000); the simulation pages by the smaller of that and its page size. */
function list<T>(items: readonly T[], input: { Marker?: string; MaxItems?: number }, call: CallContext) {
  const max = input.MaxItems ?? 100;
  if (max < 1 || max > 1000) throw awsError('ValidationError', 400, `1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000`);
  const p = page(items, input.Marker, Math.min(max, call.pageSize));
  return { items: p.items, IsTruncated: p.next !== undefined, ...(p.next ? { Marker: p.next } : {}) };
}

const isAwsManaged = (p: ManagedPolicyDetail) => /^arn:[a-z-]+:iam::aws:policy\//.test(p.Arn ?? '');

type Entity =
  | { readonly type: 'User'; readonly item: UserDetail }
  | { readonly type: 'Group'; readonly item: GroupDetail }
  | { readonly type: 'Role'; readonly item: RoleDetail }
  | { readonly type: 'LocalManagedPolicy' | 'AWSManagedPolicy'; readonly item: ManagedPolicyDetail };

/** The entities GetAccountAuthorizationDetails streams for a filter (no filter: every type). */
function authorizationEntities(world: IamWorld, filter: readonly string[] | undefined): Entity[] {
  const wanted = (type: string) => !filter || filter.length === 0 || filter.includes(type);
  return [
    ...(wanted('User') ? (world.users ?? []).map((item) => ({ type: 'User' as const, item })) : []),
    ...(wanted('Group') ? (world.groups ?? []).map((item) => ({ type: 'Group' as const, item })) : []),
    ...(wanted('Role') ? (world.roles ?? []).map((item) => ({ type: 'Role' as const, item })) : []),
    ...(world.policies ?? []).flatMap((item): Entity[] => {
      if (isAwsManaged(item)) return wanted('AWSManagedPolicy') && (item.AttachmentCount ?? 0) > 0 ? [{ type: 'AWSManagedPolicy', item }] : [];
      return wanted('LocalManagedPolicy') ? [{ type: 'LocalManagedPolicy', item }] : [];
    }),
  ];
}

const ENTITY_TYPES = new Set(['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy']);

/** The CSV header IAM writes, in its column order. */
export const CREDENTIAL_REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

/** GenerateCredentialReport calls seen per world, so a report can take several polls to complete. */
const reportPolls = new WeakMap<SimWorld, number>();

function reportState(call: CallContext): 'STARTED' | 'INPROGRESS' | 'COMPLETE' | undefined {
  const polls = reportPolls.get(call.world);
  if (polls === undefined) return undefined;
  const needed = iamOf(call).credentialReport?.pollsBeforeComplete ?? 0;
  if (needed !== 'never' && polls > needed) return 'COMPLETE';
  return polls <= 1 ? 'STARTED' : 'INPROGRESS';
}

export const iamService: SimService = {
  service: 'iam',
  errors: QUERY_STYLE,
  global: true,
  operations: {
    GetAccountAuthorizationDetails: (input: { Filter?: string[]; Marker?: string; MaxItems?: number }, call) => {
      const bad = (input.Filter ?? []).filter((f) => !ENTITY_TYPES.has(f));
      if (bad.length > 0) throw awsError('ValidationError', 400, `Value '${bad.join(',')}' at 'filter' failed to satisfy constraint`);
      // One stream across entity types, paged by item count as IAM does.
      const p = list(authorizationEntities(iamOf(call), input.Filter), input, call);
      const of = <T extends Entity['type']>(...types: T[]) => p.items.filter((e) => (types as string[]).includes(e.type)).map((e) => e.item);
      return {
        UserDetailList: of('User'),
        GroupDetailList: of('Group'),
        RoleDetailList: of('Role'),
        Policies: of('LocalManagedPolicy', 'AWSManagedPolicy'),
        IsTruncated: p.IsTruncated,
        ...(p.Marker ? { Marker: p.Marker } : {}),
      };
    },
    GetAccountPasswordPolicy: (_input, call) => {
      const policy = iamOf(call).passwordPolicy;
      if (!policy) throw notFound('NoSuchEntityException', `The Password Policy with domain name ${call.world.accountId} cannot be found.`, 404);
      return { PasswordPolicy: policy };
    },
    GetAccountSummary: (_input, call) => ({ SummaryMap: { ...(iamOf(call).summary ?? {}) } }),
    GenerateCredentialReport: (_input, call) => {
      reportPolls.set(call.world, (reportPolls.get(call.world) ?? 0) + 1);
      const state = reportState(call)!;
      return { State: state, ...(state === 'STARTED' ? { Description: 'No report exists. Starting a new report generation task' } : {}) };
    },
    GetCredentialReport: (_input, call) => {
      const state = reportState(call);
      if (state === undefined) throw notFound('CredentialReportNotPresentException', 'Credential report not present. Call GenerateCredentialReport first.', 410);
      if (state !== 'COMPLETE') throw notFound('CredentialReportNotReadyException', 'Credential report is being generated.', 404);
      const report = iamOf(call).credentialReport;
      return {
        Content: new TextEncoder().encode(report?.csv ?? `${CREDENTIAL_REPORT_HEADER}\n`),
        ReportFormat: 'text/csv',
        GeneratedTime: report?.generatedTime ?? new Date(0),
      };
    },
    ListVirtualMFADevices: (input: { AssignmentStatus?: 'Assigned' | 'Unassigned' | 'Any'; Marker?: string; MaxItems?: number }, call) => {
      const status = input.AssignmentStatus ?? 'Any';
      const devices = (iamOf(call).virtualMfaDevices ?? []).filter((d) => status === 'Any' || (status === 'Assigned') === (d.User !== undefined));
      const p = list(devices, input, call);
      return { VirtualMFADevices: p.items, IsTruncated: p.IsTruncated, ...(p.Marker ? { Marker: p.Marker } : {}) };
    },
    ListOpenIDConnectProviders: (_input, call) => ({ OpenIDConnectProviderList: (iamOf(call).oidcProviders ?? []).map((p) => ({ Arn: p.Arn })) }),
    GetOpenIDConnectProvider: (input: { OpenIDConnectProviderArn: string }, call) => {
      const found = (iamOf(call).oidcProviders ?? []).find((p) => p.Arn === input.OpenIDConnectProviderArn);
      if (!found) throw notFound('NoSuchEntityException', `OpenIDConnect Provider not found for arn ${input.OpenIDConnectProviderArn}`, 404);
      const { Arn: _arn, ...provider } = found;
      void _arn;
      return provider;
    },
    ListServerCertificates: (input: { PathPrefix?: string; Marker?: string; MaxItems?: number }, call) => {
      const prefix = input.PathPrefix ?? '/';
      const p = list((iamOf(call).serverCertificates ?? []).filter((c) => (c.Path ?? '/').startsWith(prefix)), input, call);
      return { ServerCertificateMetadataList: p.items, IsTruncated: p.IsTruncated, ...(p.Marker ? { Marker: p.Marker } : {}) };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// An example account exercising every call path
// ---------------------------------------------------------------------------------------------

/** IAM returns policy documents URL-encoded (RFC 3986). */
export const urlEncodedPolicy = (document: object) => encodeURIComponent(JSON.stringify(document));

const trust = (principal: Record<string, string>, condition?: object) =>
  urlEncodedPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });

/**
 * A small but complete IAM section: users (one in a group, one with an inline policy), a group,
 * roles (with instance profile, last use, IRSA trust), customer and AWS managed policies with
 * several versions, a password policy, a credential report with the root row, virtual MFA
 * devices, an OIDC provider and a server certificate.
 */
export function exampleIamWorld(accountId = '210987654321'): IamWorld {
  const arn = (rest: string) => `arn:aws:iam::${accountId}:${rest}`;
  const oidcHost = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
  const readOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }] };
  return {
    users: [
      {
        UserName: 'alice',
        UserId: 'AIDAEXAMPLEALICE0001',
        Arn: arn('user/alice'),
        Path: '/',
        CreateDate: new Date('2024-02-01T09:00:00Z'),
        GroupList: ['admins'],
        AttachedManagedPolicies: [],
        UserPolicyList: [],
        Tags: [{ Key: 'team', Value: 'platform' }],
      },
      {
        UserName: 'ci-deployer',
        UserId: 'AIDAEXAMPLECIDEPLOY1',
        Arn: arn('user/automation/ci-deployer'),
        Path: '/automation/',
        CreateDate: new Date('2023-06-15T12:00:00Z'),
        GroupList: [],
        AttachedManagedPolicies: [{ PolicyName: 'app-read', PolicyArn: arn('policy/app-read') }],
        UserPolicyList: [{ PolicyName: 'deploy', PolicyDocument: urlEncodedPolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: '*' } }) }],
      },
    ],
    groups: [
      {
        GroupName: 'admins',
        GroupId: 'AGPAEXAMPLEADMINS001',
        Arn: arn('group/admins'),
        Path: '/',
        CreateDate: new Date('2023-01-10T08:00:00Z'),
        GroupPolicyList: [],
        AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
      },
    ],
    roles: [
      {
        RoleName: 'node-role',
        RoleId: 'AROAEXAMPLENODEROLE1',
        Arn: arn('role/node-role'),
        Path: '/',
        CreateDate: new Date('2024-05-05T05:05:05Z'),
        AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }),
        InstanceProfileList: [
          { InstanceProfileName: 'node-role', InstanceProfileId: 'AIPAEXAMPLENODE00001', Arn: arn('instance-profile/node-role'), Path: '/', CreateDate: new Date('2024-05-05T05:05:05Z'), Roles: [] },
        ],
        RolePolicyList: [],
        AttachedManagedPolicies: [{ PolicyName: 'AmazonEKSWorkerNodePolicy', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy' }],
        RoleLastUsed: { LastUsedDate: new Date('2026-11-20T10:00:00Z'), Region: 'eu-west-1' },
        Tags: [],
      },
      {
        RoleName: 'irsa-reader',
        RoleId: 'AROAEXAMPLEIRSAREAD1',
        Arn: arn('role/irsa-reader'),
        Path: '/',
        CreateDate: new Date('2025-01-01T00:00:00Z'),
        AssumeRolePolicyDocument: urlEncodedPolicy({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: arn(`oidc-provider/${oidcHost}`) },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: { StringEquals: { [`${oidcHost}:sub`]: 'system:serviceaccount:apps:reader', [`${oidcHost}:aud`]: 'sts.amazonaws.com' } },
            },
          ],
        }),
        InstanceProfileList: [],
        RolePolicyList: [{ PolicyName: 'read', PolicyDocument: urlEncodedPolicy(readOnly) }],
        AttachedManagedPolicies: [],
        PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn('policy/app-read') },
        RoleLastUsed: {},
      },
    ],
    policies: [
      {
        PolicyName: 'app-read',
        PolicyId: 'ANPAEXAMPLEAPPREAD01',
        Arn: arn('policy/app-read'),
        Path: '/',
        DefaultVersionId: 'v2',
        AttachmentCount: 1,
        PermissionsBoundaryUsageCount: 1,
        IsAttachable: true,
        CreateDate: new Date('2024-01-01T00:00:00Z'),
        UpdateDate: new Date('2024-03-01T00:00:00Z'),
        PolicyVersionList: [
          { VersionId: 'v2', IsDefaultVersion: true, CreateDate: new Date('2024-03-01T00:00:00Z'), Document: urlEncodedPolicy(readOnly) },
          { VersionId: 'v1', IsDefaultVersion: false, CreateDate: new Date('2024-01-01T00:00:00Z'), Document: urlEncodedPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) },
        ],
      },
      {
        PolicyName: 'AdministratorAccess',
        PolicyId: 'ANPAIWMBCKSKIEE64ZLYK',
        Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        Path: '/',
        DefaultVersionId: 'v1',
        AttachmentCount: 1,
        IsAttachable: true,
        PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, CreateDate: new Date('2015-02-06T18:39:46Z'), Document: urlEncodedPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }],
      },
      {
        PolicyName: 'AmazonEKSWorkerNodePolicy',
        PolicyId: 'ANPAIBVMOY52IPQ6HD3PO',
        Arn: 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
        Path: '/',
        DefaultVersionId: 'v3',
        AttachmentCount: 1,
        IsAttachable: true,
        PolicyVersionList: [
          { VersionId: 'v3', IsDefaultVersion: true, Document: urlEncodedPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:DescribeInstances', 'eks:DescribeCluster'], Resource: '*' }] }) },
          { VersionId: 'v2', IsDefaultVersion: false, Document: urlEncodedPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: '*' }] }) },
        ],
      },
      {
        // Not attached anywhere: IAM leaves it out of the authorization details.
        PolicyName: 'ReadOnlyAccess',
        PolicyId: 'ANPAILL3HVNFSB6DCOWYQ',
        Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        Path: '/',
        DefaultVersionId: 'v1',
        AttachmentCount: 0,
        IsAttachable: true,
        PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: urlEncodedPolicy(readOnly) }],
      },
    ],
    passwordPolicy: {
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    },
    summary: { Users: 2, Groups: 1, Roles: 2, Policies: 1, AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, MFADevices: 2, MFADevicesInUse: 2 },
    credentialReport: {
      generatedTime: new Date('2026-11-25T23:50:00Z'),
      csv: [
        CREDENTIAL_REPORT_HEADER,
        `<root_account>,arn:aws:iam::${accountId}:root,2020-01-01T00:00:00+00:00,not_supported,2026-10-01T12:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
        `alice,${arn('user/alice')},2024-02-01T09:00:00+00:00,true,2026-11-24T08:00:00+00:00,2024-02-01T09:05:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
        `ci-deployer,${arn('user/automation/ci-deployer')},2023-06-15T12:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-09-01T00:00:00+00:00,2026-11-25T06:00:00+00:00,eu-west-1,eks,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
      ].join('\n'),
    },
    virtualMfaDevices: [
      { SerialNumber: arn('mfa/alice'), User: { UserName: 'alice', UserId: 'AIDAEXAMPLEALICE0001', Arn: arn('user/alice'), Path: '/', CreateDate: new Date('2024-02-01T09:00:00Z') }, EnableDate: new Date('2024-02-01T09:10:00Z') },
      { SerialNumber: arn('mfa/spare') },
    ],
    oidcProviders: [
      {
        Arn: arn(`oidc-provider/${oidcHost}`),
        Url: oidcHost,
        ClientIDList: ['sts.amazonaws.com'],
        ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
        CreateDate: new Date('2025-01-01T00:00:00Z'),
        Tags: [{ Key: 'cluster', Value: 'prod' }],
      },
    ],
    serverCertificates: [
      {
        Path: '/',
        ServerCertificateName: 'legacy-elb',
        ServerCertificateId: 'ASCAEXAMPLELEGACYELB',
        Arn: arn('server-certificate/legacy-elb'),
        UploadDate: new Date('2022-04-01T00:00:00Z'),
        Expiration: new Date('2025-04-01T00:00:00Z'),
      },
    ],
  };
}
