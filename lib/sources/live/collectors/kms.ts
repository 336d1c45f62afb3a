import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
  paginateListResourceTags,
  type AliasListEntry,
  type GetKeyRotationStatusResponse,
  type KeyListEntry,
  type KeyMetadata,
  type Tag,
} from '@aws-sdk/client-kms';
import { parsePolicyDocument, type CollectionIssue, type KmsKey, type Origin, type PolicyDocument } from '../../../model';
import type { Collector, TaskContext } from '../collector';
import { compact, isoDate, tagMap } from '../convert';
import type { Location } from './eks';

/** What GetKeyPolicy, GetKeyRotationStatus, ListAliases and ListResourceTags add to DescribeKey. */
export interface KeyDetails {
  /** The key policy named `default`: as KMS returns it (plain JSON) or already parsed. */
  readonly policy: string | PolicyDocument;
  /** Absent where rotation does not apply (see rotationApplies). */
  readonly rotation?: GetKeyRotationStatusResponse;
  readonly aliases: readonly string[];
  readonly tags?: readonly Tag[];
}

const origin = (arn: string, at: Location): Origin => ({ kind: 'aws', arn, accountId: at.accountId, region: at.region });
const keyArn = (keyId: string, at: Location) => `arn:${at.partition ?? 'aws'}:kms:${at.region}:${at.accountId}:key/${keyId}`;

/**
 * Whether automatic rotation can be configured: customer managed symmetric encryption keys whose
 * material KMS generated. Asymmetric, HMAC, imported (EXTERNAL) and custom key store keys cannot
 * rotate automatically; AWS managed keys are rotated yearly by AWS and cannot be configured.
 */
