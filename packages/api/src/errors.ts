import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { DomainErrorKind } from '@questline/domain/shared/universal/domain-error';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { ZodError } from 'zod';
import { retryAfterSecondsOf } from './rate-limit/retry-after.ts';

const TRPC_CODE_BY_KIND: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODE_BY_KIND[error.kind], message: error.message, cause: error });
}

export interface ErrorIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

export interface ErrorData {
  /** A domain code (`USERNAME_TAKEN`) or, for errors of the transport, the tRPC code. */
  readonly code: string;
  readonly httpStatus: number;
  readonly path: string | null;
  readonly issues: ErrorIssue[];
  readonly requestId: string | null;
  /** On a rate-limit refusal: how long to wait before trying again. */
  readonly retryAfterSeconds?: number;
}

/**
 * What any error looks like on the wire: codes, field paths and a request id, never a stack,
 * SQL text or constraint name. Unexpected errors are logged here with the request id.
 */
export function describeError(
  error: TRPCError,
  httpStatus: number,
  path: string | undefined,
  requestId: string | null,
): { message: string; data: ErrorData } {
  const base = { httpStatus, path: path ?? null, requestId };
  const cause = error.cause;
  if (cause instanceof DomainError) {
    const issues = cause.details.path ? [{ path: [...cause.details.path], message: cause.message }] : [];
    const retryAfterSeconds = retryAfterSecondsOf(error);
    return {
      message: cause.message,
      data: { ...base, code: cause.code, issues, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
    };
  }
  if (cause instanceof ZodError) {
    const issues = cause.issues.map((issue) => ({
      path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
    return { message: `Invalid input: ${summary}`, data: { ...base, code: 'BAD_INPUT', issues } };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    console.error(`[api] request ${requestId ?? '-'} failed on ${path ?? '-'}:`, cause ?? error);
    return {
      message: `Something went wrong on our side (request ${requestId ?? 'unknown'})`,
      data: { ...base, code: 'INTERNAL_SERVER_ERROR', issues: [] },
    };
  }
  return { message: error.message, data: { ...base, code: error.code, issues: [] } };
}
