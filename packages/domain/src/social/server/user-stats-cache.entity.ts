import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';

// Seed 004's fallback for the profile stats cache, used when Redis is absent or down.
export const UserStatsCache = defineEntity({
  name: 'UserStatsCache',
  tableName: 'user_stats_cache',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.oneToOne(User).owner().deleteRule('cascade').unique('user_stats_cache_user_id_unique'),
    statsJson: p.json<Record<string, unknown>>(),
    computedAt: p.datetime(),
    expiresAt: p.datetime().index('user_stats_cache_expires_at_index'),
  }),
});
export type UserStatsCache = InferEntity<typeof UserStatsCache>;
