import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Lesson } from '../../catalog/server/lesson.entity.ts';
import { User } from '../../identity/server/user.entity.ts';
import { LESSON_STATUSES } from '../universal/progress.ts';

export const UserLessonProgress = defineEntity({
  name: 'UserLessonProgress',
  tableName: 'user_lesson_progress',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    lesson: p.manyToOne(Lesson).deleteRule('cascade').index('user_lesson_progress_lesson_id_index'),
    status: p.enum([...LESSON_STATUSES]).default('not_started'),
    attempts: p.integer().default(0),
    bestScore: p.smallint().nullable(),
    startedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['user', 'lesson'], name: 'user_lesson_progress_user_lesson_unique' }],
  checks: [
    { name: 'user_lesson_progress_attempts_non_negative', expression: 'attempts >= 0' },
    { name: 'user_lesson_progress_best_score_range', expression: 'best_score >= 0 and best_score <= 100' },
    {
      name: 'user_lesson_progress_completed_has_time',
      expression: `(status = 'completed') = (completed_at is not null)`,
    },
  ],
});
export type UserLessonProgress = InferEntity<typeof UserLessonProgress>;
