import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';

// One row per user (seed 003): the game totals, kept in step with the XP ledger.
export const UserProfile = defineEntity({
  name: 'UserProfile',
  tableName: 'user_profiles',
  properties: (p) => ({
    user: p.oneToOne(User).primary().deleteRule('cascade').owner(),
    bio: p.text().nullable(),
    xp: p.integer().default(0),
    level: p.integer().default(1),
    studyStreakCurrent: p.integer().default(0),
    studyStreakLongest: p.integer().default(0),
    totalExamsTaken: p.integer().default(0),
    totalQuestionsAnswered: p.integer().default(0),
    lastActivityDate: p.date().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [
    { name: 'user_profiles_xp_non_negative', expression: 'xp >= 0' },
    { name: 'user_profiles_level_positive', expression: 'level >= 1' },
    {
      name: 'user_profiles_streaks_non_negative',
      expression: 'study_streak_current >= 0 and study_streak_longest >= study_streak_current',
    },
    {
      name: 'user_profiles_totals_non_negative',
      expression: 'total_exams_taken >= 0 and total_questions_answered >= 0',
    },
  ],
});
export type UserProfile = InferEntity<typeof UserProfile>;
