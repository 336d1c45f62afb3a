import { Readable } from 'node:stream';
import type { FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext, MiddlewareStack } from '@smithy/types';
import type { ClientFactoryOptions } from '../../sources/live/clients';
import { awsError, type ErrorStyle } from './errors';
import type { SimWorld } from './world';

/** What a handler sees besides its input. */
export interface CallContext {
  readonly region: string;
  readonly world: SimWorld;
  /** Page size for list operations that do not take a max from the caller. */
  readonly pageSize: number;
}

export type Handler = (input: any, call: CallContext) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One simulated service: its name as the ClientFactory knows it, its error style, and its operations. */
export interface SimService {
  readonly service: string;
  readonly errors: ErrorStyle;
  /** Global services (IAM, STS's global endpoint) answer from any region. */
  readonly global?: boolean;
  readonly operations: Readonly<Record<string, Handler>>;
}

/**
 * `hang`: the call never answers (a region that black-holes traffic); timeouts must bound it.
 * `connection-reset` and `timeout` are what the HTTP layer raises for a dropped socket and a request
 * that outlived its timeout: the SDK retries both as transient.
 */
export type FaultType = 'access-denied' | 'throttle' | 'server-error' | 'malformed' | 'bad-gateway' | 'hang' | 'connection-reset' | 'timeout';

/**
 * A token bucket in front of matching operations, as AWS throttles its APIs: each call takes a
 * token; `burst` tokens at most; `perSecond` come back every second. A call finding the bucket
 * empty is answered with the service's throttling error, so the SDK's retry strategy runs.
 */
export interface RateLimit {
  /** `service:Operation`, or a glob (`ec2:Describe*`). The first matching limit applies. */
  readonly operation: string;
  readonly perSecond: number;
  readonly burst: number;
  /** One bucket per region (AWS's usual scope) or one for the whole account. @default region */
  readonly per?: 'region' | 'account';
}

/** Milliseconds a call takes: a constant, or one per operation and region. */
export type Latency = number | ((operation: string, region: string) => number);

export interface Fault {
  /** `service:Operation`, or a glob with `*` (`eks:*`, `*`). */
  readonly operation: string;
  readonly region?: string;
  readonly type: FaultType;
  /** Share of matching calls that fail, decided by a seeded generator. @default 1 */
  readonly rate?: number;
  /** Fail at most this many calls. */
  readonly times?: number;
}

export interface SimulatedAwsOptions {
  readonly services: readonly SimService[];
  /** @default 20 */
  readonly pageSize?: number;
  /** Seed of the generator that decides rate-based faults. @default 1 */
  readonly seed?: number;
  /** Latency added to every call, in milliseconds (benchmarks). @default 0 */
  readonly latencyMs?: Latency;
  /** Token buckets per operation (benchmarks): calls beyond them are throttled. @default none */
  readonly rateLimits?: readonly RateLimit[];
  /** Clock of the token buckets (tests). @default Date.now */
  readonly clock?: () => number;
}

const MALFORMED_MARK = Symbol('hardeks.sim.malformed');

/**
 * An AWS account in memory, served beneath the SDK's retry middleware: every call goes through
 * the real client, its paginators, its retry strategy and its error handling, and ends here
 * instead of on the network. Faults (denials, throttling, 5xx, malformed bodies, disabled
 * regions) are injected per operation and region; every attempt is counted.
 */
export class SimulatedAws {
  /** Attempts per `service:Operation`, retries included. */
  readonly calls: Record<string, number> = {};
  /** Attempts per `service:Operation` answered with a throttling error by a rate limit. */
  readonly throttled: Record<string, number> = {};
  private readonly services: Map<string, SimService>;
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly faults: { fault: Fault; used: number }[] = [];
  private random: () => number;

  constructor(
    readonly world: SimWorld,
    private readonly options: SimulatedAwsOptions,
  ) {
    this.services = new Map(options.services.map((s) => [s.service, s]));
    this.random = mulberry32(options.seed ?? 1);
  }

  inject(fault: Fault): this {
    this.faults.push({ fault, used: 0 });
    return this;
  }

  /** Total attempts over every operation. */
  get totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  /** Options that point a ClientFactory at this simulated AWS. */
  clientOptions(): Pick<ClientFactoryOptions, 'credentials' | 'middleware' | 'requestHandler'> {
    return {
      credentials: { accessKeyId: 'AKIASIMULATED', secretAccessKey: 'simulated' },
      middleware: (stack, at) => this.attach(stack, at.service, at.region),
      requestHandler: {
        // Reached only for injected malformed bodies; any other request would be a real network call.
        handle: async (request: { [MALFORMED_MARK]?: FaultType }) => {
          const type = (request as Record<symbol, FaultType | undefined>)[MALFORMED_MARK];
          if (!type) throw new Error('simulated AWS: a request reached the network layer');
          return {
            response: {
              statusCode: type === 'bad-gateway' ? 502 : 200,
              headers: { 'content-type': 'text/html' },
              body: Readable.from([Buffer.from('<html><body><h1>Gateway error</h1>upstream sent an invalid response</body></html>')]),
            },
          };
        },
      } as never,
    };
  }

