import type { MiddlewareStack } from '@smithy/types';
import type { CollectionIssue, Resource, ResourceKind, ResourceKinds } from '../../model';

type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

/** What a collector task gets: where it runs, a client getter, and the driver's bookkeeping. */
export interface TaskContext {
  readonly accountId: string;
  readonly partition: string;
  /** The AWS region calls go to (for global services, the partition's home region). */
  readonly region: string;
  /** Region recorded on resources and coverage: the region, or `global`. */
  readonly recordRegion: string;
  /** Every region being audited (enabled ones, sorted): for global tasks that must look into each. */
  readonly regions: readonly string[];
  /** The client for this collector's service in this region. */
  client<C extends { middlewareStack: MiddlewareStack<any, any>; destroy(): void }>(Client: ClientConstructor<C>): C; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * A client for another service or region (a global task that reads every region, or S3 in a
   * bucket's own region). Its calls are limited and counted under `service`.
   */
  clientFor<C extends { middlewareStack: MiddlewareStack<any, any>; destroy(): void }>(service: string, Client: ClientConstructor<C>, region: string): C; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Adds collected resources to the inventory. */
  add<K extends ResourceKind>(kind: K, ...resources: ResourceKinds[K][]): void;
  /**
   * Runs a per-resource call. A failure marks only that resource: the result is the issue, which
   * the collector records on a resource as `incomplete`. Everything else propagates.
   */
  perResource<T>(operation: string, call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; issue: CollectionIssue }>;
  /**
   * Runs the call for one part of a kind collected by several calls. On failure the coverage
   * records the part as failed and `fallback` stands in for it.
   */
  part<T>(kind: ResourceKind, part: string, operation: string, call: () => Promise<T>, fallback: T): Promise<T>;
  /** Shares one result between the tasks of a collector in one region (e.g. the cluster list). */
  memo<T>(key: string, call: () => Promise<T>): Promise<T>;
}

/** Collects one resource kind. Tasks do not catch: the driver classifies what they throw. */
export interface CollectorTask {
  readonly kind: ResourceKind;
  /** The IAM actions the task's calls need; the audit role's policy is generated from these. */
  readonly permissions: readonly string[];
  collect(ctx: TaskContext): Promise<void>;
}

export interface Collector {
  /** The service name: its SDK concurrency bucket and the `--services` name. */
  readonly service: string;
  /** Global collectors (IAM) run once per account; regional ones in every region. */
  readonly scope: 'global' | 'regional';
  readonly tasks: readonly CollectorTask[];
}

/** Every IAM action a set of collectors needs, sorted and unique. */
export function requiredPermissions(collectors: readonly Collector[]): string[] {
  return [...new Set(collectors.flatMap((c) => c.tasks.flatMap((t) => t.permissions)))].sort();
}

export type { Resource };
