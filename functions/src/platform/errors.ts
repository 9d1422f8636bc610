/**
 * The one error type the functions throw on purpose, and the one mapping of every failure to an
 * RFC 9457 problem. Unknown errors become `internal_error` with nothing of the cause in the body.
 */
import { ERRORS, problemType, type ErrorCode, type FieldError, type Problem } from '@portal/shared/errors';
import type { $ZodError } from 'zod/v4/core';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  /** `Set-Cookie` values for the error response (a failed refresh clears the session cookies). */
  readonly cookies?: string[];
  /** Extra members for the problem body, e.g. the fresh state after a conflict. */
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, options: { detail?: string; errors?: FieldError[]; headers?: Record<string, string>; cookies?: string[]; extra?: Record<string, unknown>; cause?: unknown } = {}) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.cookies = options.cookies;
    this.extra = options.extra;
  }
}

/** Names of AWS SDK errors that mean "try again shortly", not "you did something wrong". */
const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
]);

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  if (TRANSIENT.has(name)) return new AppError('service_unavailable', { headers: { 'retry-after': '1' }, cause: error });
  if (name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    const throttled = reasons.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded');
    // A failed condition or another transaction on the same item at the same moment: both mean
    // someone else changed it first (409); services that must finish re-read and retry.
    return new AppError(throttled ? 'service_unavailable' : 'conflict', { cause: error });
  }
  if (name === 'TransactionConflictException') return new AppError('conflict', { cause: error });
  if (name === 'ConditionalCheckFailedException') return new AppError('conflict', { cause: error });
  return new AppError('internal_error', { cause: error });
}

export function fieldErrors(error: $ZodError, part: 'path' | 'query' | 'body'): FieldError[] {
  return error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

export function toProblem(error: AppError, lang: 'vi' | 'en', requestId: string, instance?: string): Problem {
  const known = ERRORS[error.code];
  return {
    ...error.extra,
    type: problemType(error.code),
    title: known[lang],
    status: known.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(instance ? { instance } : {}),
    requestId,
    ...(error.errors?.length ? { errors: error.errors } : {}),
  };
}
