/**
 * Errors as AWS and the SDK define them: name, HTTP status, fault, and the throttling trait the
 * SDK's retry strategy reads. Names differ per protocol family, so each service says which it uses.
 */
export interface ErrorStyle {
  readonly accessDenied: { name: string; status: number };
  readonly throttled: { name: string; status: number };
  readonly serverError: { name: string; status: number };
  /** What a call to a region the account has not enabled answers. */
  readonly regionDisabled: { name: string; status: number };
}

export const QUERY_STYLE: ErrorStyle = {
  accessDenied: { name: 'AccessDenied', status: 403 },
  throttled: { name: 'Throttling', status: 400 },
  serverError: { name: 'ServiceFailure', status: 500 },
  regionDisabled: { name: 'InvalidClientTokenId', status: 403 },
};

export const EC2_STYLE: ErrorStyle = {
  accessDenied: { name: 'UnauthorizedOperation', status: 403 },
  throttled: { name: 'RequestLimitExceeded', status: 503 },
  serverError: { name: 'InternalError', status: 500 },
  regionDisabled: { name: 'AuthFailure', status: 401 },
};

export const JSON_STYLE: ErrorStyle = {
  accessDenied: { name: 'AccessDeniedException', status: 400 },
  throttled: { name: 'ThrottlingException', status: 400 },
  serverError: { name: 'InternalFailure', status: 500 },
  regionDisabled: { name: 'UnrecognizedClientException', status: 403 },
};

export const REST_JSON_STYLE: ErrorStyle = {
  accessDenied: { name: 'AccessDeniedException', status: 403 },
  throttled: { name: 'ThrottlingException', status: 429 },
  serverError: { name: 'ServerException', status: 500 },
  regionDisabled: { name: 'UnrecognizedClientException', status: 403 },
};

export const S3_STYLE: ErrorStyle = {
  accessDenied: { name: 'AccessDenied', status: 403 },
  throttled: { name: 'SlowDown', status: 503 },
  serverError: { name: 'InternalError', status: 500 },
  regionDisabled: { name: 'InvalidAccessKeyId', status: 403 },
};

export interface SimulatedError extends Error {
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode: number; requestId: string; attempts?: number };
  $retryable?: { throttling: boolean };
}

let requestCounter = 0;

/** Builds an error shaped like the SDK's modelled service exceptions. */
export function awsError(name: string, status: number, message: string, extra: { throttling?: boolean } = {}): SimulatedError {
  const error = new Error(message) as SimulatedError;
  error.name = name;
  error.$fault = status >= 500 ? 'server' : 'client';
  error.$metadata = { httpStatusCode: status, requestId: `sim-${++requestCounter}` };
  if (extra.throttling) error.$retryable = { throttling: true };
  return error;
}

/** A modelled "not found" style error a handler throws (e.g. IAM NoSuchEntity). */
export function notFound(name: string, message: string, status = 404): SimulatedError {
  return awsError(name, status, message);
}
