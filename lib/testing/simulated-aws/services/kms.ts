import type { AliasListEntry, GetKeyRotationStatusResponse, KeyMetadata, Tag } from '@aws-sdk/client-kms';
import { JSON_STYLE, awsError, notFound } from '../errors';
import { page } from '../paging';
import type { CallContext, SimService } from '../simulated-aws';
import type { ByRegion } from '../world';

/** One KMS key in the SDK's shapes: DescribeKey's metadata, its `default` policy (plain JSON), rotation and tags. */
export interface KmsKeyWorld {
  readonly metadata: KeyMetadata;
  readonly policy: string;
  /** GetKeyRotationStatus for keys that support rotation; AWS managed keys always answer enabled. */
  readonly rotation?: Pick<GetKeyRotationStatusResponse, 'KeyRotationEnabled' | 'RotationPeriodInDays' | 'NextRotationDate'>;
  readonly tags?: readonly Tag[];
}

export interface KmsRegionWorld {
  readonly keys: readonly KmsKeyWorld[];
  /** ListAliases entries; predefined AWS aliases without a key have no TargetKeyId. */
  readonly aliases?: readonly AliasListEntry[];
}

declare module '../world' {
  interface SimServices {
    kms?: ByRegion<KmsRegionWorld>;
  }
}

const regionOf = (call: CallContext): KmsRegionWorld => call.world.services.kms?.[call.region] ?? { keys: [] };

/** KMS accepts a key id or a key ARN (aliases are not needed by hardeks). */
function key(call: CallContext, keyId: string): KmsKeyWorld {
  const found = regionOf(call).keys.find((k) => k.metadata.KeyId === keyId || k.metadata.Arn === keyId);
  if (!found) throw notFound('NotFoundException', `Key '${keyId}' does not exist`, 400);
  return found;
}

/** Rotation is configurable only on symmetric encryption keys with KMS-generated material outside custom key stores. */
function supportsRotation(m: KeyMetadata): boolean {
  return (m.KeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT' && (m.Origin ?? 'AWS_KMS') === 'AWS_KMS' && !m.CustomKeyStoreId;
}

/**
 * KMS list calls page with Limit/Marker and answer NextMarker + Truncated. The caller's Limit
 * (validated against the API's maximum) is capped by the simulation's page size.
 */
function list<T>(items: readonly T[], input: { Limit?: number; Marker?: string }, call: CallContext, defaults: { size: number; max: number }) {
  if (input.Limit !== undefined && (input.Limit < 1 || input.Limit > defaults.max)) {
    throw awsError('ValidationException', 400, `1 validation error detected: Value '${input.Limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${defaults.max}`);
  }
  let p: { items: T[]; next?: string };
  try {
    p = page(items, input.Marker, Math.min(input.Limit ?? defaults.size, call.pageSize));
  } catch {
    throw awsError('InvalidMarkerException', 400, 'The request was rejected because the marker that specifies where pagination should next begin is not valid.');
  }
  return { items: p.items, page: { Truncated: p.next !== undefined, ...(p.next ? { NextMarker: p.next } : {}) } };
}

export const kmsService: SimService = {
  service: 'kms',
  errors: JSON_STYLE,
  operations: {
    ListKeys: (input: { Limit?: number; Marker?: string }, call) => {
      const p = list(regionOf(call).keys, input, call, { size: 100, max: 1000 });
      return { Keys: p.items.map((k) => ({ KeyId: k.metadata.KeyId, KeyArn: k.metadata.Arn })), ...p.page };
    },
    ListAliases: (input: { KeyId?: string; Limit?: number; Marker?: string }, call) => {
      const all = regionOf(call).aliases ?? [];
      const wanted = input.KeyId ? all.filter((a) => a.TargetKeyId === key(call, input.KeyId!).metadata.KeyId) : all;
      const p = list(wanted, input, call, { size: 50, max: 100 });
      return { Aliases: p.items, ...p.page };
    },
    DescribeKey: (input: { KeyId: string }, call) => ({ KeyMetadata: key(call, input.KeyId).metadata }),
    GetKeyPolicy: (input: { KeyId: string; PolicyName?: string }, call) => {
      const found = key(call, input.KeyId);
      const name = input.PolicyName ?? 'default';
      if (name !== 'default') throw notFound('NotFoundException', `No such policy: ${name}`, 400);
      return { Policy: found.policy, PolicyName: 'default' };
    },
    GetKeyRotationStatus: (input: { KeyId: string }, call) => {
      const { metadata, rotation } = key(call, input.KeyId);
      if (!supportsRotation(metadata)) {
        throw awsError('UnsupportedOperationException', 400, `${metadata.Arn} origin is ${metadata.Origin ?? 'AWS_KMS'} which is not valid for this operation.`);
      }
      // AWS managed keys rotate every year and cannot be configured otherwise.
      if (metadata.KeyManager === 'AWS') return { KeyId: metadata.Arn, KeyRotationEnabled: true, RotationPeriodInDays: 365 };
      if (metadata.KeyState === 'PendingDeletion') return { KeyId: metadata.Arn, KeyRotationEnabled: false };
      return { KeyId: metadata.Arn, KeyRotationEnabled: rotation?.KeyRotationEnabled ?? false, ...(rotation?.KeyRotationEnabled ? { RotationPeriodInDays: rotation.RotationPeriodInDays ?? 365, NextRotationDate: rotation.NextRotationDate } : {}) };
    },
    ListResourceTags: (input: { KeyId: string; Limit?: number; Marker?: string }, call) => {
      const p = list(key(call, input.KeyId).tags ?? [], input, call, { size: 50, max: 50 });
      return { Tags: p.items, ...p.page };
    },
  },
};

/** The account the example world belongs to unless told otherwise. */
const EXAMPLE_ACCOUNT = '210987654321';

const arnOf = (region: string, account: string, keyId: string) => `arn:aws:kms:${region}:${account}:key/${keyId}`;

function exampleKey(region: string, account: string, keyId: string, metadata: Partial<KeyMetadata>, extra: Partial<KmsKeyWorld> = {}): KmsKeyWorld {
  const arn = arnOf(region, account, keyId);
  return {
    metadata: {
      AWSAccountId: account,
      KeyId: keyId,
      Arn: arn,
      CreationDate: new Date('2024-03-12T13:58:02Z'),
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
      ...metadata,
    },
    policy: JSON.stringify({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }],
    }),
    ...extra,
  };
}

