import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetOpenIDConnectProviderCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListServerCertificatesCommand,
  ListVirtualMFADevicesCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { mockClient } from 'aws-sdk-client-mock';
import { ALL_CHECKS } from '../../../lib/checks';
import type { Check } from '../../../lib/engine/check';
import { runChecks } from '../../../lib/engine/run';
import { GLOBAL_REGION, iamPolicySchema, inventorySchema, type Inventory, type ResourceKind } from '../../../lib/model';
import { collectInventory } from '../../../lib/sources/live/collect';
import type { Collector } from '../../../lib/sources/live/collector';
import {
  createIamCollector,
  iamCollector,
  parseCsv,
  toCredentialReport,
  toCredentialReportRows,
  toIamPolicy,
  toPasswordPolicy,
} from '../../../lib/sources/live/collectors/iam';
import { exampleIamWorld, type IamWorld } from '../../../lib/testing/simulated-aws/services/iam';
import { AUTHORIZATION_PAGES, CREDENTIAL_REPORT_CSV, REC_ACCOUNT } from '../../fixtures/live-iam/recorded';
import { COLLECTED_AT, IDENTITY_ACCOUNT, collectFrom, identityWorld, serviceCalls, simulateIdentity } from '../../fixtures/live-iam/sim';

const FAST_POLLING = { maxPolls: 3, delayMs: 1 };
const fastIam = createIamCollector({ credentialReport: FAST_POLLING });
const IAM_ARN = (rest: string) => `arn:aws:iam::${REC_ACCOUNT}:${rest}`;
const AUTH_KINDS: ResourceKind[] = ['iam.user', 'iam.group', 'iam.role', 'iam.policy'];

const byId = <T extends { id: string }>(items: readonly T[] | undefined, id: string) => items?.find((r) => r.id === id);
const coverageOf = (inventory: Inventory, kind: ResourceKind) => inventory.coverage.filter((c) => c.kind === kind && c.region === GLOBAL_REGION);
const checksReading = (kind: ResourceKind, part?: string): Check[] =>
  ALL_CHECKS.filter((c) => c.kind === kind && (part === undefined || (c.parts ?? []).includes(part)));
const findingsOf = (inventory: Inventory, checks: readonly Check[]) => {
  const ids = new Set(checks.map((c) => c.id));
  return runChecks(inventory, ALL_CHECKS, { now: COLLECTED_AT }).findings.filter((f) => ids.has(f.checkId));
};

