import { createHash } from 'node:crypto';
import type { Finding } from '../engine/types';

/**
 * What makes two findings "the same finding" across runs: check id + resource id + key. An
 * account-level finding (region- and account-scope checks) names the account as its resource in
 * every region, so its region is part of the identity too; without it the regions would collide.
 */
export function findingIdentity(finding: Finding): string {
  const { checkId, key, resource } = finding;
  const parts = [checkId, resource.id, key ?? ''];
  if (resource.kind === 'account') parts.push(resource.region);
  return parts.join('|');
}

/** A short, stable digest of a finding's identity: ids that re-imports update instead of duplicating. */
export function identityDigest(finding: Finding, length = 32): string {
  return createHash('sha256').update(findingIdentity(finding)).digest('hex').slice(0, length);
}