/**
 * KMS in two regions, exercising every call path: a rotating customer key with tags (several
 * ListResourceTags pages at small page sizes), a customer key without rotation, an asymmetric key
 * and an imported one (no rotation call), an AWS managed key (no rotation or tag call), a key
 * pending deletion, and aliases including a predefined one with no key.
 */
export function exampleKmsWorld(account: string = EXAMPLE_ACCOUNT): ByRegion<KmsRegionWorld> {
  const eu = 'eu-west-1';
  const us = 'us-east-1';
  return {
    [eu]: {
      keys: [
        exampleKey(eu, account, '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b', { Description: 'prod-platform secrets' }, {
          rotation: { KeyRotationEnabled: true, RotationPeriodInDays: 180, NextRotationDate: new Date('2027-01-10T00:00:00Z') },
          tags: [{ TagKey: 'cluster', TagValue: 'prod-platform' }, { TagKey: 'owner', TagValue: 'platform' }, { TagKey: 'env', TagValue: 'prod' }],
        }),
        exampleKey(eu, account, '2d7e8f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f', { Description: 'data-staging secrets' }, { rotation: { KeyRotationEnabled: false } }),
        exampleKey(eu, account, '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', { KeySpec: 'RSA_2048', CustomerMasterKeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', EncryptionAlgorithms: undefined, SigningAlgorithms: ['RSASSA_PSS_SHA_256'] }),
        exampleKey(eu, account, 'b1e0a6c3-7d2f-4e8a-9c1b-3f5d7e9a0b2c', { KeyManager: 'AWS', Description: 'Default key that protects my EBS volumes when no other key is defined' }),
      ],
      aliases: [
        { AliasName: 'alias/eks/prod-platform', AliasArn: `arn:aws:kms:${eu}:${account}:alias/eks/prod-platform`, TargetKeyId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' },
        { AliasName: 'alias/prod-platform-secrets', AliasArn: `arn:aws:kms:${eu}:${account}:alias/prod-platform-secrets`, TargetKeyId: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' },
        { AliasName: 'alias/aws/ebs', AliasArn: `arn:aws:kms:${eu}:${account}:alias/aws/ebs`, TargetKeyId: 'b1e0a6c3-7d2f-4e8a-9c1b-3f5d7e9a0b2c' },
        { AliasName: 'alias/aws/rds', AliasArn: `arn:aws:kms:${eu}:${account}:alias/aws/rds` },
      ],
    },
    [us]: {
      keys: [
        exampleKey(us, account, '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d', { Description: 'CloudTrail logs' }, { rotation: { KeyRotationEnabled: true, RotationPeriodInDays: 365 } }),
        exampleKey(us, account, '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', { Origin: 'EXTERNAL', KeyState: 'PendingImport', Enabled: false }),
        exampleKey(us, account, '0f9e8d7c-6b5a-4493-8271-6f5e4d3c2b1a', { KeyState: 'PendingDeletion', Enabled: false, DeletionDate: new Date('2026-12-01T00:00:00Z') }),
      ],
      aliases: [{ AliasName: 'alias/cloudtrail', AliasArn: `arn:aws:kms:${us}:${account}:alias/cloudtrail`, TargetKeyId: '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d' }],
    },
  };
}
