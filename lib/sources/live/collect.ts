import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { InputError } from '../../errors';
import {
  GLOBAL_REGION,
  RESOURCE_KINDS,
  SCHEMA_VERSION,
  type CollectionIssue,
  type Coverage,
  type Inventory,
  type Resource,
  type ResourceKind,
} from '../../model';
import { classifyAwsError, deadlineError, toIssue } from './aws-errors';
import { ClientFactory, type ClientFactoryOptions } from './clients';
import { ALL_COLLECTORS } from './collectors';
import type { Collector, CollectorTask, TaskContext } from './collector';
import { partitionOf } from './convert';
import { homeRegionOf, planRegions } from './regions';
import { emptyStats } from './stats';

/** Calls the driver makes itself, beyond the collectors'. */
export const DRIVER_PERMISSIONS = ['ec2:DescribeRegions', 'sts:GetCallerIdentity'] as const;

export type ProgressEvent =
  | { readonly type: 'plan'; readonly tasks: number; readonly regions: readonly string[] }
  | { readonly type: 'task'; readonly service: string; readonly kind: ResourceKind; readonly region: string; readonly count: number; readonly issue?: CollectionIssue };

export interface CollectOptions extends ClientFactoryOptions {
  /** Regions to audit; default: every enabled region of the account. */
  readonly regions?: readonly string[];
  /** Services to collect (`iam`, `ec2`, `eks`, …); default: all. */
  readonly services?: readonly string[];
  /** The collectors to run; default: all of them. */
  readonly collectors?: readonly Collector[];
  /** Region for STS and region discovery. @default AWS_REGION, else us-east-1 */
  readonly homeRegion?: string;
  /**
   * Longest a single task (one kind in one region) may take, in milliseconds; one that hangs is
   * recorded as TIMED_OUT and the rest of the audit goes on. @default 120000
   */
  readonly taskTimeoutMs?: number;
  /** Clock for collectedAt (tests). */
  readonly now?: () => Date;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * Collects a live account into an Inventory. Every (task, region) runs in its own try/catch: a
 * failure is classified and recorded in coverage, what was collected is kept, and the rest goes on.
 */
export async function collectInventory(options: CollectOptions = {}): Promise<Inventory> {
  const stats = emptyStats();
  const started = Date.now();
  const clients = new ClientFactory(options, stats);
  try {
    const collectors = selectCollectors(options.collectors ?? ALL_COLLECTORS, options.services);
    const startRegion = options.homeRegion ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
    const identity = await whoAmI(clients, startRegion);
    const partition = partitionOf(identity.arn);
    const home = homeRegionOf(partition);
    const plan = await planRegions(clients, options.homeRegion ?? (partition === 'aws' ? startRegion : home), options.regions);

    const resources = new Map<ResourceKind, Resource[]>();
    const coverage: Coverage[] = [];
    const runs: Promise<void>[] = [];
    const regional = collectors.filter((c) => c.scope === 'regional');
    options.onProgress?.({
      type: 'plan',
      tasks: collectors.reduce((n, c) => n + c.tasks.length * (c.scope === 'global' ? 1 : plan.enabled.length), 0),
      regions: plan.enabled,
    });

    for (const { region, issue } of plan.disabled) {
      for (const c of regional) for (const t of c.tasks) coverage.push({ kind: t.kind, region, status: 'error', issue });
    }
    const run = new RegionRun(clients, identity.account, partition, plan.enabled, resources, coverage, timeLimit(options), options.onProgress);
    for (const c of collectors.filter((x) => x.scope === 'global')) runs.push(run.collector(c, home, GLOBAL_REGION));
    for (const region of plan.enabled) for (const c of regional) runs.push(run.collector(c, region, region));
    await Promise.all(runs);

    stats.durationMs = Date.now() - started;
    return {
      schemaVersion: SCHEMA_VERSION,
      source: {
        type: 'live',
        accountId: identity.account,
        partition,
        // Regions asked for but disabled stay in the list, so their findings say UNKNOWN rather than vanish.
        regions: [...plan.enabled, ...plan.disabled.map((d) => d.region)].sort(),
        collectedAt: (options.now?.() ?? new Date()).toISOString(),
        collection: stats,
      },
      resources: Object.fromEntries(
        RESOURCE_KINDS.filter((k) => resources.has(k)).map((k) => [k, resources.get(k)!.sort((a, b) => a.id.localeCompare(b.id))]),
      ) as Inventory['resources'],
      coverage: coverage.sort((a, b) => a.kind.localeCompare(b.kind) || a.region.localeCompare(b.region) || (a.part ?? '').localeCompare(b.part ?? '')),
    };
  } finally {
    clients.destroy();
  }
}

export function selectCollectors(all: readonly Collector[], services?: readonly string[]): Collector[] {
  if (!services || services.length === 0) return [...all];
  const known = new Set(all.map((c) => c.service));
  const unknown = services.filter((s) => !known.has(s));
  if (unknown.length > 0) throw new InputError('UNKNOWN_SERVICE', `no collector for ${unknown.join(', ')}; services: ${[...known].sort().join(', ')}`);
  return all.filter((c) => services.includes(c.service));
}

async function whoAmI(clients: ClientFactory, region: string): Promise<{ account: string; arn: string }> {
  try {
    const out = await clients.get('sts', STSClient, region).send(new GetCallerIdentityCommand({}));
    if (!out.Account || !out.Arn) throw new Error('GetCallerIdentity returned no account');
    return { account: out.Account, arn: out.Arn };
  } catch (error) {
    const issue = toIssue(error, 'sts', 'GetCallerIdentity');
    throw new InputError('AWS_CREDENTIALS', `cannot identify the AWS account (${issue.code}): ${issue.message}`);
  }
}

/** Runs collectors' tasks in regions, recording resources and coverage, with one gate per region. */
class RegionRun {
  /** Regions found unreachable mid-run: their remaining tasks are recorded without calls. */
  private readonly disabledRegions = new Map<string, CollectionIssue>();

