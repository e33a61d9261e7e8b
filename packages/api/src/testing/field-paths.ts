import { DomainError } from '@questline/domain/shared/universal/domain-error';
import type { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** The field paths an input error names, whether the procedure's schema or the service refused it. */
export function fieldPathsOf(error: TRPCError): (string | number)[][] {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    return cause.issues.map((issue) => issue.path.filter((key) => typeof key !== 'symbol'));
  }
  if (cause instanceof DomainError && cause.details.path) return [[...cause.details.path]];
  return [];
}
