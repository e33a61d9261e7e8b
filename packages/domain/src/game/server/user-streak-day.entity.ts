import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { STREAK_DAY_STATUSES } from '../universal/ledger.ts';

// One row per learner and local day that counts for the study streak, with why, so the streak
// can be explained day by day and recomputed from history.
export const UserStreakDay = defineEntity({
  name: 'UserStreakDay',
  tableName: 'user_streak_days',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    localDate: p.date(),
    status: p.enum([...STREAK_DAY_STATUSES]),
    reason: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['user', 'localDate'], name: 'user_streak_days_user_date_unique' }],
});
export type UserStreakDay = InferEntity<typeof UserStreakDay>;
