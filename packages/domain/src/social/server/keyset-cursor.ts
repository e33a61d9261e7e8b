// Opaque page cursors for keyset pagination on (created_at, id). The instant travels as
// PostgreSQL's own text with microseconds: a JS Date keeps only milliseconds, and a cursor
// rounded to them would skip or repeat rows created within the same millisecond.
import { z } from 'zod';
import { DomainError } from '../../shared/universal/domain-error.ts';

/** SQL for a timestamptz as exact UTC text, e.g. 2026-03-01T12:00:00.123456Z. */
export const exactInstant = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// The shape and a real calendar instant (year 1 on): a forged cursor must never fail PostgreSQL's cast.
const instantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine((text) => {
    const instant = new Date(`${text.slice(0, 23)}Z`);
    return (
      !Number.isNaN(instant.getTime()) &&
      !text.startsWith('0000') &&
      instant.toISOString().slice(0, 19) === text.slice(0, 19)
    );
  });
const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const keysetSchema = z.object({ at: instantSchema, id: idSchema });
export type Keyset = z.infer<typeof keysetSchema>;

export function encodeCursor<T extends object>(value: T): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** A cursor this service did not issue (or tampered with) is bad input, not a server error. */
export function decodeCursor<Schema extends z.ZodType>(cursor: string, schema: Schema): z.output<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'CURSOR_INVALID',
      'BAD_INPUT',
      'This page link is not valid: start from the first page',
      {
        path: ['cursor'],
      },
    );
  }
  return parsed.data;
}
