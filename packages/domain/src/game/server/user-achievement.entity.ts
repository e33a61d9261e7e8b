import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { Achievement } from './achievement.entity.ts';

// The composite primary key is what makes an achievement impossible to award twice.
export const UserAchievement = defineEntity({
  name: 'UserAchievement',
  tableName: 'user_achievements',
  properties: (p) => ({
    user: p.manyToOne(User).primary().deleteRule('cascade'),
    achievement: p
      .manyToOne(Achievement)
      .primary()
      .deleteRule('cascade')
      .index('user_achievements_achievement_id_index'),
    earnedAt: p.datetime().defaultRaw('now()').index('user_achievements_earned_at_index'),
    progressValue: p.integer().nullable(),
  }),
  indexes: [{ properties: ['user', 'earnedAt'], name: 'user_achievements_user_earned_index' }],
});
export type UserAchievement = InferEntity<typeof UserAchievement>;
