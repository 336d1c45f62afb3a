import type { CollectionIssue, IssueCode } from '../../model';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'Forbidden',
  'ForbiddenException',
]);

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'EC2ThrottledException',
  'BandwidthLimitExceeded',
]);

/** What AWS answers from a region the account has not enabled (or whose endpoint cannot be reached). */
const REGION_DISABLED = new Set([
  'OptInRequired',
  'AuthFailure',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidIdentityToken',
]);

const NETWORK_UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNREFUSED', 'ETIMEDOUT', 'TimeoutError']);

const NOT_SUBSCRIBED = new Set(['SubscriptionRequiredException', 'OptInRequiredException', 'NotSubscribedException']);

/** The name of the error a call gets when the collection's time budget has run out. */
export const DEADLINE_ERROR = 'HardeksDeadlineExceeded';

/** Builds that error: not retried by the SDK (a client fault with no retryable trait). */
export function deadlineError(message: string): Error {
  const error = new Error(message);
  error.name = DEADLINE_ERROR;
  return Object.assign(error, { $fault: 'client' as const, $metadata: {} });
}

interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

/** Reads what kind of failure an SDK (or network) error is, from its name, code and HTTP status. */
export function classifyAwsError(error: unknown): IssueCode {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AwsLikeError;
  const name = e.name ?? '';
  const code = e.code ?? '';
  if (name === DEADLINE_ERROR) return 'TIMED_OUT';
  if (NOT_SUBSCRIBED.has(name)) return 'NOT_SUBSCRIBED';
  if (ACCESS_DENIED.has(name) || ACCESS_DENIED.has(code)) return 'ACCESS_DENIED';
  if (THROTTLED.has(name) || e.$metadata?.httpStatusCode === 429) return 'THROTTLED';
  if (REGION_DISABLED.has(name) || NETWORK_UNREACHABLE.has(code) || NETWORK_UNREACHABLE.has(name)) return 'REGION_DISABLED';
  // A 403 with a body the SDK could not parse still means "not allowed".
  if (e.$metadata?.httpStatusCode === 403) return 'ACCESS_DENIED';
  return 'UNEXPECTED';
}

/** The coverage issue for an error: code, service, operation and a one-line message. */
export function toIssue(error: unknown, service: string, operation?: string): CollectionIssue {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AwsLikeError;
  const raw = e.message ?? String(error);
  // Deserialization errors carry the whole unparsable body; keep the first line, bounded.
  const message = raw.split('\n')[0]!.slice(0, 300) || e.name || 'unknown error';
  const name = e.name && !message.includes(e.name) ? `${e.name}: ` : '';
  return { code: classifyAwsError(error), service, ...(operation ? { operation } : {}), message: `${name}${message}` };
}
