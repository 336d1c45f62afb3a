import type { S3Client } from '@aws-sdk/client-s3';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { SNSClient } from '@aws-sdk/client-sns';
import { ALL_CHECKS } from '../checks';
import { selectChecks } from '../checks/select';
import type { Check } from '../engine/check';
import { runChecks } from '../engine/run';
import { parseSuppressions, type Suppression } from '../engine/suppressions';
import type { Report, StatusCounts } from '../engine/types';
import { HardeksError, InputError } from '../errors';
import type { Inventory } from '../model';
import { formatHtml } from '../report/html';
import { formatJson } from '../report/json';
import { collectInventory, selectCollectors, type CollectOptions } from '../sources/live/collect';
import { ALL_COLLECTORS } from '../sources/live/collectors';
import { collectorServicesFor } from '../sources/live/plan';
import { collectionDeadline } from './budget';
import { compareWithBaseline, type AuditChanges } from './changes';
import type { AuditLambdaConfig } from './config';
import { publishNotice } from './notify';
import { reportLocation, ReportStore, type PreviousReport, type ReportLocation } from './report-store';
import { syncSecurityHub, type SecurityHubSync } from './security-hub';

/** Whom one invocation audits, and what it delivers. */
export interface AuditTarget {
  /** The account the credentials must lead to (organization targets); the run fails rather than audit another. */
  readonly accountId?: string;
  readonly regions?: readonly string[];
  readonly roleArn?: string;
  readonly externalId?: string;
  /** `account` for a whole-account audit, or the region of an organization target: names its reports. */
  readonly scope: string;
  readonly notify: boolean;
  readonly securityHub: boolean;
}

/** The outside world of an audit run; tests replace each part. */
export interface AuditDependencies {
  /** Client of the report bucket (the function's own credentials, not the audited role's). */
  readonly s3: S3Client;
  readonly sns?: SNSClient;
  readonly securityHub?: (region: string) => SecurityHubClient;
  /** Live collection; tests point it at the simulated AWS. @default collectInventory */
  readonly collect?: (options: CollectOptions) => Promise<Inventory>;
  /** The audit time stamped on the report. @default the clock */
  readonly now?: () => Date;
  readonly log?: (event: string, detail: Readonly<Record<string, unknown>>) => void;
}

export interface AuditOutcome {
  readonly accountId: string;
  readonly scope: string;
  readonly generatedAt: string;
  readonly reports: { readonly json: string; readonly html?: string };
  readonly byStatus: StatusCounts;
  /** The report this run was compared with, or why there was none. */
  readonly baseline: string;
  readonly newFailures: number;
  readonly resolved: number;
  /** Baseline problems that vanished where this run could not look: kept open, not resolved. */
  readonly unconfirmed: number;
  /** Regions (or `global`) where some collection failed, with the reasons: their findings are UNKNOWN. */
  readonly gaps: readonly string[];
  readonly notified: boolean;
  readonly securityHub?: SecurityHubSync;
  /** Deliveries that failed; the baseline stays where it was so the next run repeats them. */
  readonly deliveryProblems: readonly string[];
}

/** One run: its outcome, and the report and changes behind it (organization targets summarize them). */
export interface AuditRun {
  readonly outcome: AuditOutcome;
  readonly report: Report;
  readonly changes: AuditChanges;
}

/** A report was written but a notification or Security Hub delivery failed; `outcome` says what happened. */
export class AuditDeliveryError extends HardeksError {
  constructor(readonly outcome: AuditOutcome) {
    super('AUDIT_DELIVERY_FAILED', `the report was written to ${outcome.reports.json}, but ${outcome.deliveryProblems.join('; ')}`);
  }
}

/**
 * One audit run: collect within the time left, judge, store the reports, compare with the
 * baseline, notify new failures at or above the threshold, sync Security Hub, then move the
 * baseline. The baseline moves only when every delivery succeeded.
 */
export async function runAudit(config: AuditLambdaConfig, target: AuditTarget, remainingMs: number, deps: AuditDependencies): Promise<AuditRun> {
  const log = deps.log ?? (() => undefined);
  const deadline = collectionDeadline(Date.now(), remainingMs, config.safetyMarginMs);
  const store = new ReportStore(deps.s3, config.reportBucket);
  const checks = selectChecks(ALL_CHECKS, { ...(config.services ? { services: config.services } : {}), ...(config.checks ? { ids: config.checks } : {}) });
  const suppressions = config.suppressionsKey ? await readSuppressions(store, config.suppressionsKey) : [];

  const inventory = await (deps.collect ?? collectInventory)(collectOptions(config, target, checks, deadline));
  const accountId = inventory.source.accountId ?? target.accountId ?? 'unknown';
  if (target.accountId !== undefined && accountId !== target.accountId) {
    throw new HardeksError('WRONG_ACCOUNT', `the credentials for account ${target.accountId} lead to account ${accountId}; nothing was reported`);
  }
  const gaps = collectionGaps(inventory);
  log('collected', { accountId, regions: inventory.source.regions, gaps, deadline: new Date(deadline).toISOString() });

  const report = runChecks(inventory, checks, { suppressions, now: deps.now?.() ?? new Date() });
  const baseline = await store.previous(accountId, target.scope);
  const changes = compareWithBaseline(baseline.found ? baseline.report : undefined, report, config.notifySeverity);
  const location = reportLocation(accountId, target.scope, report.metadata.generatedAt);
  await store.write(location.json, formatJson(report), 'application/json');
  if (config.htmlReport) await store.write(location.html, formatHtml(report), 'text/html; charset=utf-8');

  const delivered = await deliver(config, target, deps, { accountId, report, baseline, changes, location, gaps });
  if (delivered.problems.length === 0) await store.markLatest(location, report.metadata.generatedAt);
  const outcome = summarizeRun({ accountId, target, report, baseline, changes, location, gaps, config, delivered });
  log('audited', { ...outcome });
  if (outcome.deliveryProblems.length > 0) throw new AuditDeliveryError(outcome);
  return { outcome, report, changes };
}

