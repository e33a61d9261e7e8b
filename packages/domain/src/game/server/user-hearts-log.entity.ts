import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { HEART_ACTIONS } from '../universal/ledger.ts';

export const UserHeartsLog = defineEntity({
  name: 'UserHeartsLog',
  tableName: 'user_hearts_log',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    action: p.enum([...HEART_ACTIONS]),
    delta: p.smallint(),
    balanceAfter: p.smallint(),
    reason: p.text(),
    occurredAt: p.datetime().defaultRaw('now()'),
  }),
  indexes: [{ properties: ['user', 'occurredAt'], name: 'user_hearts_log_user_occurred_index' }],
  checks: [
    { name: 'user_hearts_log_balance_non_negative', expression: 'balance_after >= 0' },
    {
      name: 'user_hearts_log_delta_sign',
      expression: `(action = 'lost' and delta < 0) or (action <> 'lost' and delta > 0)`,
    },
  ],
});
export type UserHeartsLog = InferEntity<typeof UserHeartsLog>;
