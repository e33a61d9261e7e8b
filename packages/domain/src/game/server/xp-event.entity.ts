import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { XP_SOURCES } from '../universal/ledger.ts';

// The XP ledger, append-only (a trigger refuses UPDATE and DELETE): a profile's XP is always the
// sum of its entries; undoing writes a negative entry that names the entry it reverses.
export const XpEvent = defineEntity({
  name: 'XpEvent',
  tableName: 'xp_events',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    amount: p.integer(),
    source: p.enum([...XP_SOURCES]),
    sourceRef: p.string().length(200).nullable(),
    /** Client- or service-chosen; a repeat of the same key grants nothing. */
    idempotencyKey: p.string().length(200),
    occurredAt: p.datetime().defaultRaw('now()').index('xp_events_occurred_at_index'),
    /** The learner's local day at that instant. */
    localDate: p.date(),
    /** For a reversal: the entry it undoes exactly. */
    reverses: () => p.manyToOne(XpEvent).nullable().fieldName('reverses_event_id').deleteRule('cascade'),
  }),
  uniques: [
    { properties: ['user', 'idempotencyKey'], name: 'xp_events_user_idempotency_key_unique' },
    // An entry is reversed at most once.
    { properties: ['reverses'], name: 'xp_events_reverses_unique' },
  ],
  indexes: [{ properties: ['user', 'occurredAt'], name: 'xp_events_user_occurred_index' }],
  checks: [{ name: 'xp_events_amount_non_zero', expression: 'amount <> 0' }],
});
export type XpEvent = InferEntity<typeof XpEvent>;
