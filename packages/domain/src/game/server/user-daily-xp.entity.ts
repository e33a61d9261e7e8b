import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { DAILY_XP_GOALS } from '../../identity/universal/account.ts';
import { columnIsOneOf } from '../../shared/server/check-expressions.ts';

export const UserDailyXp = defineEntity({
  name: 'UserDailyXp',
  tableName: 'user_daily_xp',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    localDate: p.date(),
    xp: p.integer().default(0),
    /** The goal in force that day: changing the goal later does not rewrite history. */
    goal: p.smallint(),
    goalMet: p.boolean().default(false),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['user', 'localDate'], name: 'user_daily_xp_user_date_unique' }],
  checks: [
    { name: 'user_daily_xp_xp_non_negative', expression: 'xp >= 0' },
    { name: 'user_daily_xp_goal_allowed', expression: columnIsOneOf('goal', DAILY_XP_GOALS) },
    { name: 'user_daily_xp_goal_met_consistent', expression: 'goal_met = (xp >= goal)' },
  ],
});
export type UserDailyXp = InferEntity<typeof UserDailyXp>;
