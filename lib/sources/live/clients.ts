import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  DeserializeHandler,
  DeserializeHandlerArguments,
  MiddlewareStack,
  RequestHandler,
} from '@smithy/types';
import pLimit from 'p-limit';
import { TOOL_VERSION } from '../../version';
import { deadlineError } from './aws-errors';
import { addStatsMiddleware, type CollectionStats } from './stats';

export interface ClientFactoryOptions {
  /** Shared config/SSO profile for the standard credential chain. */
  readonly profile?: string;
  /** Role to assume for the audit (STS AssumeRole, refreshed before it expires). */
  readonly roleArn?: string;
  readonly externalId?: string;
  readonly roleSessionName?: string;
  /** Every client talks to this endpoint (an emulator). The SDK also honours AWS_ENDPOINT_URL. */
  readonly endpointUrl?: string;
  /** Attempts per call, first included (adaptive retry mode). @default 4 */
  readonly maxAttempts?: number;
  /**
   * Calls in flight at once, over all services and regions. @default 96 (measured: a 17-region
   * account at 40 ms per call needs about this many to reach the rate limits, not the limiter)
   */
  readonly concurrency?: number;
  /**
   * Calls in flight at once per service in one region (AWS throttles each region apart), so one
   * API's rate limit is never flooded. @default min(8, concurrency)
   */
  readonly concurrencyPerService?: number;
  /**
   * Epoch milliseconds after which no new call starts (the Lambda's remaining time, a CI budget):
   * later calls fail with TIMED_OUT instead of running past it.
   */
  readonly deadline?: number;
  /** Connection timeout: an unreachable endpoint fails fast. @default 3000 */
  readonly connectTimeoutMs?: number;
  /** @default 30000 */
  readonly requestTimeoutMs?: number;
  /** Explicit credentials (tests, or callers that resolved them already). */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Replaces the HTTP layer (the simulated AWS of the tests). */
  readonly requestHandler?: RequestHandler<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Replaces the adaptive retry strategy (tests and benchmarks use one with short delays so a
   * throttled run finishes in milliseconds; the retry logic itself stays the SDK's).
   */
  readonly retryStrategy?: unknown;
  /** Adds middleware to every client (the simulated AWS of the tests). */
  readonly middleware?: (stack: MiddlewareStack<any, any>, at: { service: string; region: string }) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Calls in flight at once over the whole collection, unless told otherwise. */
export const DEFAULT_CONCURRENCY = 96;

type ClientConstructor<C> = new (config: Record<string, unknown>) => C;
interface SdkClient {
  middlewareStack: MiddlewareStack<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  destroy(): void;
}

/**
 * One SDK client per (service, region), all sharing one credential provider, adaptive retries with
 * bounded attempts, and two concurrency limits: per service in each region, and overall. Statistics of every call
 * land in `stats`.
 */
export class ClientFactory {
  private readonly clients = new Map<string, SdkClient>();
  private readonly perService = new Map<string, pLimit.Limit>();
  private readonly overall: pLimit.Limit;
  private readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;

  constructor(
    readonly options: ClientFactoryOptions,
    readonly stats: CollectionStats,
  ) {
    this.overall = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.credentials = options.credentials ?? resolveCredentials(options);
  }

  get<C extends SdkClient>(service: string, Client: ClientConstructor<C>, region: string, overrides: Record<string, unknown> = {}): C {
    const key = `${service}|${Client.name}|${region}|${JSON.stringify(overrides)}`;
    const existing = this.clients.get(key);
    if (existing) return existing as C;
    const o = this.options;
    const client = new Client({
      region,
      credentials: this.credentials,
      retryMode: 'adaptive',
      maxAttempts: o.maxAttempts ?? 4,
      ...(o.retryStrategy ? { retryStrategy: o.retryStrategy } : {}),
      customUserAgent: `hardeks/${TOOL_VERSION}`,
      ...(o.endpointUrl ? { endpoint: o.endpointUrl, ...(service === 's3' ? { forcePathStyle: true } : {}) } : {}),
      requestHandler: o.requestHandler ?? { connectionTimeout: o.connectTimeoutMs ?? 3000, requestTimeout: o.requestTimeoutMs ?? 30_000 },
      ...overrides,
    });
    this.addLimiter(client.middlewareStack, service, region);
    refuseHtmlAnswers(client.middlewareStack);
    addStatsMiddleware(client.middlewareStack, service, this.stats);
    o.middleware?.(client.middlewareStack, { service, region });
    this.clients.set(key, client);
    return client;
  }

  /** Closes every client's sockets. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private addLimiter(stack: MiddlewareStack<any, any>, service: string, region: string): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    // Rate limits are per region, so is this bound: one bound per service over 17 regions left each region's limit mostly idle.
    const key = `${service}|${region}`;
    let limit = this.perService.get(key);
    if (!limit) {
      limit = pLimit(this.options.concurrencyPerService ?? Math.min(8, this.options.concurrency ?? DEFAULT_CONCURRENCY));
      this.perService.set(key, limit);
    }
    const serviceLimit = limit;
    // Outermost: a call waits for a service slot, then an overall slot, and keeps both through its retries.
    const deadline = this.options.deadline;
    stack.add(
      (next) => (args) =>
        serviceLimit(() =>
          this.overall(() => {
            if (deadline !== undefined && Date.now() >= deadline) throw deadlineError('the collection ran out of time before this call');
            return next(args);
          }),
        ),
      { step: 'initialize', name: 'hardeksLimiter', priority: 'high' },
    );
  }
}

function resolveCredentials(o: ClientFactoryOptions): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain(o.profile ? { profile: o.profile } : {});
  if (!o.roleArn) return shared(base);
  return shared(fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: o.roleArn,
      RoleSessionName: o.roleSessionName ?? `hardeks-${Date.now()}`,
      ...(o.externalId ? { ExternalId: o.externalId } : {}),
      DurationSeconds: 3600,
    },
    ...(o.endpointUrl ? { clientConfig: { endpoint: o.endpointUrl } } : {}),
  }));
}

/** Refresh this long before credentials expire, so no call is signed with credentials about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * One credential lookup shared by every client (each SDK client would otherwise resolve its own: one
 * AssumeRole or metadata call per service and region), renewed shortly before it expires.
 */
export function shared(provider: AwsCredentialIdentityProvider, now: () => number = Date.now): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    const current = pending;
    if (current) {
      const identity = await current.catch(() => undefined);
      if (identity && (!identity.expiration || identity.expiration.getTime() - REFRESH_MARGIN_MS > now())) return identity;
      if (pending !== current) return pending!;
    }
    pending = provider();
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}

/**
 * A proxy or gateway that answers 200 with an HTML page would make the SDK's XML readers (EC2, IAM,
 * S3, STS) return an empty listing — "no security groups", hence a PASS on data never received.
 * AWS APIs never answer HTML, so such a response is refused before it is deserialized.
 */
function refuseHtmlAnswers(stack: MiddlewareStack<any, any>): void { // eslint-disable-line @typescript-eslint/no-explicit-any
  stack.addRelativeTo(
    (next: DeserializeHandler<any, any>) => async (args: DeserializeHandlerArguments<any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const result = await next(args);
      const response = result.response as { statusCode?: number; headers?: Record<string, string> } | undefined;
      const type = Object.entries(response?.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
      if (/text\/html/i.test(type)) {
        const error = new Error(`the endpoint answered HTTP ${response?.statusCode ?? '?'} with an HTML page instead of an AWS response`);
        error.name = 'UnexpectedHtmlResponse';
        throw Object.assign(error, { $fault: 'server', $metadata: { httpStatusCode: response?.statusCode } });
      }
      return result;
    },
    { relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'hardeksRefuseHtml' },
  );
}
