import { parse } from 'csv-parse/sync';
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetOpenIDConnectProviderCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListServerCertificates,
  paginateListVirtualMFADevices,
  type EntityType,
  type GetCredentialReportResponse,
  type GetOpenIDConnectProviderResponse,
  type GroupDetail,
  type ManagedPolicyDetail,
  type PasswordPolicy as SdkPasswordPolicy,
  type PolicyDetail,
  type RoleDetail,
  type ServerCertificateMetadata,
  type UserDetail,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import { HardeksError } from '../../../errors';
import {
  GLOBAL_REGION,
  parsePolicyDocument,
  type CollectionIssue,
  type CredentialReportRow,
  type IamAccount,
  type IamGroup,
  type IamOidcProvider,
  type IamPolicy,
  type IamRole,
  type IamServerCertificate,
  type IamUser,
  type InlinePolicy,
  type Origin,
  type PasswordPolicy,
} from '../../../model';
import type { Collector, TaskContext } from '../collector';
import { compact, isoDate, tagMap } from '../convert';

/** The account whose IAM data is mapped; IAM resources are recorded in region `global`. */
export interface IamLocation {
  readonly accountId: string;
  readonly partition: string;
}

/** Raised on purpose when IAM hands over something the collector cannot use; recorded as a failed part. */
export class IamCollectionError extends HardeksError {}

const origin = (arn: string, at: IamLocation): Origin => ({ kind: 'aws', arn, accountId: at.accountId, region: GLOBAL_REGION });

/** The synthetic id of `iam.account` (docs/design.md): the root user's ARN. */
export const iamAccountId = (at: IamLocation) => `arn:${at.partition}:iam::${at.accountId}:root`;

// ---------------------------------------------------------------------------------------------
// GetAccountAuthorizationDetails → users, groups, roles, managed policies
// ---------------------------------------------------------------------------------------------

/**
 * Every entity type, named explicitly: with `AWSManagedPolicy` IAM includes the AWS managed
 * policies in use in the account, each with its version documents, so a principal's attached
 * `arn:aws:iam::aws:policy/...` can be judged without one GetPolicyVersion call per policy.
 */
export const AUTHORIZATION_DETAILS_FILTER: readonly EntityType[] = ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'];

/** IAM's largest page (MaxItems): fewer calls on big accounts. */
const IAM_MAX_ITEMS = 1000;

/** The whole GetAccountAuthorizationDetails stream, every page appended. */
export interface AuthorizationDetails {
  readonly users: UserDetail[];
  readonly groups: GroupDetail[];
  readonly roles: RoleDetail[];
  readonly policies: ManagedPolicyDetail[];
}

const inlinePolicies = (list: readonly PolicyDetail[] | undefined): InlinePolicy[] =>
  (list ?? []).map((p) => ({ name: p.PolicyName!, document: parsePolicyDocument(p.PolicyDocument) }));

const attachedArns = (list: readonly { PolicyArn?: string }[] | undefined): string[] => (list ?? []).flatMap((p) => (p.PolicyArn ? [p.PolicyArn] : []));

/** Group names (what a UserDetail lists) → group ARNs (what the model references), from the same stream. */
export function groupArnsByName(groups: readonly GroupDetail[]): Map<string, string> {
  return new Map(groups.flatMap((g) => (g.GroupName && g.Arn ? [[g.GroupName, g.Arn] as const] : [])));
}

/** A group missing from the stream (renamed between pages) still gets an ARN of the right shape. */
const groupArnOf = (name: string, known: ReadonlyMap<string, string>, at: IamLocation) => known.get(name) ?? `arn:${at.partition}:iam::${at.accountId}:group/${name}`;

export function toIamUser(u: UserDetail, groupArns: ReadonlyMap<string, string>, at: IamLocation): IamUser {
  const arn = u.Arn!;
  return compact({
    kind: 'iam.user' as const,
    id: arn,
    origin: origin(arn, at),
    tags: tagMap(u.Tags),
    name: u.UserName!,
    arn,
    path: u.Path,
    createdAt: isoDate(u.CreateDate),
    inlinePolicies: inlinePolicies(u.UserPolicyList),
    attachedPolicies: attachedArns(u.AttachedManagedPolicies),
    groups: (u.GroupList ?? []).map((name) => groupArnOf(name, groupArns, at)),
    permissionsBoundary: u.PermissionsBoundary?.PermissionsBoundaryArn,
  });
}

