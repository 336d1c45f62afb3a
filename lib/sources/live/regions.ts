import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { InputError } from '../../errors';
import type { CollectionIssue } from '../../model';
import { toIssue } from './aws-errors';
import type { ClientFactory } from './clients';

/** Where global services (IAM) are called, per partition. */
export function homeRegionOf(partition: string): string {
  if (partition === 'aws-cn') return 'cn-north-1';
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  return 'us-east-1';
}

export interface RegionPlan {
  readonly enabled: string[];
  readonly disabled: { readonly region: string; readonly issue: CollectionIssue }[];
}

/**
 * The regions to audit: the account's enabled regions (ec2:DescribeRegions, skipping
 * `not-opted-in`), or the requested ones checked against that list. When the list cannot be read,
 * requested regions are probed with one fast call each, so a disabled region costs one quick
 * failure, never minutes of retries.
 */
export async function planRegions(clients: ClientFactory, homeRegion: string, requested?: readonly string[]): Promise<RegionPlan> {
  let known: Map<string, string> | undefined;
  let listingIssue: CollectionIssue | undefined;
  try {
    const out = await clients.get('ec2', EC2Client, homeRegion).send(new DescribeRegionsCommand({ AllRegions: true }));
    known = new Map((out.Regions ?? []).map((r) => [r.RegionName ?? '', r.OptInStatus ?? 'opt-in-not-required']));
  } catch (error) {
    listingIssue = toIssue(error, 'ec2', 'DescribeRegions');
  }

  if (known) {
    const wanted = requested && requested.length > 0 ? [...requested] : [...known.keys()].filter((r) => known!.get(r) !== 'not-opted-in');
    const unknown = wanted.filter((r) => !known!.has(r));
    if (unknown.length > 0) {
      throw new InputError('UNKNOWN_REGION', `unknown region${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: not a region of this account's partition`);
    }
    const disabled = wanted
      .filter((r) => known!.get(r) === 'not-opted-in')
      .map((region) => ({ region, issue: { code: 'REGION_DISABLED' as const, service: 'ec2', operation: 'DescribeRegions', message: `${region} is not enabled for this account (not-opted-in)` } }));
    return { enabled: wanted.filter((r) => known!.get(r) !== 'not-opted-in').sort(), disabled };
  }

  if (!requested || requested.length === 0) {
    throw new InputError(
      'REGIONS_UNKNOWN',
      `cannot list the account's regions (${listingIssue?.code}: ${listingIssue?.message}); allow ec2:DescribeRegions or pass --regions`,
    );
  }
  const probes = await Promise.all(requested.map((region) => probeRegion(clients, region)));
  return {
    enabled: probes.filter((p) => !p.issue).map((p) => p.region).sort(),
    disabled: probes.flatMap((p) => (p.issue ? [{ region: p.region, issue: { ...p.issue, code: 'REGION_DISABLED' as const } }] : [])),
  };
}

/** One attempt, short timeouts: does this region answer us at all? */
async function probeRegion(clients: ClientFactory, region: string): Promise<{ region: string; issue?: CollectionIssue }> {
  try {
    await clients.get('sts', STSClient, region, { maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    return { region };
  } catch (error) {
    return { region, issue: toIssue(error, 'sts', 'GetCallerIdentity') };
  }
}