describe('IAM collector: mapping recorded responses (aws-sdk-client-mock)', () => {
  const sts = mockClient(STSClient);
  const ec2 = mockClient(EC2Client);
  const iam = mockClient(IAMClient);

  beforeEach(() => {
    sts.reset();
    ec2.reset();
    iam.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: REC_ACCOUNT, Arn: IAM_ARN('user/auditor') });
    ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }] });
  });
  afterAll(() => {
    sts.restore();
    ec2.restore();
    iam.restore();
  });

  /** Every IAM call answered as an empty account would; a test then overrides what it is about. */
  function emptyAccount(): void {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({ IsTruncated: false });
    iam.on(GetAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: `The Password Policy with domain name ${REC_ACCOUNT} cannot be found.`, $metadata: {} }));
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: {} });
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(CREDENTIAL_REPORT_CSV.split('\r\n')[0]!), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-11-25T00:00:00Z') });
    iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [], IsTruncated: false });
    iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [] });
    iam.on(ListServerCertificatesCommand).resolves({ ServerCertificateMetadataList: [], IsTruncated: false });
  }

  const collect = (collector: Collector = fastIam) =>
    collectInventory({ credentials: { accessKeyId: 'AKIAMOCK', secretAccessKey: 'mock' }, collectors: [collector], homeRegion: 'us-east-1', now: () => COLLECTED_AT });

  test('GetAccountAuthorizationDetails over two pages: URL-encoded documents decoded, Dates as ISO strings, group names as ARNs', async () => {
    emptyAccount();
    iam.on(GetAccountAuthorizationDetailsCommand).resolvesOnce(AUTHORIZATION_PAGES[0]!).resolvesOnce(AUTHORIZATION_PAGES[1]!);
    const inventory = await collect();
    expect(inventorySchema.safeParse(inventory).success).toBe(true);

    const calls = iam.commandCalls(GetAccountAuthorizationDetailsCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ Filter: expect.arrayContaining(['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy']), MaxItems: 1000 });
    expect(calls[1]).toMatchObject({ Marker: 'AAEAAQAAAA8AAAAB' });

    const bob = byId(inventory.resources['iam.user'], IAM_ARN('user/people/bob'))!;
    expect(bob).toMatchObject({
      name: 'bob',
      path: '/people/',
      createdAt: '2019-12-02T14:21:08.000Z',
      origin: { kind: 'aws', accountId: REC_ACCOUNT, region: GLOBAL_REGION },
      tags: { 'cost-center': '42' },
      // The second group is only on the second page.
      groups: [IAM_ARN('group/ops'), IAM_ARN('group/team/readers')],
      attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      permissionsBoundary: IAM_ARN('policy/boundary'),
    });
    expect(bob.inlinePolicies[0]).toEqual({
      name: 'deny-without-mfa',
      document: {
        Version: '2012-10-17',
        Statement: [{ Sid: 'DenyWithoutMfa', Effect: 'Deny', NotAction: ['iam:*'], Resource: ['*'], Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': ['false'] } } }],
      },
    });
    expect(byId(inventory.resources['iam.user'], IAM_ARN('user/bare'))).toEqual(
      expect.objectContaining({ inlinePolicies: [], attachedPolicies: [], groups: [], tags: {} }),
    );

    const ops = byId(inventory.resources['iam.group'], IAM_ARN('group/ops'))!;
    expect(ops.inlinePolicies[0]!.document).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::reports/*'] }] });

    const worker = byId(inventory.resources['iam.role'], IAM_ARN('role/worker'))!;
    expect(worker).toMatchObject({
      trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
      lastUsed: { date: '2026-11-01T17:00:00.000Z', region: 'eu-central-1' },
      instanceProfiles: [IAM_ARN('instance-profile/worker')],
      createdAt: '2021-03-03T03:03:03.000Z',
    });
    const idle = byId(inventory.resources['iam.role'], IAM_ARN('role/service-role/idle'))!;
    expect(idle).toMatchObject({ lastUsed: {}, inlinePolicies: [], attachedPolicies: [], instanceProfiles: [] });
    expect(idle.permissionsBoundary).toBeUndefined();
  });

  test('managed policies carry the document of their default version only; unused AWS managed policies are left out', async () => {
    emptyAccount();
    iam.on(GetAccountAuthorizationDetailsCommand).resolvesOnce(AUTHORIZATION_PAGES[0]!).resolvesOnce(AUTHORIZATION_PAGES[1]!);
    const inventory = await collect();
    const policies = inventory.resources['iam.policy']!;
    expect(policies.map((p) => p.id).sort()).toEqual([IAM_ARN('policy/boundary'), IAM_ARN('policy/leftover'), 'arn:aws:iam::aws:policy/AdministratorAccess']);
    // v3 is the default although v1 and v2 (full admin) come first in the list.
    expect(byId(policies, IAM_ARN('policy/boundary'))).toMatchObject({
      awsManaged: false,
      defaultVersionId: 'v3',
      attachmentCount: 1,
      isAttachable: true,
      document: { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'] }] },
    });
    expect(byId(policies, 'arn:aws:iam::aws:policy/AdministratorAccess')).toMatchObject({ awsManaged: true, document: { Statement: [{ Action: ['*'], Resource: ['*'] }] } });
  });

  test('a managed policy listed without a default version is kept incomplete, never judged on an empty document', () => {
    const policy = toIamPolicy(
      { PolicyName: 'odd', Arn: IAM_ARN('policy/odd'), DefaultVersionId: 'v2', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: false, Document: '%7B%7D' }] },
      { accountId: REC_ACCOUNT, partition: 'aws' },
    );
    expect(policy.incomplete).toMatchObject({ code: 'UNEXPECTED', operation: 'GetAccountAuthorizationDetails' });
    expect(iamPolicySchema.safeParse(policy).success).toBe(true);
  });

  test('the credential report is polled until COMPLETE, then decoded from bytes with its root row', async () => {
    emptyAccount();
    iam.on(GenerateCredentialReportCommand).resolvesOnce({ State: 'STARTED' }).resolvesOnce({ State: 'INPROGRESS' }).resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(CREDENTIAL_REPORT_CSV), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-11-25T23:00:00Z') });
    const inventory = await collect();
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(3);
    const account = inventory.resources['iam.account']![0]!;
    expect(account.id).toBe(`arn:aws:iam::${REC_ACCOUNT}:root`);
    expect(account.credentialReport.generatedAt).toBe('2026-11-25T23:00:00.000Z');
    expect(account.credentialReport.rows.map((r) => r.user)).toEqual(['<root_account>', 'bob', 'ops,oncall']);
    expect(coverageOf(inventory, 'iam.account')).toEqual([{ kind: 'iam.account', region: GLOBAL_REGION, status: 'ok' }]);
  });

  test('a credential report that never completes within the allowed polls is a part failure, not a hang', async () => {
    emptyAccount();
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    const inventory = await collect();
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(FAST_POLLING.maxPolls);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(0);
    expect(coverageOf(inventory, 'iam.account')).toEqual(
      expect.arrayContaining([
        { kind: 'iam.account', region: GLOBAL_REGION, status: 'ok' },
        expect.objectContaining({ status: 'error', part: 'credentialReport', issue: expect.objectContaining({ code: 'UNEXPECTED', service: 'iam', operation: 'GenerateCredentialReport' }) }),
      ]),
    );
    // The other parts are there.
    expect(inventory.resources['iam.account']![0]).toMatchObject({ passwordPolicy: null, credentialReport: { rows: [] } });
  });

  test('no password policy (NoSuchEntity) is a fact; an answer with defaults left out gets IAM defaults', async () => {
    emptyAccount();
    let inventory = await collect();
    expect(inventory.resources['iam.account']![0]!.passwordPolicy).toBeNull();
    expect(coverageOf(inventory, 'iam.account').every((c) => c.status === 'ok')).toBe(true);

    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 12, RequireSymbols: true, ExpirePasswords: false } });
    inventory = await collect();
    expect(inventory.resources['iam.account']![0]!.passwordPolicy).toEqual({
      minimumLength: 12,
      requireSymbols: true,
      requireNumbers: false,
      requireUppercase: false,
      requireLowercase: false,
      allowUsersToChangePassword: false,
      hardExpiry: false,
    });
  });

  test('account summary, virtual MFA devices over pages, server certificates over pages', async () => {
    emptyAccount();
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 3 } });
    iam.on(ListVirtualMFADevicesCommand)
      .resolvesOnce({ VirtualMFADevices: [{ SerialNumber: `arn:aws:iam::${REC_ACCOUNT}:mfa/root-account-mfa-device`, User: { Arn: `arn:aws:iam::${REC_ACCOUNT}:root`, UserName: '', UserId: REC_ACCOUNT, Path: '', CreateDate: new Date(0) }, EnableDate: new Date('2020-02-02T00:00:00Z') }], IsTruncated: true, Marker: 'm1' })
      .resolvesOnce({ VirtualMFADevices: [{ SerialNumber: IAM_ARN('mfa/unassigned') }], IsTruncated: false });
    iam.on(ListServerCertificatesCommand)
      .resolvesOnce({ ServerCertificateMetadataList: [{ Path: '/', ServerCertificateName: 'a', ServerCertificateId: 'ASCA1', Arn: IAM_ARN('server-certificate/a'), Expiration: new Date('2024-01-01T00:00:00Z') }], IsTruncated: true, Marker: 'c1' })
      .resolvesOnce({ ServerCertificateMetadataList: [{ Path: '/cloudfront/', ServerCertificateName: 'b', ServerCertificateId: 'ASCA2', Arn: IAM_ARN('server-certificate/cloudfront/b'), UploadDate: new Date('2023-01-01T00:00:00Z'), Expiration: new Date('2027-01-01T00:00:00Z') }], IsTruncated: false });
    const inventory = await collect();
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const account = inventory.resources['iam.account']![0]!;
    expect(account.summary).toEqual({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 3 });
    expect(account.virtualMfaDevices).toEqual([
      { serialNumber: `arn:aws:iam::${REC_ACCOUNT}:mfa/root-account-mfa-device`, userArn: `arn:aws:iam::${REC_ACCOUNT}:root`, enableDate: '2020-02-02T00:00:00.000Z' },
      { serialNumber: IAM_ARN('mfa/unassigned') },
    ]);
    expect(iam.commandCalls(ListVirtualMFADevicesCommand)[1]!.args[0].input).toMatchObject({ Marker: 'm1' });
    expect(inventory.resources['iam.server-certificate']).toEqual([
      expect.objectContaining({ id: IAM_ARN('server-certificate/a'), name: 'a', expiration: '2024-01-01T00:00:00.000Z' }),
      expect.objectContaining({ id: IAM_ARN('server-certificate/cloudfront/b'), uploadDate: '2023-01-01T00:00:00.000Z', expiration: '2027-01-01T00:00:00.000Z' }),
    ]);
    expect(inventory.resources['iam.server-certificate']![0]).not.toHaveProperty('uploadDate');
  });

  test('OIDC providers: the URL without its scheme; a failing GetOpenIDConnectProvider marks only that provider', async () => {
    emptyAccount();
    const eks = IAM_ARN('oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/A1B2C3');
    const github = IAM_ARN('oidc-provider/token.actions.githubusercontent.com');
    iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [{ Arn: eks }, { Arn: github }] });
    iam.on(GetOpenIDConnectProviderCommand, { OpenIDConnectProviderArn: eks }).resolves({
      Url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/A1B2C3',
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
      CreateDate: new Date('2025-01-01T00:00:00Z'),
    });
    iam.on(GetOpenIDConnectProviderCommand, { OpenIDConnectProviderArn: github }).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    const inventory = await collect();
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const providers = inventory.resources['iam.oidc-provider']!;
    expect(byId(providers, eks)).toEqual({
      kind: 'iam.oidc-provider',
      id: eks,
      origin: { kind: 'aws', arn: eks, accountId: REC_ACCOUNT, region: GLOBAL_REGION },
      tags: {},
      arn: eks,
      url: 'oidc.eks.eu-west-1.amazonaws.com/id/A1B2C3',
      clientIds: ['sts.amazonaws.com'],
      thumbprints: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
    });
    expect(byId(providers, github)).toMatchObject({ url: 'token.actions.githubusercontent.com', incomplete: { code: 'ACCESS_DENIED', operation: 'GetOpenIDConnectProvider' } });
    expect(coverageOf(inventory, 'iam.oidc-provider')).toEqual([{ kind: 'iam.oidc-provider', region: GLOBAL_REGION, status: 'ok' }]);
  });
});

describe('credential report parsing', () => {
  test('the root row: not_supported password fields and N/A dates become absent values', () => {
    const [root, bob, comma] = toCredentialReportRows(CREDENTIAL_REPORT_CSV);
    expect(root).toEqual({
      user: '<root_account>',
      arn: `arn:aws:iam::${REC_ACCOUNT}:root`,
      userCreationTime: '2019-11-30T10:00:00.000Z',
      passwordLastUsed: '2026-11-02T08:15:00.000Z',
      mfaActive: true,
      accessKeys: [{ active: true, lastRotated: '2020-01-01T00:00:00.000Z' }, { active: false }],
      signingCertificates: [{ active: false }, { active: false }],
    });
    expect(bob).toEqual({
      user: 'bob',
      arn: IAM_ARN('user/people/bob'),
      userCreationTime: '2019-12-02T14:21:08.000Z',
      passwordEnabled: true,
      // `no_information`: the password has not been used since IAM began tracking.
      passwordLastChanged: '2019-12-02T14:30:00.000Z',
      passwordNextRotation: '2026-12-01T14:30:00.000Z',
      mfaActive: false,
      accessKeys: [
        { active: true, lastRotated: '2025-05-05T05:05:05.000Z', lastUsed: '2026-11-25T10:00:00.000Z', lastUsedRegion: 'us-east-1', lastUsedService: 'iam' },
        { active: true, lastRotated: '2026-01-01T00:00:00.000Z' },
      ],
      signingCertificates: [{ active: true, lastRotated: '2024-01-01T00:00:00.000Z' }, { active: false }],
    });
    expect(comma).toMatchObject({ user: 'ops,oncall', arn: IAM_ARN('user/ops,oncall'), passwordEnabled: false, mfaActive: false });
  });

  test('columns are read by header name, not position', () => {
    const rows = toCredentialReportRows('arn,mfa_active,user,password_enabled\narn:aws:iam::1:user/x,true,x,false\n');
    expect(rows).toEqual([{ user: 'x', arn: 'arn:aws:iam::1:user/x', passwordEnabled: false, mfaActive: true, accessKeys: [{ active: false }, { active: false }], signingCertificates: [{ active: false }, { active: false }] }]);
  });

  test('a report without the required columns is refused, and so is a format other than CSV', () => {
    expect(() => toCredentialReportRows('name,value\na,b')).toThrow(expect.objectContaining({ code: 'CREDENTIAL_REPORT_INVALID' }));
    expect(() => toCredentialReport({ Content: new Uint8Array(), ReportFormat: 'text/html' as never })).toThrow(expect.objectContaining({ code: 'CREDENTIAL_REPORT_INVALID' }));
  });

  test('an empty report (header only) has no rows', () => {
    expect(toCredentialReport({ Content: new TextEncoder().encode('user,arn,mfa_active\n'), ReportFormat: 'text/csv' })).toEqual({ rows: [] });
  });

  test('CSV: quoted fields with commas, doubled quotes and line breaks; CRLF and LF; no final newline', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4')).toEqual({
      header: ['a', 'b,c', 'say "hi"', 'two\nlines'],
      records: [{ a: '1', 'b,c': '2', 'say "hi"': '3', 'two\nlines': '4' }],
    });
    expect(parseCsv('x,\n\n,y\n')).toEqual({ header: ['x', ''], records: [{ x: '', '': 'y' }] });
  });
});

describe('password policy mapping', () => {
  test('passwords that expire keep their age; reuse prevention 0 means none', () => {
    expect(toPasswordPolicy({ MinimumPasswordLength: 14, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 0, HardExpiry: true })).toMatchObject({
      minimumLength: 14,
      maxPasswordAge: 90,
      hardExpiry: true,
    });
    expect(toPasswordPolicy({ MinimumPasswordLength: 14, PasswordReusePrevention: 0 })).not.toHaveProperty('passwordReusePrevention');
    expect(toPasswordPolicy({})).toMatchObject({ minimumLength: 6, requireSymbols: false });
  });
});

describe('IAM collector through the simulated AWS', () => {
  const world = (iam: IamWorld = exampleIamWorld(IDENTITY_ACCOUNT)) => identityWorld({ iam });

  test('collects every IAM kind once, under region global, valid against the model', async () => {
    const sim = simulateIdentity(world());
    const inventory = await collectFrom(sim, [fastIam]);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    expect(inventory.coverage.filter((c) => c.kind.startsWith('iam.'))).toEqual(
      ['iam.account', 'iam.group', 'iam.oidc-provider', 'iam.policy', 'iam.role', 'iam.server-certificate', 'iam.user'].map((kind) => ({ kind, region: GLOBAL_REGION, status: 'ok' })),
    );
    const r = inventory.resources;
    expect(r['iam.user']!.map((u) => u.name)).toEqual(['alice', 'ci-deployer']);
    expect(byId(r['iam.user'], `arn:aws:iam::${IDENTITY_ACCOUNT}:user/alice`)!.groups).toEqual([`arn:aws:iam::${IDENTITY_ACCOUNT}:group/admins`]);
    expect(r['iam.policy']!.map((p) => p.id).sort()).toEqual([
      `arn:aws:iam::${IDENTITY_ACCOUNT}:policy/app-read`,
      'arn:aws:iam::aws:policy/AdministratorAccess',
      'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
    ]);
    expect(r['iam.account']![0]).toMatchObject({
      id: `arn:aws:iam::${IDENTITY_ACCOUNT}:root`,
      accountId: IDENTITY_ACCOUNT,
      passwordPolicy: { minimumLength: 14, maxPasswordAge: 90, passwordReusePrevention: 24 },
      credentialReport: { generatedAt: '2026-11-25T23:50:00.000Z' },
    });
    expect(r['iam.account']![0]!.credentialReport.rows).toHaveLength(3);
    expect(r['iam.oidc-provider']![0]!.url).toBe('oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');
    expect(r['iam.server-certificate']).toHaveLength(1);
    // Eight entities in pages of two: four calls, shared by the four tasks that read them.
    expect(serviceCalls(sim, 'iam')).toMatchObject({ 'iam:GetAccountAuthorizationDetails': 4, 'iam:GenerateCredentialReport': 1, 'iam:GetCredentialReport': 1 });
  });

  test('each task calls only the IAM actions it declares', async () => {
    for (const task of fastIam.tasks) {
      const sim = simulateIdentity(world());
      await collectFrom(sim, [{ ...fastIam, tasks: [task] }]);
      const called = Object.keys(serviceCalls(sim, 'iam'));
      expect({ kind: task.kind, undeclared: called.filter((op) => !task.permissions.includes(op)) }).toEqual({ kind: task.kind, undeclared: [] });
      expect(called.length).toBeGreaterThan(0);
    }
  });

  test('AccessDenied on GetAccountAuthorizationDetails: users, groups, roles and policies are errors in coverage and their findings UNKNOWN', async () => {
    const sim = simulateIdentity(world()).inject({ operation: 'iam:GetAccountAuthorizationDetails', type: 'access-denied' });
    const inventory = await collectFrom(sim, [fastIam]);
    for (const kind of AUTH_KINDS) {
      expect(coverageOf(inventory, kind)).toEqual([
        expect.objectContaining({ status: 'error', issue: expect.objectContaining({ code: 'ACCESS_DENIED', service: 'iam', operation: 'GetAccountAuthorizationDetails' }) }),
      ]);
    }
    // One listing denied, one call: the shared stream is not asked again per task.
    expect(sim.calls['iam:GetAccountAuthorizationDetails']).toBe(1);
    const related = findingsOf(inventory, AUTH_KINDS.flatMap((k) => checksReading(k)));
    expect(related.length).toBeGreaterThan(0);
    expect(related.filter((f) => f.status !== 'UNKNOWN')).toEqual([]);
    // The account-level data is still judged.
    expect(coverageOf(inventory, 'iam.account').every((c) => c.status === 'ok')).toBe(true);
  });

  test('no password policy (NoSuchEntity) is a fact: passwordPolicy null, coverage ok, password-policy findings FAIL', async () => {
    const { passwordPolicy: _dropped, ...withoutPolicy } = exampleIamWorld(IDENTITY_ACCOUNT);
    void _dropped;
    const sim = simulateIdentity(world(withoutPolicy));
    const inventory = await collectFrom(sim, [fastIam]);
    expect(sim.calls['iam:GetAccountPasswordPolicy']).toBe(1);
    expect(inventory.resources['iam.account']![0]!.passwordPolicy).toBeNull();
    expect(coverageOf(inventory, 'iam.account')).toEqual([{ kind: 'iam.account', region: GLOBAL_REGION, status: 'ok' }]);
    const findings = findingsOf(inventory, checksReading('iam.account', 'passwordPolicy'));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.status === 'FAIL')).toBe(true);
  });

  test('AccessDenied on GetAccountPasswordPolicy is a part failure: password-policy findings UNKNOWN, credential-report findings still judged', async () => {
    const sim = simulateIdentity(world()).inject({ operation: 'iam:GetAccountPasswordPolicy', type: 'access-denied' });
    const inventory = await collectFrom(sim, [fastIam]);
    expect(coverageOf(inventory, 'iam.account')).toEqual([
      { kind: 'iam.account', region: GLOBAL_REGION, status: 'ok' },
      expect.objectContaining({ status: 'error', part: 'passwordPolicy', issue: expect.objectContaining({ code: 'ACCESS_DENIED', operation: 'GetAccountPasswordPolicy' }) }),
    ]);
    const policyFindings = findingsOf(inventory, checksReading('iam.account', 'passwordPolicy'));
    expect(policyFindings.length).toBeGreaterThan(0);
    expect(policyFindings.every((f) => f.status === 'UNKNOWN')).toBe(true);
    const reportOnly = checksReading('iam.account', 'credentialReport').filter((c) => !(c.parts ?? []).includes('passwordPolicy'));
    const reportFindings = findingsOf(inventory, reportOnly);
    expect(reportFindings.length).toBeGreaterThan(0);
    expect(reportFindings.some((f) => f.status === 'PASS' || f.status === 'FAIL')).toBe(true);
    expect(reportFindings.filter((f) => f.status === 'UNKNOWN' && f.resource.kind === 'account')).toEqual([]);
  });

  test('a credential report still in progress after the allowed polls: a part failure with no download, the rest judged', async () => {
    const iam = exampleIamWorld(IDENTITY_ACCOUNT);
    const sim = simulateIdentity(world({ ...iam, credentialReport: { ...iam.credentialReport!, pollsBeforeComplete: 'never' } }));
    const inventory = await collectFrom(sim, [fastIam]);
    expect(sim.calls['iam:GenerateCredentialReport']).toBe(FAST_POLLING.maxPolls);
    expect(sim.calls['iam:GetCredentialReport']).toBeUndefined();
    expect(coverageOf(inventory, 'iam.account')).toContainEqual(
      expect.objectContaining({ status: 'error', part: 'credentialReport', issue: expect.objectContaining({ code: 'UNEXPECTED', operation: 'GenerateCredentialReport' }) }),
    );
    const reportFindings = findingsOf(inventory, checksReading('iam.account', 'credentialReport'));
    expect(reportFindings.length).toBeGreaterThan(0);
    expect(reportFindings.every((f) => f.status === 'UNKNOWN')).toBe(true);
    const policyFindings = findingsOf(inventory, checksReading('iam.account', 'passwordPolicy'));
    expect(policyFindings.every((f) => f.status !== 'UNKNOWN')).toBe(true);
  });

  test('a report that needs a few polls is fetched once it is COMPLETE', async () => {
    const iam = exampleIamWorld(IDENTITY_ACCOUNT);
    const sim = simulateIdentity(world({ ...iam, credentialReport: { ...iam.credentialReport!, pollsBeforeComplete: 2 } }));
    const inventory = await collectFrom(sim, [fastIam]);
    expect(sim.calls['iam:GenerateCredentialReport']).toBe(3);
    expect(sim.calls['iam:GetCredentialReport']).toBe(1);
    expect(inventory.resources['iam.account']![0]!.credentialReport.rows.map((r) => r.user)).toEqual(['<root_account>', 'alice', 'ci-deployer']);
  });

  test('a throttled GetCredentialReport that fails for good is a part failure of the download', async () => {
    const sim = simulateIdentity(world()).inject({ operation: 'iam:GetCredentialReport', type: 'throttle' });
    const inventory = await collectFrom(sim, [fastIam]);
    expect(coverageOf(inventory, 'iam.account')).toContainEqual(
      expect.objectContaining({ status: 'error', part: 'credentialReport', issue: expect.objectContaining({ code: 'THROTTLED', operation: 'GetCredentialReport' }) }),
    );
  });

  test('one failing GetOpenIDConnectProvider marks only that provider', async () => {
    const iam = exampleIamWorld(IDENTITY_ACCOUNT);
    const second = { ...iam.oidcProviders![0]!, Arn: `arn:aws:iam::${IDENTITY_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`, Url: 'token.actions.githubusercontent.com' };
    const sim = simulateIdentity(world({ ...iam, oidcProviders: [...iam.oidcProviders!, second] })).inject({ operation: 'iam:GetOpenIDConnectProvider', type: 'access-denied', times: 1 });
    const inventory = await collectFrom(sim, [fastIam]);
    const providers = inventory.resources['iam.oidc-provider']!;
    expect(providers).toHaveLength(2);
    expect(providers.filter((p) => p.incomplete)).toHaveLength(1);
    expect(coverageOf(inventory, 'iam.oidc-provider')).toEqual([{ kind: 'iam.oidc-provider', region: GLOBAL_REGION, status: 'ok' }]);
  });

  test('throttling on 30 % of IAM calls is retried and the report equals the clean one', async () => {
    const clean = await collectFrom(simulateIdentity(world()), [fastIam]);
    const sim = simulateIdentity(world()).inject({ operation: 'iam:*', type: 'throttle', rate: 0.3 });
    const throttled = await collectFrom(sim, [fastIam], { retryStrategy: new ConfiguredRetryStrategy(10, () => 1) });
    expect(throttled.source.collection!.throttles).toBeGreaterThan(0);
    expect(throttled.coverage).toEqual(clean.coverage);
    expect(runChecks(throttled, ALL_CHECKS, { now: COLLECTED_AT }).findings).toEqual(runChecks(clean, ALL_CHECKS, { now: COLLECTED_AT }).findings);
  });

  test('IAM is collected once, not per region', async () => {
    const sim = simulateIdentity(world());
    await collectFrom(sim, [fastIam]);
    expect(sim.calls['iam:GetAccountSummary']).toBe(1);
    expect(sim.calls['iam:ListOpenIDConnectProviders']).toBe(1);
  });

  test('the default collector declares the same tasks', () => {
    expect(iamCollector.tasks.map((t) => [t.kind, t.permissions])).toEqual(fastIam.tasks.map((t) => [t.kind, t.permissions]));
    expect(iamCollector).toMatchObject({ service: 'iam', scope: 'global' });
  });
});