function collectOptions(config: AuditLambdaConfig, target: AuditTarget, checks: readonly Check[], deadline: number): CollectOptions {
  // Collect what the selected checks read, and nothing more (EKS checks read IAM, KMS, GuardDuty and EC2 too).
  const services = collectorServicesFor([...new Set(checks.map((c) => c.service))]);
  return {
    collectors: selectCollectors(ALL_COLLECTORS, services),
    deadline,
    taskTimeoutMs: config.taskTimeoutMs,
    roleSessionName: 'hardeks-audit',
    ...(target.regions ? { regions: target.regions } : {}),
    ...(target.roleArn ? { roleArn: target.roleArn } : {}),
    ...(target.externalId ? { externalId: target.externalId } : {}),
    ...(config.concurrency !== undefined ? { concurrency: config.concurrency } : {}),
  };
}

async function readSuppressions(store: ReportStore, key: string): Promise<Suppression[]> {
  const text = await store.readText(key);
  // Auditing without the accepted risks would notify every one of them as new: refuse instead.
  if (text === undefined) throw new InputError('SUPPRESSIONS_UNREADABLE', `HARDEKS_SUPPRESSIONS_KEY names s3://${store.bucket}/${key}, which does not exist`);
  return parseSuppressions(text, `s3://${store.bucket}/${key}`);
}

/** Regions whose collection failed somewhere, each with the failure codes: `eu-west-1: TIMED_OUT (eks.cluster, …)`. */
export function collectionGaps(inventory: Inventory): string[] {
  const byRegion = new Map<string, Map<string, string[]>>();
  for (const c of inventory.coverage) {
    if (c.status !== 'error' || !c.issue) continue;
    const codes = byRegion.get(c.region) ?? new Map<string, string[]>();
    codes.set(c.issue.code, [...(codes.get(c.issue.code) ?? []), c.kind]);
    byRegion.set(c.region, codes);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, codes]) => `${region}: ${[...codes.entries()].map(([code, kinds]) => `${code} (${[...new Set(kinds)].join(', ')})`).join('; ')}`);
}

interface RunState {
  readonly accountId: string;
  readonly report: Report;
  readonly baseline: PreviousReport;
  readonly changes: AuditChanges;
  readonly location: ReportLocation;
  readonly gaps: readonly string[];
}

interface Delivered {
  readonly notified: boolean;
  readonly securityHub?: SecurityHubSync;
  readonly problems: readonly string[];
}

/** Notification, then Security Hub; a failure of one is recorded and the other still runs. */
async function deliver(config: AuditLambdaConfig, target: AuditTarget, deps: AuditDependencies, run: RunState): Promise<Delivered> {
  const problems: string[] = [];
  let notified = false;
  let securityHub: SecurityHubSync | undefined;
  if (target.notify && config.topicArn && run.changes.newFailures.length > 0) {
    try {
      if (!deps.sns) throw new Error('no SNS client');
      await publishNotice(deps.sns, config.topicArn, {
        subjectOf: `account ${run.accountId}${target.scope === 'account' ? '' : ` (${target.scope})`}`,
        notifySeverity: config.notifySeverity,
        newFailures: run.changes.newFailures,
        resolved: run.changes.resolved.length,
        gaps: run.gaps,
        links: [`JSON report: s3://${config.reportBucket}/${run.location.json}`, ...(config.htmlReport ? [`HTML report: s3://${config.reportBucket}/${run.location.html}`] : [])],
      });
      notified = true;
    } catch (error) {
      problems.push(`the SNS notification failed: ${(error as Error).message}`);
    }
  }
  if (target.securityHub) {
    try {
      if (!deps.securityHub) throw new Error('no Security Hub client');
      securityHub = await syncSecurityHub(deps.securityHub, run.report, run.baseline.found ? run.baseline.report : undefined, run.changes.resolved, {
        now: new Date(run.report.metadata.generatedAt),
        ...(config.securityHubRegion ? { region: config.securityHubRegion } : {}),
      });
    } catch (error) {
      problems.push(`the Security Hub import failed: ${(error as Error).message}`);
    }
  }
  return { notified, problems, ...(securityHub ? { securityHub } : {}) };
}

function summarizeRun(run: RunState & { target: AuditTarget; config: AuditLambdaConfig; delivered: Delivered }): AuditOutcome {
  return {
    accountId: run.accountId,
    scope: run.target.scope,
    generatedAt: run.report.metadata.generatedAt,
    reports: { json: run.location.json, ...(run.config.htmlReport ? { html: run.location.html } : {}) },
    byStatus: run.report.summary.byStatus,
    baseline: run.baseline.found ? run.baseline.key : run.baseline.reason,
    newFailures: run.changes.newFailures.length,
    resolved: run.changes.resolved.length,
    unconfirmed: run.changes.unconfirmed.length,
    gaps: run.gaps,
    notified: run.delivered.notified,
    ...(run.delivered.securityHub ? { securityHub: run.delivered.securityHub } : {}),
    deliveryProblems: run.delivered.problems,
  };
}