  private attach(stack: MiddlewareStack<any, any>, service: string, region: string): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    stack.addRelativeTo(
      (next: FinalizeHandler<any, any>, context: HandlerExecutionContext) => async (args: FinalizeHandlerArguments<any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const result = await this.serve(service, operation, region, args.input as object);
        if (result.malformed) {
          (args.request as Record<symbol, FaultType>)[MALFORMED_MARK] = result.malformed;
          return next(args);
        }
        return { response: { statusCode: 200, headers: {} }, output: { $metadata: { httpStatusCode: 200, requestId: 'sim' }, ...(result.output as object) } };
      },
      { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'hardeksSimulatedAws' },
    );
  }

  private async serve(service: string, operation: string, region: string, input: object): Promise<{ output?: unknown; malformed?: FaultType }> {
    const key = `${service}:${operation}`;
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    const sim = this.services.get(service);
    if (!sim) throw new Error(`simulated AWS: service ${service} is not simulated`);
    // The bucket is read as the request arrives; the answer, throttled or not, takes the round trip.
    const admitted = this.admit(key, region, sim);
    const latency = latencyOf(this.options.latencyMs, key, region);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (!admitted) {
      this.throttled[key] = (this.throttled[key] ?? 0) + 1;
      throw faultError(sim.errors, 'throttle', key);
    }

    if (!sim.global) {
      const known = this.world.regions.find((r) => r.name === region);
      if (!known) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${service}.${region}.amazonaws.com`), { code: 'ENOTFOUND', name: 'Error' });
      if (known.optIn === 'not-opted-in') {
        const { name, status } = sim.errors.regionDisabled;
        throw awsError(name, status, 'The security token included in the request is invalid.');
      }
    }

    const fault = this.matchFault(key, region);
    if (fault === 'hang') return new Promise(() => {});
    if (fault === 'malformed' || fault === 'bad-gateway') return { malformed: fault };
    if (fault) throw faultError(sim.errors, fault, key);

    const handler = sim.operations[operation];
    if (!handler) throw new Error(`simulated AWS: no handler for ${key}`);
    return { output: await handler(input, { region, world: this.world, pageSize: this.options.pageSize ?? 20 }) };
  }

  /** Takes a token from the bucket of the first rate limit matching the call; false when it is empty. */
  private admit(key: string, region: string, sim: SimService): boolean {
    const limits = this.options.rateLimits ?? [];
    const index = limits.findIndex((l) => globMatch(l.operation, key));
    if (index < 0) return true;
    const limit = limits[index]!;
    const scope = sim.global || limit.per === 'account' ? 'account' : region;
    const id = `${index}|${key}|${scope}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = new TokenBucket(limit.perSecond, limit.burst, this.options.clock ?? Date.now);
      this.buckets.set(id, bucket);
    }
    return bucket.take();
  }

  private matchFault(key: string, region: string): FaultType | undefined {
    for (const entry of this.faults) {
      const { fault } = entry;
      if (fault.region && fault.region !== region) continue;
      if (!globMatch(fault.operation, key)) continue;
      if (fault.times !== undefined && entry.used >= fault.times) continue;
      if (this.random() >= (fault.rate ?? 1)) continue;
      entry.used += 1;
      return fault.type;
    }
    return undefined;
  }
}

function faultError(style: ErrorStyle, type: FaultType, key: string): Error {
  switch (type) {
    case 'connection-reset':
      // What node's HTTP client raises when the peer drops the socket.
      return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: {} });
    case 'timeout':
      // What the SDK's node HTTP handler raises when a request outlives requestTimeout.
      return Object.assign(new Error('Connection timed out after 30000 ms'), { name: 'TimeoutError', $metadata: {} });
    case 'access-denied':
      return awsError(style.accessDenied.name, style.accessDenied.status, `User: arn:aws:iam::000000000000:user/auditor is not authorized to perform: ${key}`);
    case 'throttle':
      return awsError(style.throttled.name, style.throttled.status, 'Rate exceeded', { throttling: true });
    default:
      return awsError(style.serverError.name, style.serverError.status, 'We encountered an internal error. Please try again.');
  }
}

function latencyOf(latency: Latency | undefined, key: string, region: string): number {
  if (latency === undefined) return 0;
  return typeof latency === 'number' ? latency : latency(key, region);
}

/** AWS's throttling model: a bucket that starts full and refills continuously at its rate. */
class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: () => number,
  ) {
    this.tokens = burst;
    this.last = clock();
  }

  take(): boolean {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

/** Small, seeded, good enough to spread faults over calls reproducibly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
