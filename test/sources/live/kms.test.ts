import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { ALL_CHECKS } from '../../../lib/checks';
import { defineResourceCheck, pass } from '../../../lib/engine/check';
import { runChecks } from '../../../lib/engine/run';
import { inventorySchema, type KmsKey } from '../../../lib/model';
import { aliasesByKey, kmsCollector, rotationApplies, toKmsKey } from '../../../lib/sources/live/collectors/kms';
import { exampleKmsWorld, kmsService } from '../../../lib/testing/simulated-aws/services/kms';
import {
  AUDITED,
  NOW,
  SIM_ACCOUNT,
  alone,
  calledActions,
  closeClientFactories,
  collectFrom,
  collectMocked,
  findingsFor,
  mockAccount,
  sdkError,
  simWorldWith,
  simulateWith,
} from '../../fixtures/live-kms-cloudtrail-guardduty';

const EU = 'eu-west-1';
const at = { accountId: SIM_ACCOUNT, region: EU, partition: 'aws' };
const arn = (id: string) => `arn:aws:kms:${EU}:${SIM_ACCOUNT}:key/${id}`;

/** A recorded DescribeKey answer: Dates, and only the fields KMS sends for this kind of key. */
const customerKey = (id: string, extra: Partial<KeyMetadata> = {}): KeyMetadata => ({
  AWSAccountId: SIM_ACCOUNT,
  KeyId: id,
  Arn: arn(id),
  CreationDate: new Date('2024-03-12T13:58:02.123Z'),
  Enabled: true,
  Description: '',
  KeyUsage: 'ENCRYPT_DECRYPT',
  KeyState: 'Enabled',
  Origin: 'AWS_KMS',
  KeyManager: 'CUSTOMER',
  CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
  KeySpec: 'SYMMETRIC_DEFAULT',
  EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
  MultiRegion: false,
  ...extra,
});

const POLICY = '{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",\n  "Statement" : [ {\n    "Sid" : "Enable IAM User Permissions",\n    "Effect" : "Allow",\n    "Principal" : {\n      "AWS" : "arn:aws:iam::210987654321:root"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}';

/** Any KMS key check would be judged like this one: it passes every key it is shown. */
const probe = defineResourceCheck({
  id: 'kms-probe',
  kind: 'kms.key',
  title: 'Every key is seen by the probe',
  severity: 'info',
  description: 'Test probe: passes every key it evaluates.',
  risk: 'None, it is a test probe.',
  remediation: 'Nothing to do, it is a test probe.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/overview.html'],
  frameworks: { securityHub: ['KMS.0'] },
  evaluate: () => pass('seen'),
});

/** Registered checks that read KMS keys (there may be none yet: the probe stands for them). */
const kmsChecks = ALL_CHECKS.filter((c) => c.kind === 'kms.key');

afterEach(closeClientFactories);

