import { Indeterminate, must, mustAll, type CheckContext } from '../../../engine/check';
import { GLOBAL_REGION, describeResolvable, isUnresolved, type PolicyStatement, type S3Bucket, type Trail } from '../../../model';
import { trailLabel } from './trails';

export type TrailBucket = { readonly found: S3Bucket } | { readonly missing: string };

/**
 * The `s3.bucket` a trail delivers to, looked up by name. A bucket absent from a collected
 * inventory is still not evidence of anything: it usually lives in another account (an
 * organization or Control Tower log archive), so the caller reports UNKNOWN with `missing`.
 */
export function trailBucket(trail: Trail, ctx: CheckContext): TrailBucket {
  // Throws Indeterminate when buckets were not collected: "not collected" never reads as "not there".
  const buckets = ctx.inventory.inRegion('s3.bucket', GLOBAL_REGION);
  const wanted = trail.s3BucketName;
  if (isUnresolved(wanted)) {
    // A template's generated bucket name: the same unresolved expression on both sides is the same value.
    const same = buckets.find((b) => isUnresolved(b.name) && b.name.unresolved === wanted.unresolved);
    if (same) return { found: same };
  }
  const name = must(wanted);
  const found = buckets.find((b) => !isUnresolved(b.name) && b.name === name);
  if (found) return { found };
  const unnamed = buckets.filter((b) => isUnresolved(b.name));
  if (unnamed.length > 0) throw new Indeterminate(`bucket ${name} may be one of ${unnamed.length} bucket(s) whose name could not be resolved`);
  return { missing: missingBucketReason(trail, name, ctx) };
}

function missingBucketReason(trail: Trail, name: string, ctx: CheckContext): string {
  const owner = trail.ownerAccountId !== undefined && !isUnresolved(trail.ownerAccountId) ? trail.ownerAccountId : undefined;
  const elsewhere =
    owner !== undefined && owner !== ctx.accountId
      ? `; the trail belongs to account ${owner}, so its bucket most likely does too — audit that account`
      : '; it may belong to another account (a central log archive) or no longer exist';
  const deliveryError = trail.status.latestDeliveryError ? ` (latest delivery error: ${trail.status.latestDeliveryError})` : '';
  return `Trail ${trailLabel(trail)} delivers to bucket ${name}, which is not in the inventory${elsewhere}${deliveryError}.`;
}

/** One way a bucket is open to the public. */
export interface Exposure {
  readonly via: 'policy' | 'acl';
  readonly detail: string;
}

/**
 * How a bucket is open to the public, if at all, after its own Block Public Access settings:
 * `RestrictPublicBuckets` neutralises a public policy and `IgnorePublicAcls` a public ACL (the
 * `Block*` settings only refuse future changes). Account-level Block Public Access is not modelled.
 */
export function publicExposures(bucket: S3Bucket): Exposure[] {
  const block = bucket.publicAccessBlock;
  const exposures: Exposure[] = [];
  const restrictsPublicPolicy = block !== null && must(block.restrictPublicBuckets);
  if (!restrictsPublicPolicy && policyIsPublic(bucket)) exposures.push({ via: 'policy', detail: 'its bucket policy grants access to anyone' });
  const ignoresPublicAcls = block !== null && must(block.ignorePublicAcls);
  if (!ignoresPublicAcls && aclIsPublic(bucket)) exposures.push({ via: 'acl', detail: 'its ACL grants access to AllUsers or AuthenticatedUsers' });
  return exposures;
}

/** AWS's own verdict (GetBucketPolicyStatus) when collected, otherwise our reading of the policy. */
function policyIsPublic(bucket: S3Bucket): boolean {
  if (bucket.policy === null) return false;
  if (bucket.policyIsPublic !== undefined) return bucket.policyIsPublic;
  return must(bucket.policy).Statement.some(grantsPublicAccess);
}

function aclIsPublic(bucket: S3Bucket): boolean {
  if (bucket.aclGrantsPublicAccess === undefined) {
    throw new Indeterminate(`whether the ACL of bucket ${describeResolvable(bucket.name)} grants public access was not collected`);
  }
  return must(bucket.aclGrantsPublicAccess);
}

/** An Allow to everyone (`*`, or NotPrincipal) that no condition pins to fixed accounts, networks or sources. */
function grantsPublicAccess(statement: PolicyStatement): boolean {
  if (must(statement.Effect) !== 'Allow') return false;
  if (!isEveryone(statement)) return false;
  if (statement.Condition === undefined) return true;
  return !Object.entries(must(statement.Condition)).some(([operator, entries]) =>
    Object.entries(entries).some(([key, values]) => pinsToFixedValue(operator, key, mustAll(values))),
  );
}

function isEveryone(statement: PolicyStatement): boolean {
  // Allow + NotPrincipal grants everyone but the listed principals.
  if (statement.NotPrincipal !== undefined) return true;
  const principal = statement.Principal;
  if (principal === undefined) return false;
  if (principal === '*') return true;
  if (isUnresolved(principal)) throw new Indeterminate(`a bucket policy principal depends on ${principal.unresolved}`);
  return mustAll(principal.AWS ?? []).includes('*');
}

/**
 * Condition keys that, with fixed values, keep a wildcard-principal grant from being public (the
 * same idea as S3's own "public" test): who calls, from which account, organization, VPC or network.
 */
const RESTRICTING_KEYS = new Set(
  [
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceIp',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:userid',
    's3:DataAccessPointArn',
    's3:DataAccessPointAccount',
  ].map((k) => k.toLowerCase()),
);

const POSITIVE_OPERATORS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress']);

function pinsToFixedValue(operator: string, key: string, values: readonly string[]): boolean {
  // `…IfExists` passes when the key is absent, and ForAllValues passes on an empty set: neither pins anything.
  const base = operator.replace(/^ForAnyValue:/, '');
  if (!POSITIVE_OPERATORS.has(base)) return false;
  if (!RESTRICTING_KEYS.has(key.toLowerCase())) return false;
  if (values.length === 0) return false;
  return values.every((v) => !/[*?]/.test(v) && !/\/0$/.test(v));
}
