import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Lesson } from '../../catalog/server/lesson.entity.ts';
import { User } from '../../identity/server/user.entity.ts';

export const LESSON_SESSION_STATUSES = ['active', 'completed', 'abandoned'] as const;

// One run through a lesson: what makes a lesson resumable (answers so far live in
// user_exercise_interactions with this session's id) and its completion exactly-once.
export const LessonSession = defineEntity({
  name: 'LessonSession',
  tableName: 'lesson_sessions',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    lesson: p.manyToOne(Lesson).deleteRule('cascade').index('lesson_sessions_lesson_id_index'),
    status: p.enum([...LESSON_SESSION_STATUSES]).default('active'),
    startedAt: p.datetime().defaultRaw('now()'),
    completedAt: p.datetime().nullable(),
    correctCount: p.integer().default(0),
    mistakeCount: p.integer().default(0),
    xpEarned: p.integer().default(0),
  }),
  indexes: [{ properties: ['user', 'status'], name: 'lesson_sessions_user_status_index' }],
  uniques: [
    // At most one active run per learner and lesson: starting again resumes it.
    {
      name: 'lesson_sessions_one_active',
      expression:
        'create unique index "lesson_sessions_one_active" on "lesson_sessions" ("user_id", "lesson_id") where "status" = \'active\'',
    },
  ],
  checks: [
    {
      name: 'lesson_sessions_counts_non_negative',
      expression: 'correct_count >= 0 and mistake_count >= 0 and xp_earned >= 0',
    },
    {
      name: 'lesson_sessions_completed_has_time',
      expression: `(status = 'completed') = (completed_at is not null)`,
    },
  ],
});
export type LessonSession = InferEntity<typeof LessonSession>;