export function rotationApplies(meta: KeyMetadata): boolean {
  return (
    meta.KeyManager === 'CUSTOMER' &&
    (meta.KeySpec ?? meta.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT' &&
    (meta.KeyUsage ?? 'ENCRYPT_DECRYPT') === 'ENCRYPT_DECRYPT' &&
    (meta.Origin ?? 'AWS_KMS') === 'AWS_KMS'
  );
}

/** Pure mapping from DescribeKey and the per-key details to the model, applying KMS's defaults. */
export function toKmsKey(meta: KeyMetadata, details: KeyDetails, at: Location): KmsKey {
  const keyId = meta.KeyId!;
  const arn = meta.Arn ?? keyArn(keyId, at);
  return compact({
    kind: 'kms.key' as const,
    id: arn,
    origin: origin(arn, at),
    tags: details.tags ? tagMap(details.tags) : undefined,
    keyId,
    arn,
    description: meta.Description || undefined,
    keyManager: meta.KeyManager ?? 'CUSTOMER',
    keyState: meta.KeyState ?? (meta.Enabled === false ? 'Disabled' : 'Enabled'),
    // CustomerMasterKeySpec is the deprecated name of KeySpec; old recordings carry only it.
    keySpec: meta.KeySpec ?? meta.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT',
    keyUsage: meta.KeyUsage ?? 'ENCRYPT_DECRYPT',
    keyMaterialOrigin: meta.Origin ?? 'AWS_KMS',
    multiRegion: meta.MultiRegion ?? false,
    rotationEnabled: details.rotation ? details.rotation.KeyRotationEnabled ?? false : undefined,
    rotationPeriodDays: details.rotation?.RotationPeriodInDays,
    deletionDate: isoDate(meta.DeletionDate),
    pendingWindowDays: meta.PendingDeletionWindowInDays,
    policy: parsePolicyDocument(details.policy),
    aliases: [...details.aliases].sort(),
    createdAt: isoDate(meta.CreationDate),
  });
}

/**
 * A key whose own calls failed: known by its ListKeys entry (and DescribeKey when that worked),
 * judged UNKNOWN by every check. Placeholders assume the strictest case, never a compliant one.
 */
export function incompleteKey(entry: KeyListEntry, issue: CollectionIssue, aliases: readonly string[], at: Location, meta?: KeyMetadata): KmsKey {
  const keyId = entry.KeyId ?? meta?.KeyId ?? 'unknown';
  const arn = entry.KeyArn ?? meta?.Arn ?? keyArn(keyId, at);
  return compact({
    kind: 'kms.key' as const,
    id: arn,
    origin: origin(arn, at),
    incomplete: issue,
    keyId,
    arn,
    description: meta?.Description || undefined,
    keyManager: meta?.KeyManager ?? 'CUSTOMER',
    keyState: meta?.KeyState ?? 'Unknown',
    keySpec: meta?.KeySpec ?? 'Unknown',
    keyUsage: meta?.KeyUsage ?? 'Unknown',
    keyMaterialOrigin: meta?.Origin,
    multiRegion: meta?.MultiRegion,
    deletionDate: isoDate(meta?.DeletionDate),
    policy: { Statement: [] },
    aliases: [...aliases].sort(),
    createdAt: isoDate(meta?.CreationDate),
  });
}

/** ListAliases → alias names per target key id. Aliases that point at no key (predefined AWS aliases not yet created) are dropped. */
export function aliasesByKey(aliases: readonly AliasListEntry[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const alias of aliases) {
    if (!alias.TargetKeyId || !alias.AliasName) continue;
    byKey.set(alias.TargetKeyId, [...(byKey.get(alias.TargetKeyId) ?? []), alias.AliasName]);
  }
  return byKey;
}

const at = (ctx: TaskContext): Location => ({ accountId: ctx.accountId, region: ctx.region, partition: ctx.partition });

async function listKeys(kms: KMSClient): Promise<KeyListEntry[]> {
  const keys: KeyListEntry[] = [];
  for await (const page of paginateListKeys({ client: kms }, { Limit: 1000 })) keys.push(...(page.Keys ?? []));
  return keys;
}

async function listAliases(kms: KMSClient): Promise<AliasListEntry[]> {
  const aliases: AliasListEntry[] = [];
  for await (const page of paginateListAliases({ client: kms }, { Limit: 100 })) aliases.push(...(page.Aliases ?? []));
  return aliases;
}

async function listTags(kms: KMSClient, keyId: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  for await (const page of paginateListResourceTags({ client: kms }, { KeyId: keyId, Limit: 50 })) tags.push(...(page.Tags ?? []));
  return tags;
}

/** DescribeKey, then the calls that apply to that key. Any failure marks this key only. */
async function collectKey(ctx: TaskContext, kms: KMSClient, entry: KeyListEntry, aliases: readonly string[]): Promise<KmsKey> {
  const keyId = entry.KeyId!;
  const described = await ctx.perResource('DescribeKey', async () => (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!);
  if (!described.ok) return incompleteKey(entry, described.issue, aliases, at(ctx));
  const meta = described.value;
  const [policy, rotation, tags] = await Promise.all([
    // Parsed here so a malformed document marks this key, not the whole region.
    ctx.perResource('GetKeyPolicy', async () => parsePolicyDocument((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }))).Policy ?? '')),
    rotationApplies(meta)
      ? ctx.perResource('GetKeyRotationStatus', () => kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId })))
      : ({ ok: true, value: undefined } as const),
    // AWS managed keys cannot carry tags: only customer keys are asked.
    meta.KeyManager === 'CUSTOMER' ? ctx.perResource('ListResourceTags', () => listTags(kms, keyId)) : ({ ok: true, value: undefined } as const),
  ]);
  if (!policy.ok) return incompleteKey(entry, policy.issue, aliases, at(ctx), meta);
  if (!rotation.ok) return incompleteKey(entry, rotation.issue, aliases, at(ctx), meta);
  if (!tags.ok) return incompleteKey(entry, tags.issue, aliases, at(ctx), meta);
  return toKmsKey(meta, { policy: policy.value, aliases, ...(rotation.value ? { rotation: rotation.value } : {}), ...(tags.value ? { tags: tags.value } : {}) }, at(ctx));
}

export const kmsCollector: Collector = {
  service: 'kms',
  scope: 'regional',
  tasks: [
    {
      kind: 'kms.key',
      permissions: ['kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
      async collect(ctx) {
        const kms = ctx.client(KMSClient);
        const [keys, aliases] = await Promise.all([listKeys(kms), listAliases(kms)]);
        const byKey = aliasesByKey(aliases);
        const collected = await Promise.all(keys.map((entry) => collectKey(ctx, kms, entry, byKey.get(entry.KeyId ?? '') ?? [])));
        ctx.add('kms.key', ...collected);
      },
    },
  ],
};