export function toIamGroup(g: GroupDetail, at: IamLocation): IamGroup {
  const arn = g.Arn!;
  return compact({
    kind: 'iam.group' as const,
    id: arn,
    origin: origin(arn, at),
    name: g.GroupName!,
    arn,
    path: g.Path,
    inlinePolicies: inlinePolicies(g.GroupPolicyList),
    attachedPolicies: attachedArns(g.AttachedManagedPolicies),
  });
}

export function toIamRole(r: RoleDetail, at: IamLocation): IamRole {
  const arn = r.Arn!;
  return compact({
    kind: 'iam.role' as const,
    id: arn,
    origin: origin(arn, at),
    tags: tagMap(r.Tags),
    name: r.RoleName!,
    arn,
    path: r.Path,
    createdAt: isoDate(r.CreateDate),
    trustPolicy: parsePolicyDocument(r.AssumeRolePolicyDocument),
    inlinePolicies: inlinePolicies(r.RolePolicyList),
    attachedPolicies: attachedArns(r.AttachedManagedPolicies),
    permissionsBoundary: r.PermissionsBoundary?.PermissionsBoundaryArn,
    // IAM answers RoleLastUsed: {} for a role not used within its tracking period: kept as "no use known".
    lastUsed: r.RoleLastUsed ? compact({ date: isoDate(r.RoleLastUsed.LastUsedDate), region: r.RoleLastUsed.Region }) : undefined,
    instanceProfiles: (r.InstanceProfileList ?? []).flatMap((p) => (p.Arn ? [p.Arn] : [])),
  });
}

export const isAwsManagedPolicyArn = (arn: string) => /^arn:[a-z-]+:iam::aws:policy\//.test(arn);

/** A managed policy with the document of its DEFAULT version (older versions do not apply). */
export function toIamPolicy(p: ManagedPolicyDetail, at: IamLocation): IamPolicy {
  const arn = p.Arn!;
  const defaultVersion = (p.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion);
  const base = {
    kind: 'iam.policy' as const,
    id: arn,
    origin: origin(arn, at),
    name: p.PolicyName!,
    arn,
    path: p.Path,
    awsManaged: isAwsManagedPolicyArn(arn),
    defaultVersionId: p.DefaultVersionId ?? defaultVersion?.VersionId,
    attachmentCount: p.AttachmentCount,
    isAttachable: p.IsAttachable,
  };
  if (!defaultVersion?.Document) {
    // Without its default document the policy cannot be judged: every check of it says UNKNOWN.
    const incomplete: CollectionIssue = { code: 'UNEXPECTED', service: 'iam', operation: 'GetAccountAuthorizationDetails', message: `no default version document for ${arn}` };
    return compact({ ...base, document: { Statement: [] }, incomplete });
  }
  return compact({ ...base, document: parsePolicyDocument(defaultVersion.Document) });
}

/**
 * The managed policies the inventory keeps: every customer managed one, and the AWS managed ones in
 * use (attached, or a permissions boundary) — whatever else IAM may list is of no consequence here.
 */
export function policiesInUse(details: AuthorizationDetails): ManagedPolicyDetail[] {
  const referenced = new Set<string>();
  for (const principal of [...details.users, ...details.groups, ...details.roles]) {
    for (const arn of attachedArns(principal.AttachedManagedPolicies)) referenced.add(arn);
    const boundary = 'PermissionsBoundary' in principal ? principal.PermissionsBoundary?.PermissionsBoundaryArn : undefined;
    if (boundary) referenced.add(boundary);
  }
  return details.policies.filter(
    (p) => !isAwsManagedPolicyArn(p.Arn ?? '') || referenced.has(p.Arn!) || (p.AttachmentCount ?? 0) > 0 || (p.PermissionsBoundaryUsageCount ?? 0) > 0,
  );
}

/** One paginated GetAccountAuthorizationDetails stream, shared by the user, group, role and policy tasks. */
function authorizationDetails(ctx: TaskContext): Promise<AuthorizationDetails> {
  return ctx.memo('authorizationDetails', async () => {
    const details: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [] };
    const pages = paginateGetAccountAuthorizationDetails({ client: ctx.client(IAMClient), pageSize: IAM_MAX_ITEMS }, { Filter: [...AUTHORIZATION_DETAILS_FILTER] });
    for await (const page of pages) {
      details.users.push(...(page.UserDetailList ?? []));
      details.groups.push(...(page.GroupDetailList ?? []));
      details.roles.push(...(page.RoleDetailList ?? []));
      details.policies.push(...(page.Policies ?? []));
    }
    return details;
  });
}

// ---------------------------------------------------------------------------------------------
// OIDC providers and server certificates
// ---------------------------------------------------------------------------------------------