describe('KMS mapping (pure)', () => {
  test.each([
    ['customer symmetric AWS_KMS', {}, true],
    ['AWS managed (rotated yearly by AWS, not configurable)', { KeyManager: 'AWS' as const }, false],
    ['asymmetric', { KeySpec: 'RSA_2048' as const, KeyUsage: 'SIGN_VERIFY' as const }, false],
    ['HMAC', { KeySpec: 'HMAC_256' as const, KeyUsage: 'GENERATE_VERIFY_MAC' as const }, false],
    ['imported material', { Origin: 'EXTERNAL' as const }, false],
    ['CloudHSM key store', { Origin: 'AWS_CLOUDHSM' as const }, false],
    ['external key store', { Origin: 'EXTERNAL_KEY_STORE' as const }, false],
    ['old recording with only CustomerMasterKeySpec', { KeySpec: undefined, CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT' as const }, true],
  ])('rotation applies to a %s key: %s', (_name, extra, applies) => {
    expect(rotationApplies(customerKey('k', extra))).toBe(applies);
  });

  test('a key policy is plain JSON; aliases, dates and rotation are mapped; empty description dropped', () => {
    const key = toKmsKey(
      customerKey('k1', { DeletionDate: undefined }),
      { policy: POLICY, rotation: { KeyRotationEnabled: true, RotationPeriodInDays: 180 }, aliases: ['alias/b', 'alias/a'], tags: [{ TagKey: 'env', TagValue: 'prod' }] },
      at,
    );
    expect(key).toEqual<KmsKey>({
      kind: 'kms.key',
      id: arn('k1'),
      origin: { kind: 'aws', arn: arn('k1'), accountId: SIM_ACCOUNT, region: EU },
      tags: { env: 'prod' },
      keyId: 'k1',
      arn: arn('k1'),
      keyManager: 'CUSTOMER',
      keyState: 'Enabled',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      keyMaterialOrigin: 'AWS_KMS',
      multiRegion: false,
      rotationEnabled: true,
      rotationPeriodDays: 180,
      policy: {
        Version: '2012-10-17',
        Id: 'key-default-1',
        Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${SIM_ACCOUNT}:root`] }, Action: ['kms:*'], Resource: ['*'] }],
      },
      aliases: ['alias/a', 'alias/b'],
      createdAt: '2024-03-12T13:58:02.123Z',
    });
  });

  test('without a rotation answer rotationEnabled stays absent; a pending deletion keeps its date', () => {
    const key = toKmsKey(customerKey('k2', { KeyManager: 'AWS', KeyState: 'PendingDeletion', DeletionDate: new Date('2026-12-01T00:00:00Z') }), { policy: POLICY, aliases: [] }, at);
    expect(key).not.toHaveProperty('rotationEnabled');
    expect(key).not.toHaveProperty('tags');
    expect(key).toMatchObject({ keyManager: 'AWS', keyState: 'PendingDeletion', deletionDate: '2026-12-01T00:00:00.000Z' });
  });

  test('a minimal recorded answer gets KMS defaults', () => {
    const key = toKmsKey({ KeyId: 'k3' }, { policy: POLICY, aliases: [] }, at);
    expect(key).toMatchObject({ id: arn('k3'), keyManager: 'CUSTOMER', keyState: 'Enabled', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', keyMaterialOrigin: 'AWS_KMS', multiRegion: false });
    expect(key).not.toHaveProperty('createdAt');
  });

  test('aliases without a target key (predefined AWS aliases) are dropped', () => {
    const map = aliasesByKey([{ AliasName: 'alias/aws/rds' }, { AliasName: 'alias/x', TargetKeyId: 'k' }, { AliasName: 'alias/y', TargetKeyId: 'k' }]);
    expect([...map]).toEqual([['k', ['alias/x', 'alias/y']]]);
  });
});

describe('KMS collector with recorded responses (aws-sdk-client-mock)', () => {
  let account: ReturnType<typeof mockAccount>;
  const kms = mockClient(KMSClient);
  beforeEach(() => {
    account = mockAccount();
    kms.reset();
  });
  afterEach(() => account.restore());
  afterAll(() => kms.restore());

  function recordedRegion() {
    // Two ListKeys pages, the way KMS pages them: NextMarker + Truncated.
    kms.on(ListKeysCommand).callsFake((input: { Marker?: string }) =>
      input.Marker === 'page-2'
        ? { Keys: [{ KeyId: 'aws-ebs', KeyArn: arn('aws-ebs') }, { KeyId: 'rsa', KeyArn: arn('rsa') }], Truncated: false }
        : { Keys: [{ KeyId: 'cmk', KeyArn: arn('cmk') }], NextMarker: 'page-2', Truncated: true },
    );
    kms.on(ListAliasesCommand).resolves({
      Aliases: [
        { AliasName: 'alias/aws/ebs', AliasArn: `arn:aws:kms:${EU}:${SIM_ACCOUNT}:alias/aws/ebs`, TargetKeyId: 'aws-ebs', CreationDate: new Date('2020-01-01T00:00:00Z') },
        { AliasName: 'alias/aws/rds', AliasArn: `arn:aws:kms:${EU}:${SIM_ACCOUNT}:alias/aws/rds` },
        { AliasName: 'alias/eks/prod', AliasArn: `arn:aws:kms:${EU}:${SIM_ACCOUNT}:alias/eks/prod`, TargetKeyId: 'cmk' },
      ],
      Truncated: false,
    });
    kms.on(DescribeKeyCommand, { KeyId: 'cmk' }).resolves({ KeyMetadata: customerKey('cmk', { Description: 'prod secrets' }) });
    kms.on(DescribeKeyCommand, { KeyId: 'aws-ebs' }).resolves({ KeyMetadata: customerKey('aws-ebs', { KeyManager: 'AWS', Description: 'Default key for EBS' }) });
    kms.on(DescribeKeyCommand, { KeyId: 'rsa' }).resolves({ KeyMetadata: customerKey('rsa', { KeySpec: 'RSA_4096', CustomerMasterKeySpec: 'RSA_4096', KeyUsage: 'ENCRYPT_DECRYPT', EncryptionAlgorithms: ['RSAES_OAEP_SHA_256'] }) });
    kms.on(GetKeyPolicyCommand).resolves({ Policy: POLICY, PolicyName: 'default' });
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, KeyId: arn('cmk'), RotationPeriodInDays: 365, NextRotationDate: new Date('2027-03-12T00:00:00Z') });
    kms.on(ListResourceTagsCommand).callsFake((input: { KeyId: string; Marker?: string }) =>
      input.Marker ? { Tags: [{ TagKey: 'env', TagValue: 'prod' }], Truncated: false } : { Tags: [{ TagKey: 'owner', TagValue: 'platform' }], NextMarker: 'tags-2', Truncated: true },
    );
  }

  test('maps every page, asks rotation only for eligible keys and tags only for customer keys', async () => {
    recordedRegion();
    const inventory = await collectMocked([kmsCollector]);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const keys = inventory.resources['kms.key']!;
    expect(keys.map((k) => k.keyId).sort()).toEqual(['aws-ebs', 'cmk', 'rsa']);
    expect(kms.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input.KeyId)).toEqual(['cmk']);
    expect(kms.commandCalls(GetKeyPolicyCommand).every((c) => c.args[0].input.PolicyName === 'default')).toBe(true);
    expect(kms.commandCalls(ListResourceTagsCommand).map((c) => c.args[0].input.KeyId).sort()).toEqual(['cmk', 'cmk', 'rsa', 'rsa']);
    expect(kms.commandCalls(ListAliasesCommand)).toHaveLength(1);

    const byId = new Map(keys.map((k) => [k.keyId, k]));
    expect(byId.get('cmk')).toMatchObject({ rotationEnabled: true, rotationPeriodDays: 365, aliases: ['alias/eks/prod'], description: 'prod secrets', tags: { owner: 'platform', env: 'prod' } });
    expect(byId.get('aws-ebs')).toMatchObject({ keyManager: 'AWS', aliases: ['alias/aws/ebs'] });
    expect(byId.get('aws-ebs')).not.toHaveProperty('rotationEnabled');
    expect(byId.get('rsa')).toMatchObject({ keySpec: 'RSA_4096', aliases: [] });
    expect(byId.get('rsa')).not.toHaveProperty('rotationEnabled');
    expect(byId.get('cmk')!.policy).toMatchObject({ Statement: [{ Principal: { AWS: [`arn:aws:iam::${SIM_ACCOUNT}:root`] }, Action: ['kms:*'] }] });
  });

  test('a DescribeKey failure marks that key only; the region stays covered', async () => {
    recordedRegion();
    kms.on(DescribeKeyCommand, { KeyId: 'rsa' }).rejects(sdkError('AccessDeniedException', 400, 'User is not authorized to perform: kms:DescribeKey'));
    const inventory = await collectMocked([kmsCollector]);
    const keys = inventory.resources['kms.key']!;
    expect(keys.filter((k) => k.incomplete).map((k) => k.id)).toEqual([arn('rsa')]);
    expect(keys.find((k) => k.keyId === 'rsa')!.incomplete).toMatchObject({ code: 'ACCESS_DENIED', service: 'kms', operation: 'DescribeKey' });
    expect(inventory.coverage).toContainEqual({ kind: 'kms.key', region: EU, status: 'ok' });
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
  });

  test('a key policy that is not a policy marks that key only', async () => {
    recordedRegion();
    kms.on(GetKeyPolicyCommand, { KeyId: 'cmk' }).resolves({ Policy: '<html>oops</html>', PolicyName: 'default' });
    const inventory = await collectMocked([kmsCollector]);
    const incomplete = inventory.resources['kms.key']!.filter((k) => k.incomplete);
    expect(incomplete.map((k) => [k.keyId, k.incomplete?.operation, k.incomplete?.code])).toEqual([['cmk', 'GetKeyPolicy', 'UNEXPECTED']]);
  });
});

describe('KMS through the simulated AWS', () => {
  const world = () => simWorldWith({ kms: exampleKmsWorld(SIM_ACCOUNT) });
  const keyIn = (keys: readonly KmsKey[], id: string) => keys.find((k) => k.keyId === id)!;

  test('collects every key of both regions with aliases, policies, rotation where it applies, and tags over pages', async () => {
    const sim = simulateWith(world(), [kmsService]);
    const inventory = await collectFrom(sim, [kmsCollector]);
    expect(inventorySchema.safeParse(inventory).success).toBe(true);
    const keys = inventory.resources['kms.key']!;
    expect(keys).toHaveLength(7);
    expect(keys.every((k) => !k.incomplete)).toBe(true);
    // Eligible: two customer keys in eu-west-1, the CloudTrail key and the key pending deletion in us-east-1.
    expect(sim.calls['kms:GetKeyRotationStatus']).toBe(4);
    expect(sim.calls['kms:ListAliases']).toBe(3); // eu-west-1: 4 aliases at page size 2; us-east-1: 1
    expect(keyIn(keys, '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b')).toMatchObject({
      rotationEnabled: true,
      rotationPeriodDays: 180,
      aliases: ['alias/eks/prod-platform', 'alias/prod-platform-secrets'],
      tags: { cluster: 'prod-platform', owner: 'platform', env: 'prod' },
      origin: { region: EU, accountId: SIM_ACCOUNT },
    });
    expect(keyIn(keys, '2d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f')).toMatchObject({ rotationEnabled: false });
    expect(keyIn(keys, '0f9e8d7c-6b5a-4493-8271-6f5e4d3c2b1a')).toMatchObject({ keyState: 'PendingDeletion', rotationEnabled: false, deletionDate: '2026-12-01T00:00:00.000Z' });
    for (const notRotating of ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'b1e0a6c3-7d2f-4e8a-9c1b-3f5d7e9a0b2c', '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f']) {
      expect(keyIn(keys, notRotating)).not.toHaveProperty('rotationEnabled');
    }
    expect(keyIn(keys, 'b1e0a6c3-7d2f-4e8a-9c1b-3f5d7e9a0b2c')).toMatchObject({ keyManager: 'AWS', aliases: ['alias/aws/ebs'] });
    expect(keyIn(keys, 'b1e0a6c3-7d2f-4e8a-9c1b-3f5d7e9a0b2c')).not.toHaveProperty('tags');
  });

  test('AccessDenied on kms:ListKeys: coverage error, and every KMS finding in that region is UNKNOWN', async () => {
    const sim = simulateWith(world(), [kmsService]).inject({ operation: 'kms:ListKeys', region: EU, type: 'access-denied' });
    const inventory = await collectFrom(sim, [kmsCollector]);
    expect(inventory.coverage.find((c) => c.kind === 'kms.key' && c.region === EU)).toMatchObject({
      status: 'error',
      issue: { code: 'ACCESS_DENIED', service: 'kms', operation: 'ListKeys' },
    });
    const findings = runChecks(inventory, [probe, ...kmsChecks], { now: NOW }).findings;
    const eu = findings.filter((f) => f.resource.region === EU);
    expect(eu.length).toBeGreaterThan(0);
    expect(eu.every((f) => f.status === 'UNKNOWN')).toBe(true);
    expect(findings.some((f) => f.resource.region === 'us-east-1' && f.status === 'PASS')).toBe(true);
  });

  test('one failing DescribeKey marks only that key, whose findings are UNKNOWN', async () => {
    const sim = simulateWith(world(), [kmsService]).inject({ operation: 'kms:DescribeKey', region: 'us-east-1', type: 'access-denied', times: 1 });
    const inventory = await collectFrom(sim, [kmsCollector]);
    const keys = inventory.resources['kms.key']!;
    const incomplete = keys.filter((k) => k.incomplete);
    expect(incomplete).toHaveLength(1);
    expect(incomplete[0]!.origin).toMatchObject({ region: 'us-east-1' });
    expect(incomplete[0]!.incomplete).toMatchObject({ code: 'ACCESS_DENIED', operation: 'DescribeKey' });
    expect(inventory.coverage.filter((c) => c.kind === 'kms.key').every((c) => c.status === 'ok')).toBe(true);
    const statuses = runChecks(inventory, [probe], { now: NOW }).findings;
    expect(statuses.filter((f) => f.resource.id === incomplete[0]!.id).map((f) => f.status)).toEqual(['UNKNOWN']);
    expect(statuses.filter((f) => f.resource.id !== incomplete[0]!.id).every((f) => f.status === 'PASS')).toBe(true);
    // Registered KMS checks never PASS the incomplete key either.
    expect(findingsFor(inventory, ['kms.key']).filter((f) => f.resource.id === incomplete[0]!.id && f.status === 'PASS')).toEqual([]);
  });

  test.each(kmsCollector.tasks.map((t) => [t.kind, t] as const))('task %s alone calls only what it declares, and the example world reaches every declared call', async (_kind, task) => {
    const sim = simulateWith(world(), [kmsService]);
    await collectFrom(sim, [alone(kmsCollector, task)], { regions: AUDITED });
    expect(calledActions(sim)).toEqual([...task.permissions].sort());
  });
});
