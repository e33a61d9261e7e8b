import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import superjson from 'superjson';
import { DomainError } from '../universal/domain-error.ts';
import { IDEMPOTENCY_KEY_PATTERN } from '../universal/idempotency.ts';

export interface IdempotentRequest {
  readonly userId: number;
  /** Client-generated, unique per intended action (a UUID is ideal). */
  readonly key: string;
  /** What is being done, e.g. `lesson.complete`: a key cannot be replayed for another operation. */
  readonly operation: string;
  /** The request's payload: the same key with a different payload is refused. */
  readonly request: unknown;
}

export interface IdempotentOutcome<T> {
  readonly result: T;
  /** True when this is a repeat answered from the first run's stored result. */
  readonly replayed: boolean;
}

/**
 * Runs `work` once per (user, key) in one transaction. The record is inserted before the work:
 * a concurrent duplicate blocks on the unique key until the first transaction ends, then reads the
 * stored result instead of running again. So retries and doubled requests never grant twice.
 */
export async function runIdempotent<T>(
  em: EntityManager,
  request: IdempotentRequest,
  work: (tx: EntityManager) => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(request.key)) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_INVALID',
      'BAD_INPUT',
      'The idempotency key must be 8–200 letters, digits, "-" or "_"',
      {
        path: ['idempotencyKey'],
      },
    );
  }
  const requestHash = createHash('sha256')
    .update(superjson.stringify([request.operation, request.request]))
    .digest('hex');
  return em.transactional(async (tx) => {
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into idempotency_records (user_id, key, operation, request_hash) values (?, ?, ?, ?)
       on conflict (user_id, key) do nothing returning id`,
      [request.userId, request.key, request.operation, requestHash],
    );
    const record = inserted[0];
    if (!record) return replay<T>(tx, request, requestHash);
    const result = await work(tx);
    await tx.execute('update idempotency_records set response = ?::jsonb where id = ?', [
      JSON.stringify(superjson.serialize(result)),
      record.id,
    ]);
    return { result, replayed: false };
  });
}

async function replay<T>(
  em: EntityManager,
  request: IdempotentRequest,
  requestHash: string,
): Promise<IdempotentOutcome<T>> {
  const [stored] = await em.execute<{ operation: string; request_hash: string; response: unknown }[]>(
    'select operation, request_hash, response from idempotency_records where user_id = ? and key = ?',
    [request.userId, request.key],
  );
  if (!stored || stored.request_hash !== requestHash || stored.operation !== request.operation) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'CONFLICT',
      'This idempotency key was already used for a different request',
      { path: ['idempotencyKey'] },
    );
  }
  const response = stored.response as Parameters<typeof superjson.deserialize>[0];
  return { result: superjson.deserialize<T>(response), replayed: true };
}
