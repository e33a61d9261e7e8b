import type { TRPCError } from '@trpc/server';
import { DomainError } from '@questline/domain/shared/universal/domain-error';

/** The seconds a refused caller should wait, when an error says so. */
export function retryAfterSecondsOf(error: TRPCError): number | undefined {
  const cause = error.cause;
  if (!(cause instanceof DomainError) || cause.kind !== 'RATE_LIMITED') return undefined;
  const seconds = cause.details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : undefined;
}

/** tRPC `responseMeta`: a `Retry-After` header on a response carrying a rate-limit refusal. */
export function retryAfterHeaders({ errors }: { errors: readonly TRPCError[] }): {
  headers?: Record<string, string>;
} {
  const seconds = Math.max(0, ...errors.map((error) => retryAfterSecondsOf(error) ?? 0));
  return seconds > 0 ? { headers: { 'Retry-After': String(seconds) } } : {};
}