/** IAM stores the issuer without its scheme; a response or emulator that adds one is normalised. */
export const withoutScheme = (url: string) => url.replace(/^https?:\/\//i, '');

/** `arn:aws:iam::123:oidc-provider/oidc.eks.../id/X` → `oidc.eks.../id/X`. */
const oidcUrlFromArn = (arn: string) => arn.slice(arn.indexOf(':oidc-provider/') + ':oidc-provider/'.length);

export function toIamOidcProvider(arn: string, p: GetOpenIDConnectProviderResponse, at: IamLocation): IamOidcProvider {
  return {
    kind: 'iam.oidc-provider',
    id: arn,
    origin: origin(arn, at),
    tags: tagMap(p.Tags),
    arn,
    url: withoutScheme(p.Url ?? oidcUrlFromArn(arn)),
    clientIds: p.ClientIDList ?? [],
    thumbprints: p.ThumbprintList ?? [],
  };
}

/** A provider whose GetOpenIDConnectProvider failed: known by ARN only, judged UNKNOWN. */
export function incompleteOidcProvider(arn: string, issue: CollectionIssue, at: IamLocation): IamOidcProvider {
  return { kind: 'iam.oidc-provider', id: arn, origin: origin(arn, at), incomplete: issue, arn, url: oidcUrlFromArn(arn), clientIds: [], thumbprints: [] };
}

export function toIamServerCertificate(m: ServerCertificateMetadata, at: IamLocation): IamServerCertificate {
  const arn = m.Arn!;
  return compact({
    kind: 'iam.server-certificate' as const,
    id: arn,
    origin: origin(arn, at),
    name: m.ServerCertificateName!,
    arn,
    expiration: isoDate(m.Expiration),
    uploadDate: isoDate(m.UploadDate),
  });
}

// ---------------------------------------------------------------------------------------------
// iam.account: password policy, summary, credential report, virtual MFA devices
// ---------------------------------------------------------------------------------------------

/** IAM's defaults for fields a policy response leaves out (a policy set with no options at all). */
export function toPasswordPolicy(p: SdkPasswordPolicy): PasswordPolicy {
  const expires = p.ExpirePasswords ?? (p.MaxPasswordAge ?? 0) > 0;
  return compact({
    minimumLength: p.MinimumPasswordLength ?? 6,
    requireSymbols: p.RequireSymbols ?? false,
    requireNumbers: p.RequireNumbers ?? false,
    requireUppercase: p.RequireUppercaseCharacters ?? false,
    requireLowercase: p.RequireLowercaseCharacters ?? false,
    allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
    maxPasswordAge: expires && p.MaxPasswordAge ? p.MaxPasswordAge : undefined,
    passwordReusePrevention: p.PasswordReusePrevention || undefined,
    hardExpiry: p.HardExpiry ?? false,
  });
}

/** IAM answers NoSuchEntity when the account has no password policy: that is the fact "none". */
export function isNoSuchEntity(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'NoSuchEntityException' || name === 'NoSuchEntity';
}

export function toSummary(map: Partial<Record<string, number>> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(map ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

export function toVirtualMfaDevice(d: VirtualMFADevice): IamAccount['virtualMfaDevices'][number] {
  return compact({ serialNumber: d.SerialNumber!, userArn: d.User?.Arn, enableDate: isoDate(d.EnableDate) });
}

/**
 * Parses the report's CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks; IAM
 * user names may contain commas) into rows of the header's column names.
 */
export function parseCsv(text: string): { header: string[]; records: Record<string, string>[] } {
  const rows = parse(text, { skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][];
  const [header, ...lines] = rows;
  if (!header) return { header: [], records: [] };
  return { header, records: lines.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']))) };
}

/** Placeholders the credential report writes where there is no value. */
const NO_VALUE = new Set(['', 'N/A', 'no_information', 'not_supported']);

const reportDate = (value: string | undefined) => (value === undefined || NO_VALUE.has(value) ? undefined : isoDate(value));
const reportText = (value: string | undefined) => (value === undefined || NO_VALUE.has(value) ? undefined : value);
/** `true`/`false`; the root row's `not_supported` (and anything else) is no answer. */
const reportFlag = (value: string | undefined) => (value === 'true' ? true : value === 'false' ? false : undefined);

const REQUIRED_COLUMNS = ['user', 'arn', 'mfa_active'];

/** The credential report's CSV → one model row per line, columns read by header name. */
export function toCredentialReportRows(csv: string): CredentialReportRow[] {
  const { header, records } = parseCsv(csv);
  if (header.length === 0) return [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new IamCollectionError('CREDENTIAL_REPORT_INVALID', `the credential report has no ${missing.join(', ')} column`);
  return records.map((record) => {
    const get = (column: string): string | undefined => record[column];
    const accessKey = (n: 1 | 2) =>
      compact({
        active: reportFlag(get(`access_key_${n}_active`)) ?? false,
        lastRotated: reportDate(get(`access_key_${n}_last_rotated`)),
        lastUsed: reportDate(get(`access_key_${n}_last_used_date`)),
        lastUsedRegion: reportText(get(`access_key_${n}_last_used_region`)),
        lastUsedService: reportText(get(`access_key_${n}_last_used_service`)),
      });
    const certificate = (n: 1 | 2) => compact({ active: reportFlag(get(`cert_${n}_active`)) ?? false, lastRotated: reportDate(get(`cert_${n}_last_rotated`)) });
    return compact({
      user: get('user')!,
      arn: get('arn')!,
      userCreationTime: reportDate(get('user_creation_time')),
      passwordEnabled: reportFlag(get('password_enabled')),
      passwordLastUsed: reportDate(get('password_last_used')),
      passwordLastChanged: reportDate(get('password_last_changed')),
      passwordNextRotation: reportDate(get('password_next_rotation')),
      mfaActive: reportFlag(get('mfa_active')) ?? false,
      accessKeys: [accessKey(1), accessKey(2)],
      signingCertificates: [certificate(1), certificate(2)],
    });
  });
}

export function toCredentialReport(out: GetCredentialReportResponse): IamAccount['credentialReport'] {
  if (out.ReportFormat !== undefined && out.ReportFormat !== 'text/csv') {
    throw new IamCollectionError('CREDENTIAL_REPORT_INVALID', `unsupported credential report format ${out.ReportFormat}`);
  }
  const csv = new TextDecoder('utf-8').decode(out.Content ?? new Uint8Array());
  return compact({ generatedAt: isoDate(out.GeneratedTime), rows: toCredentialReportRows(csv) });
}

/** How long to wait for IAM to finish a credential report: a bounded number of short waits. */
export interface CredentialReportPolling {
  /** GenerateCredentialReport calls at most, the first included. @default 15 */
  readonly maxPolls?: number;
  /** Wait between two calls, in milliseconds. @default 1000 */
  readonly delayMs?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asks IAM for a report until it is COMPLETE (immediately when one under four hours old exists). */
async function awaitCredentialReport(iam: IAMClient, polling: CredentialReportPolling): Promise<true> {
  const maxPolls = Math.max(1, polling.maxPolls ?? 15);
  for (let poll = 1; ; poll++) {
    const { State } = await iam.send(new GenerateCredentialReportCommand({}));
    if (State === 'COMPLETE') return true;
    if (poll >= maxPolls) {
      throw new IamCollectionError('CREDENTIAL_REPORT_NOT_READY', `the credential report was still ${State ?? 'not ready'} after ${maxPolls} GenerateCredentialReport calls`);
    }
    await wait(polling.delayMs ?? 1000);
  }
}

const EMPTY_REPORT: IamAccount['credentialReport'] = { rows: [] };

/** The credential report as two parts of one: a failed generation skips the download. */
async function credentialReport(ctx: TaskContext, polling: CredentialReportPolling): Promise<IamAccount['credentialReport']> {
  const iam = ctx.client(IAMClient);
  const ready = await ctx.part('iam.account', 'credentialReport', 'GenerateCredentialReport', () => awaitCredentialReport(iam, polling), false);
  if (!ready) return EMPTY_REPORT;
  return ctx.part('iam.account', 'credentialReport', 'GetCredentialReport', async () => toCredentialReport(await iam.send(new GetCredentialReportCommand({}))), EMPTY_REPORT);
}

async function passwordPolicy(ctx: TaskContext): Promise<PasswordPolicy | null> {
  const iam = ctx.client(IAMClient);
  return ctx.part(
    'iam.account',
    'passwordPolicy',
    'GetAccountPasswordPolicy',
    async () => {
      try {
        const out = await iam.send(new GetAccountPasswordPolicyCommand({}));
        return out.PasswordPolicy ? toPasswordPolicy(out.PasswordPolicy) : null;
      } catch (error) {
        if (isNoSuchEntity(error)) return null;
        throw error;
      }
    },
    null,
  );
}

async function virtualMfaDevices(ctx: TaskContext): Promise<IamAccount['virtualMfaDevices']> {
  return ctx.part(
    'iam.account',
    'virtualMfaDevices',
    'ListVirtualMFADevices',
    async () => {
      const devices: IamAccount['virtualMfaDevices'] = [];
      const pages = paginateListVirtualMFADevices({ client: ctx.client(IAMClient), pageSize: IAM_MAX_ITEMS }, { AssignmentStatus: 'Any' });
      for await (const page of pages) devices.push(...(page.VirtualMFADevices ?? []).map(toVirtualMfaDevice));
      return devices;
    },
    [],
  );
}

async function accountSummary(ctx: TaskContext): Promise<Record<string, number>> {
  const iam = ctx.client(IAMClient);
  return ctx.part('iam.account', 'summary', 'GetAccountSummary', async () => toSummary((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap), {});
}

// ---------------------------------------------------------------------------------------------
// The collector
// ---------------------------------------------------------------------------------------------

export interface IamCollectorOptions {
  readonly credentialReport?: CredentialReportPolling;
}

const at = (ctx: TaskContext): IamLocation => ({ accountId: ctx.accountId, partition: ctx.partition });

const AUTHORIZATION_DETAILS = 'iam:GetAccountAuthorizationDetails';

/** The IAM collector; options exist so tests can poll the credential report without real waits. */
export function createIamCollector(options: IamCollectorOptions = {}): Collector {
  return {
    service: 'iam',
    scope: 'global',
    tasks: [
      {
        kind: 'iam.user',
        permissions: [AUTHORIZATION_DETAILS],
        async collect(ctx) {
          const details = await authorizationDetails(ctx);
          const groups = groupArnsByName(details.groups);
          ctx.add('iam.user', ...details.users.map((u) => toIamUser(u, groups, at(ctx))));
        },
      },
      {
        kind: 'iam.group',
        permissions: [AUTHORIZATION_DETAILS],
        async collect(ctx) {
          ctx.add('iam.group', ...(await authorizationDetails(ctx)).groups.map((g) => toIamGroup(g, at(ctx))));
        },
      },
      {
        kind: 'iam.role',
        permissions: [AUTHORIZATION_DETAILS],
        async collect(ctx) {
          ctx.add('iam.role', ...(await authorizationDetails(ctx)).roles.map((r) => toIamRole(r, at(ctx))));
        },
      },
      {
        kind: 'iam.policy',
        permissions: [AUTHORIZATION_DETAILS],
        async collect(ctx) {
          ctx.add('iam.policy', ...policiesInUse(await authorizationDetails(ctx)).map((p) => toIamPolicy(p, at(ctx))));
        },
      },
      {
        kind: 'iam.oidc-provider',
        permissions: ['iam:ListOpenIDConnectProviders', 'iam:GetOpenIDConnectProvider'],
        async collect(ctx) {
          const iam = ctx.client(IAMClient);
          // Not paginated: IAM returns every provider of the account in one answer.
          const arns = ((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []).flatMap((p) => (p.Arn ? [p.Arn] : []));
          const providers = await Promise.all(
            arns.map(async (arn) => {
              const result = await ctx.perResource('GetOpenIDConnectProvider', () => iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })));
              return result.ok ? toIamOidcProvider(arn, result.value, at(ctx)) : incompleteOidcProvider(arn, result.issue, at(ctx));
            }),
          );
          ctx.add('iam.oidc-provider', ...providers);
        },
      },
      {
        kind: 'iam.server-certificate',
        permissions: ['iam:ListServerCertificates'],
        async collect(ctx) {
          const pages = paginateListServerCertificates({ client: ctx.client(IAMClient), pageSize: IAM_MAX_ITEMS }, {});
          for await (const page of pages) ctx.add('iam.server-certificate', ...(page.ServerCertificateMetadataList ?? []).map((m) => toIamServerCertificate(m, at(ctx))));
        },
      },
      {
        kind: 'iam.account',
        permissions: ['iam:GetAccountPasswordPolicy', 'iam:GetAccountSummary', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:ListVirtualMFADevices'],
        async collect(ctx) {
          // Four independent parts: one failing leaves the others usable (coverage names the part).
          const [policy, summary, report, devices] = await Promise.all([
            passwordPolicy(ctx),
            accountSummary(ctx),
            credentialReport(ctx, options.credentialReport ?? {}),
            virtualMfaDevices(ctx),
          ]);
          const id = iamAccountId(at(ctx));
          ctx.add('iam.account', { kind: 'iam.account', id, origin: origin(id, at(ctx)), accountId: ctx.accountId, passwordPolicy: policy, summary, credentialReport: report, virtualMfaDevices: devices });
        },
      },
    ],
  };
}

export const iamCollector: Collector = createIamCollector();
