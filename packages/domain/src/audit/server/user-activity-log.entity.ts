import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';

// What learners did (signed in, completed a lesson …), for their history and support.
export const UserActivityLog = defineEntity({
  name: 'UserActivityLog',
  tableName: 'user_activity_logs',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    action: p.string().length(64),
    entityType: p.string().length(64).nullable(),
    entityId: p.string().length(64).nullable(),
    metadata: p.json<Record<string, unknown>>().default('{}'),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(512).nullable(),
    occurredAt: p.datetime().defaultRaw('now()'),
  }),
  indexes: [{ properties: ['user', 'occurredAt'], name: 'user_activity_logs_user_occurred_index' }],
});
export type UserActivityLog = InferEntity<typeof UserActivityLog>;
