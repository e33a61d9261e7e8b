import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';

// The first result of every rewarding request, by (user, client key): a retried or doubled
// request returns it instead of running again. The row is inserted first, inside the request's
// transaction, so a concurrent duplicate waits on the unique key and then reads the result.
export const IdempotencyRecord = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_records',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    key: p.string().length(200),
    operation: p.string().length(64),
    /** SHA-256 of the request: the same key with a different request is refused. */
    requestHash: p.string().length(64),
    response: p.json<unknown>().nullable(),
    createdAt: p.datetime().defaultRaw('now()').index('idempotency_records_created_at_index'),
  }),
  uniques: [{ properties: ['user', 'key'], name: 'idempotency_records_user_key_unique' }],
  checks: [{ name: 'idempotency_records_key_not_empty', expression: `char_length(key) >= 8` }],
});
export type IdempotencyRecord = InferEntity<typeof IdempotencyRecord>;
