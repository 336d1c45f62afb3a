import type { FinalizeHandler, FinalizeHandlerArguments, MiddlewareStack } from '@smithy/types';
import type { CollectionStats } from '../../model';
import { classifyAwsError } from './aws-errors';

export type { CollectionStats };

export function emptyStats(): CollectionStats {
  return { durationMs: 0, calls: {}, retries: 0, throttles: 0, failures: 0, serviceMs: {} };
}

interface Metadata {
  $metadata?: { attempts?: number };
}

/** `ListClustersCommand` on service `eks` → `eks:ListClusters`, the IAM action spelling. */
export function operationName(service: string, commandName: string | undefined): string {
  return `${service}:${(commandName ?? 'Unknown').replace(/Command$/, '')}`;
}

/**
 * Counts every call a client makes. One middleware sits outside the retry loop (calls, time,
 * attempts), one inside it (each throttled attempt).
 */
export function addStatsMiddleware(stack: MiddlewareStack<any, any>, service: string, stats: CollectionStats): void { // eslint-disable-line @typescript-eslint/no-explicit-any
  stack.add(
    (next, context) => async (args) => {
      const op = operationName(service, context.commandName);
      const started = Date.now();
      const settle = (attempts: number | undefined) => {
        stats.calls[op] = (stats.calls[op] ?? 0) + 1;
        stats.retries += Math.max(0, (attempts ?? 1) - 1);
        stats.serviceMs[service] = (stats.serviceMs[service] ?? 0) + (Date.now() - started);
      };
      try {
        const result = await next(args);
        settle((result.output as Metadata).$metadata?.attempts);
        return result;
      } catch (error) {
        settle((error as Metadata).$metadata?.attempts);
        stats.failures += 1;
        // Coverage names the failing operation; SDK errors do not carry it, so stamp it here.
        if (typeof error === 'object' && error !== null && !('$hardeksOperation' in error)) {
          Object.defineProperty(error, '$hardeksOperation', { value: op.slice(op.indexOf(':') + 1), enumerable: false });
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'hardeksStats', priority: 'low' },
  );
  stack.addRelativeTo(
    (next: FinalizeHandler<any, any>) => async (args: FinalizeHandlerArguments<any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      try {
        return await next(args);
      } catch (error) {
        if (classifyAwsError(error) === 'THROTTLED') stats.throttles += 1;
        throw error;
      }
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'hardeksThrottleCounter' },
  );
}
