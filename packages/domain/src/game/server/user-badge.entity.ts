import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { Badge } from './badge.entity.ts';

// Seed 000's UserBadges = seed 004's BadgeGrant. Unique per user and badge: never unlocked twice.
export const UserBadge = defineEntity({
  name: 'UserBadge',
  tableName: 'user_badges',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade').index('user_badges_user_id_index'),
    badge: p.manyToOne(Badge).deleteRule('cascade').index('user_badges_badge_id_index'),
    unlockedAt: p.datetime().defaultRaw('now()'),
    /** The admin who granted it; null for badges earned by rule. */
    grantedBy: p
      .manyToOne(User)
      .nullable()
      .fieldName('granted_by')
      .deleteRule('set null')
      .index('user_badges_granted_by_index'),
  }),
  uniques: [{ properties: ['user', 'badge'], name: 'user_badges_user_badge_unique' }],
});
export type UserBadge = InferEntity<typeof UserBadge>;
