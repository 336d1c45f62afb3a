import {
  DescribeLaunchTemplateVersionsCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeManagedPrefixLists,
  paginateDescribeSecurityGroups,
  paginateGetManagedPrefixListEntries,
  type Filter,
  type Instance,
  type LaunchTemplateVersion,
  type ManagedPrefixList,
  type PrefixListEntry,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import type { TaskContext } from '../../collector';

/**
 * The largest page each EC2 listing accepts, so a region costs as few calls as possible. These are
 * the documented maxima: most listings refuse a larger MaxResults with InvalidParameterValue.
 */
export const PAGE = {
  vpcs: 1000,
  subnets: 1000,
  securityGroups: 1000,
  networkAcls: 1000,
  flowLogs: 1000,
  networkInterfaces: 1000,
  instances: 1000,
  volumes: 500,
  launchTemplates: 200,
  launchTemplateVersions: 200,
  prefixLists: 100,
  prefixListEntries: 100,
} as const;

/** EC2 accepts at most 200 values in one filter. */
const FILTER_VALUES_MAX = 200;

/** Every item of every page of a paginated listing. */
export async function collectPages<P, T>(pages: AsyncIterable<P>, items: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

/** The region's security groups, listed once and shared by the tasks that need them. */
export function securityGroups(ctx: TaskContext): Promise<SecurityGroup[]> {
  return ctx.memo('security-groups', () =>
    collectPages(paginateDescribeSecurityGroups({ client: ctx.client(EC2Client) }, { MaxResults: PAGE.securityGroups }), (p) => p.SecurityGroups),
  );
}

/** The region's instances over all reservations and pages, listed once and shared. */
export function instances(ctx: TaskContext): Promise<Instance[]> {
  return ctx.memo('instances', () =>
    collectPages(paginateDescribeInstances({ client: ctx.client(EC2Client) }, { MaxResults: PAGE.instances }), (p) =>
      (p.Reservations ?? []).flatMap((r) => r.Instances ?? []),
    ),
  );
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * Managed prefix lists: the given ones (a filter, so a list that is gone or not visible is simply
 * absent rather than failing the call), or every visible list when `ids` is undefined.
 */
export async function describePrefixLists(ec2: EC2Client, ids?: readonly string[]): Promise<ManagedPrefixList[]> {
  const filters: (Filter[] | undefined)[] = ids ? chunks(ids, FILTER_VALUES_MAX).map((values) => [{ Name: 'prefix-list-id', Values: values }]) : [undefined];
  const pages = await Promise.all(
    filters.map((Filters) =>
      collectPages(paginateDescribeManagedPrefixLists({ client: ec2 }, { MaxResults: PAGE.prefixLists, ...(Filters ? { Filters } : {}) }), (p) => p.PrefixLists),
    ),
  );
  return pages.flat();
}

export function prefixListEntries(ec2: EC2Client, prefixListId: string): Promise<PrefixListEntry[]> {
  return collectPages(paginateGetManagedPrefixListEntries({ client: ec2 }, { PrefixListId: prefixListId, MaxResults: PAGE.prefixListEntries }), (p) => p.Entries);
}

/** The default and the latest version of every launch template of the region, in one paginated stream. */
export function defaultAndLatestVersions(ec2: EC2Client): Promise<LaunchTemplateVersion[]> {
  return collectPages(
    paginateDescribeLaunchTemplateVersions({ client: ec2 }, { Versions: ['$Default', '$Latest'], MaxResults: PAGE.launchTemplateVersions }),
    (p) => p.LaunchTemplateVersions,
  );
}

/** EC2's answer when a requested version of a launch template does not exist (it was deleted). */
const VERSION_NOT_FOUND = 'InvalidLaunchTemplateId.VersionNotFound';

const isVersionNotFound = (error: unknown) => (error as { name?: string } | null)?.name === VERSION_NOT_FOUND;

/**
 * Given versions of one launch template. A version may have been deleted while instances still
 * carry its number: EC2 then refuses the whole request, so each version is asked for alone, and
 * one that does not exist is a fact (absent), not a failure.
 */
export async function versionsOfTemplate(ec2: EC2Client, launchTemplateId: string, versionNumbers: readonly number[]): Promise<LaunchTemplateVersion[]> {
  const describe = (numbers: readonly number[]) =>
    collectPages(
      paginateDescribeLaunchTemplateVersions({ client: ec2 }, { LaunchTemplateId: launchTemplateId, Versions: numbers.map(String), MaxResults: PAGE.launchTemplateVersions }),
      (p) => p.LaunchTemplateVersions,
    );
  try {
    return await describe(versionNumbers);
  } catch (error) {
    if (!isVersionNotFound(error)) throw error;
  }
  const one = async (n: number): Promise<LaunchTemplateVersion[]> => {
    try {
      return (await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: launchTemplateId, Versions: [String(n)] }))).LaunchTemplateVersions ?? [];
    } catch (error) {
      if (isVersionNotFound(error)) return [];
      throw error;
    }
  };
  return versionNumbers.length > 1 ? (await Promise.all(versionNumbers.map(one))).flat() : [];
}
