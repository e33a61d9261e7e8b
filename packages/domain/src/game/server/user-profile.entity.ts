import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { Avatar } from './avatar.entity.ts';

// One row per user (seed 003): the game totals, kept in step with the XP ledger, and the hearts
// state (count and the instant regeneration counts from; regeneration is computed on read).
// The selected avatar must be a default one or one the user has unlocked: a trigger checks it.
export const UserProfile = defineEntity({
  name: 'UserProfile',
  tableName: 'user_profiles',
  properties: (p) => ({
    user: p.oneToOne(User).primary().deleteRule('cascade').owner(),
    bio: p.text().nullable(),
    avatarUrl: p.string().length(500).nullable(),
    selectedAvatar: p
      .manyToOne(Avatar)
      .nullable()
      .deleteRule('set null')
      .index('user_profiles_selected_avatar_id_index'),
    xp: p.integer().default(0),
    level: p.integer().default(1),
    studyStreakCurrent: p.integer().default(0),
    studyStreakLongest: p.integer().default(0),
    totalExamsTaken: p.integer().default(0),
    totalQuestionsAnswered: p.integer().default(0),
    totalLessonsCompleted: p.integer().default(0),
    /** Met habit days: kept with the habit XP, read by the habit_completions criteria. */
    totalHabitCompletions: p.integer().default(0),
    lastActivityDate: p.date().nullable(),
    hearts: p.smallint().default(5),
    heartsRegenFrom: p.datetime().nullable(),
    /** Earned at streak milestones, at most 2 held. */
    streakFreezes: p.smallint().default(0),
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
      expression:
        'total_exams_taken >= 0 and total_questions_answered >= 0 and total_lessons_completed >= 0 and total_habit_completions >= 0',
    },
    { name: 'user_profiles_hearts_non_negative', expression: 'hearts >= 0' },
    { name: 'user_profiles_streak_freezes_range', expression: 'streak_freezes >= 0 and streak_freezes <= 2' },
  ],
});
export type UserProfile = InferEntity<typeof UserProfile>;
