import { paginateListAccounts, type OrganizationsClient } from '@aws-sdk/client-organizations';
import pLimit from 'p-limit';
import { STATUSES, type Finding, type StatusCounts } from '../engine/types';
import { emptyCounts } from '../engine/summary';
import { findingIdentity } from '../report/identity';
import type { AuditDependencies, AuditRun } from './audit';
import { runAudit } from './audit';
import { requireOrganizationSettings, type AuditLambdaConfig } from './config';
import { publishNotice } from './notify';
import { dateAndTime, ReportStore } from './report-store';

/**
 * An organization audit is a Step Functions execution: plan (list the accounts, write one target
 * per account × region to S3), a Distributed Map that runs one target audit per item through the
 * member account's role, and a summary of every target's result. Files of one execution live
 * under `organization/<date>/<run>/`.
 */
export interface OrganizationTarget {
  readonly accountId: string;
  readonly region: string;
}

export interface OrganizationPlan {
  readonly bucket: string;
  readonly targetsKey: string;
  readonly runPrefix: string;
  readonly accounts: number;
  readonly targets: number;
}

/** Lists the organization's active accounts (every page) and writes the targets for the Distributed Map to read. */
export async function planOrganizationAudit(config: AuditLambdaConfig, organizations: OrganizationsClient, store: ReportStore, now: Date, executionName = 'run'): Promise<OrganizationPlan> {
  const { regions } = requireOrganizationSettings(config);
  const excluded = new Set(config.excludedAccounts ?? []);
  const accounts: string[] = [];
  for await (const page of paginateListAccounts({ client: organizations }, {})) {
    for (const account of page.Accounts ?? []) {
      // Suspended and closing accounts cannot be audited; `Status` is the older field for `State`.
      const state = account.State ?? account.Status;
      if (account.Id && state === 'ACTIVE' && !excluded.has(account.Id)) accounts.push(account.Id);
    }
  }
  const targets: OrganizationTarget[] = accounts.sort().flatMap((accountId) => regions.map((region) => ({ accountId, region })));
  const runPrefix = organizationRunPrefix(now, executionName);
  const targetsKey = `${runPrefix}targets.json`;
  await store.writeJson(targetsKey, targets);
  return { bucket: store.bucket, targetsKey, runPrefix, accounts: accounts.length, targets: targets.length };
}

export function organizationRunPrefix(now: Date, executionName: string): string {
  const { date, time } = dateAndTime(now.toISOString());
  return `organization/${date}/${time}Z-${executionName.replace(/[^\w-]/g, '').slice(0, 40) || 'run'}/`;
}

/** What one target leaves for the summary. */
export type TargetResult =
  | {
      readonly accountId: string;
      readonly region: string;
      readonly status: 'AUDITED';
      readonly report: string;
      /** Counts of the findings in the target's region; `global` ones (IAM) are counted once per account. */
      readonly regional: StatusCounts;
      readonly global: StatusCounts;
      readonly newFailures: readonly Finding[];
      /** Baseline problems now fixed, split as the counts are. */
      readonly resolved: { readonly regional: number; readonly global: number };
      readonly gaps: readonly string[];
    }
  | { readonly accountId: string; readonly region: string; readonly status: 'NOT_AUDITED'; readonly reason: string };

export const targetResultKey = (runPrefix: string, t: OrganizationTarget): string => `${runPrefix}results/${t.accountId}-${t.region}.json`;

/**
 * Audits one account in one region through its member role, and records the result for the
 * summary. A target that cannot be audited records why, then fails, so the execution shows it.
 */
export async function auditOrganizationTarget(
  config: AuditLambdaConfig,
  item: OrganizationTarget & { readonly runPrefix: string },
  partition: string,
  remainingMs: number,
  deps: AuditDependencies,
): Promise<TargetResult> {
  const { memberRoleName } = requireOrganizationSettings(config);
  const store = new ReportStore(deps.s3, config.reportBucket);
  const key = targetResultKey(item.runPrefix, item);
  let run: AuditRun;
  try {
    run = await runAudit(
      config,
      {
        accountId: item.accountId,
        regions: [item.region],
        roleArn: `arn:${partition}:iam::${item.accountId}:role/${memberRoleName}`,
        ...(config.externalId ? { externalId: config.externalId } : {}),
        scope: item.region,
        // One notification for the organization, from the summary; Security Hub imports must come from the finding's own account.
        notify: false,
        securityHub: false,
      },
      remainingMs,
      deps,
    );
  } catch (error) {
    const e = error as { code?: string; message?: string };
    await store.writeJson(key, { accountId: item.accountId, region: item.region, status: 'NOT_AUDITED', reason: `${e.code ?? 'ERROR'}: ${e.message ?? String(error)}` } satisfies TargetResult);
    throw error;
  }
  const result: TargetResult = {
    accountId: item.accountId,
    region: item.region,
    status: 'AUDITED',
    report: run.outcome.reports.json,
    regional: countWhere(run.report.findings, (f) => f.resource.region !== 'global'),
    global: countWhere(run.report.findings, (f) => f.resource.region === 'global'),
    newFailures: run.changes.newFailures,
    resolved: {
      regional: run.changes.resolved.filter((f) => f.resource.region !== 'global').length,
      global: run.changes.resolved.filter((f) => f.resource.region === 'global').length,
    },
    gaps: run.outcome.gaps,
  };
  await store.writeJson(key, result);
  return result;
}