  constructor(
    private readonly clients: ClientFactory,
    private readonly accountId: string,
    private readonly partition: string,
    private readonly regions: readonly string[],
    private readonly resources: Map<ResourceKind, Resource[]>,
    private readonly coverage: Coverage[],
    private readonly timeLimitMs: () => number,
    private readonly onProgress?: (event: ProgressEvent) => void,
  ) {}

  async collector(collector: Collector, region: string, recordRegion: string): Promise<void> {
    const memos = new Map<string, Promise<unknown>>();
    await Promise.all(collector.tasks.map((task) => this.task(collector, task, region, recordRegion, memos)));
  }

  private async task(collector: Collector, task: CollectorTask, region: string, recordRegion: string, memos: Map<string, Promise<unknown>>): Promise<void> {
    let count = 0;
    const gate = this.disabledRegions.get(region);
    if (gate) {
      this.record({ kind: task.kind, region: recordRegion, status: 'error', issue: gate }, collector, 0);
      return;
    }
    const ctx: TaskContext = {
      accountId: this.accountId,
      partition: this.partition,
      region,
      recordRegion,
      regions: this.regions,
      client: (Client) => this.clients.get(collector.service, Client, region),
      clientFor: (service, Client, where) => this.clients.get(service, Client, where),
      add: (kind, ...items) => {
        const list = this.resources.get(kind) ?? [];
        list.push(...(items as Resource[]));
        this.resources.set(kind, list);
        count += items.length;
      },
      perResource: async (operation, call) => {
        try {
          return { ok: true, value: await call() };
        } catch (error) {
          return { ok: false, issue: toIssue(error, collector.service, operation) };
        }
      },
      part: async (kind, part, operation, call, fallback) => {
        try {
          return await call();
        } catch (error) {
          this.coverage.push({ kind, region: recordRegion, status: 'error', part, issue: toIssue(error, collector.service, operation) });
          return fallback;
        }
      },
      memo: <T>(key: string, call: () => Promise<T>) => {
        let pending = memos.get(key) as Promise<T> | undefined;
        if (!pending) {
          pending = call();
          memos.set(key, pending);
        }
        return pending;
      },
    };
    try {
      await withTimeout(task.collect(ctx), this.timeLimitMs(), `${collector.service} ${task.kind} in ${region}`);
      this.record({ kind: task.kind, region: recordRegion, status: 'ok' }, collector, count);
    } catch (error) {
      const issue = toIssue(error, collector.service, operationOf(error));
      if (classifyAwsError(error) === 'REGION_DISABLED' && recordRegion !== GLOBAL_REGION) this.disabledRegions.set(region, issue);
      this.record({ kind: task.kind, region: recordRegion, status: 'error', issue }, collector, count);
    }
  }

  private record(entry: Coverage, collector: Collector, count: number): void {
    this.coverage.push(entry);
    this.onProgress?.({ type: 'task', service: collector.service, kind: entry.kind, region: entry.region, count, ...(entry.issue ? { issue: entry.issue } : {}) });
  }
}

/** How long a task may still run: its own limit, or less when the overall deadline is nearer. */
function timeLimit(options: CollectOptions): () => number {
  const perTask = options.taskTimeoutMs ?? 120_000;
  return () => (options.deadline === undefined ? perTask : Math.max(0, Math.min(perTask, options.deadline - Date.now())));
}

/** Settles with the task, or fails with a TIMED_OUT error when it outlives its time; the timer never keeps the process alive. */
function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(deadlineError(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The failing operation, as the stats middleware stamped it on the error. */
function operationOf(error: unknown): string | undefined {
  return (error as { $hardeksOperation?: string } | null)?.$hardeksOperation;
}
