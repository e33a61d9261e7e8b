import type { z } from 'zod';
import { DomainError } from './domain-error.ts';

/**
 * Parses a service's input with its schema; a failure is a BAD_INPUT DomainError carrying the
 * first issue's field path (a thrown ZodError would reach the API as an unexpected error).
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first?.path.join('.') || 'input';
  throw new DomainError('BAD_INPUT', 'BAD_INPUT', `Invalid input: ${where}: ${first?.message ?? 'invalid'}`, {
    path: first?.path ?? [],
    issues,
  });
}
