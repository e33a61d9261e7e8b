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
    /** For a practised day: the first practice's instant and the zone the learner was in then. */
    practicedAt: p.datetime().nullable(),
    timeZone: p.string().length(64).nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['user', 'localDate'], name: 'user_streak_days_user_date_unique' }],
  checks: [
    {
      name: 'user_streak_days_practice_has_instant_and_zone',
      expression: `status <> 'practiced' or (practiced_at is not null and time_zone is not null)`,
    },
  ],
});
export type UserStreakDay = InferEntity<typeof UserStreakDay>;