function countWhere(findings: readonly Finding[], keep: (f: Finding) => boolean): StatusCounts {
  const counts = emptyCounts();
  for (const f of findings) if (keep(f)) counts[f.status] += 1;
  return counts;
}

export interface OrganizationSummary {
  readonly runPrefix: string;
  readonly generatedAt: string;
  readonly targets: number;
  readonly audited: number;
  /** Targets with no result or a failed one: nothing there was judged. */
  readonly notAudited: readonly { readonly accountId: string; readonly region: string; readonly reason: string }[];
  readonly byStatus: StatusCounts;
  readonly newFailures: number;
  readonly resolved: number;
  readonly accounts: readonly { readonly accountId: string; readonly regions: readonly string[]; readonly byStatus: StatusCounts; readonly newFailures: number; readonly resolved: number }[];
}

/** Reads every target's result, writes one organization summary, and notifies new failures once. */
export async function summarizeOrganizationAudit(
  config: AuditLambdaConfig,
  runPrefix: string,
  deps: Pick<AuditDependencies, 's3' | 'sns' | 'now'>,
): Promise<{ readonly summaryKey: string; readonly targets: number; readonly audited: number; readonly notAudited: number; readonly newFailures: number; readonly notified: boolean }> {
  const store = new ReportStore(deps.s3, config.reportBucket);
  const targets = (await store.readJson<OrganizationTarget[]>(`${runPrefix}targets.json`)) ?? [];
  const limit = pLimit(16);
  const results = await Promise.all(targets.map((t) => limit(() => store.readJson<TargetResult>(targetResultKey(runPrefix, t)))));
  const summary = summarizeResults(runPrefix, targets, results, (deps.now?.() ?? new Date()).toISOString());
  const summaryKey = `${runPrefix}summary.json`;
  await store.writeJson(summaryKey, summary);
  await store.writeJson('organization/latest-summary.json', { key: summaryKey, generatedAt: summary.generatedAt });

  const newFailures = uniqueNewFailures(results);
  let notified = false;
  if (config.topicArn && deps.sns && newFailures.length > 0) {
    await publishNotice(deps.sns, config.topicArn, {
      subjectOf: `the organization (${summary.accounts.length} account${summary.accounts.length === 1 ? '' : 's'})`,
      notifySeverity: config.notifySeverity,
      newFailures,
      resolved: summary.resolved,
      gaps: summary.notAudited.map((t) => `${t.accountId} ${t.region}: ${t.reason}`),
      links: [`Organization summary: s3://${config.reportBucket}/${summaryKey}`],
    });
    notified = true;
  }
  return { summaryKey, targets: summary.targets, audited: summary.audited, notAudited: summary.notAudited.length, newFailures: summary.newFailures, notified };
}

/** Pure aggregation: global findings (IAM) are counted once per account, not once per region. */
export function summarizeResults(runPrefix: string, targets: readonly OrganizationTarget[], results: readonly (TargetResult | undefined)[], generatedAt: string): OrganizationSummary {
  const notAudited: OrganizationSummary['notAudited'][number][] = [];
  const perAccount = new Map<string, { regions: string[]; byStatus: StatusCounts; global?: StatusCounts; newFailures: Set<string>; resolved: number; globalResolved?: number }>();
  targets.forEach((target, i) => {
    const result = results[i];
    if (!result || result.status === 'NOT_AUDITED') {
      notAudited.push({ ...target, reason: result?.status === 'NOT_AUDITED' ? result.reason : 'no result: the target audit did not finish (see the execution)' });
      return;
    }
    const account = perAccount.get(target.accountId) ?? { regions: [], byStatus: emptyCounts(), newFailures: new Set<string>(), resolved: 0 };
    account.regions.push(target.region);
    add(account.byStatus, result.regional);
    account.global ??= result.global;
    account.resolved += result.resolved.regional;
    account.globalResolved ??= result.resolved.global;
    for (const f of result.newFailures) account.newFailures.add(findingIdentity(f));
    perAccount.set(target.accountId, account);
  });
  const accounts = [...perAccount.entries()].map(([accountId, a]) => {
    const byStatus = emptyCounts();
    add(byStatus, a.byStatus);
    if (a.global) add(byStatus, a.global);
    return { accountId, regions: a.regions, byStatus, newFailures: a.newFailures.size, resolved: a.resolved + (a.globalResolved ?? 0) };
  });
  const byStatus = emptyCounts();
  for (const a of accounts) add(byStatus, a.byStatus);
  return {
    runPrefix,
    generatedAt,
    targets: targets.length,
    audited: targets.length - notAudited.length,
    notAudited,
    byStatus,
    newFailures: accounts.reduce((n, a) => n + a.newFailures, 0),
    resolved: accounts.reduce((n, a) => n + a.resolved, 0),
    accounts,
  };
}

function add(into: StatusCounts, from: StatusCounts): void {
  for (const s of STATUSES) into[s] += from[s] ?? 0;
}

/** New failures over every target, each once: a global finding is reported by every region of its account. */
function uniqueNewFailures(results: readonly (TargetResult | undefined)[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const r of results) if (r?.status === 'AUDITED') for (const f of r.newFailures) if (!seen.has(findingIdentity(f))) seen.set(findingIdentity(f), f);
  return [...seen.values()];
}

