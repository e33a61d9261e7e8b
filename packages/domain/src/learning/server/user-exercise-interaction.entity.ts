import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Exercise } from '../../catalog/server/exercise.entity.ts';
import { Lesson } from '../../catalog/server/lesson.entity.ts';
import { User } from '../../identity/server/user.entity.ts';
import { INTERACTION_KINDS } from '../universal/progress.ts';
import { LessonSession } from './lesson-session.entity.ts';

// Every attempt, hint and skip, append-only: the raw material of question statistics.
export const UserExerciseInteraction = defineEntity({
  name: 'UserExerciseInteraction',
  tableName: 'user_exercise_interactions',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    exercise: p
      .manyToOne(Exercise)
      .deleteRule('cascade')
      .index('user_exercise_interactions_exercise_id_index'),
    lesson: p
      .manyToOne(Lesson)
      .nullable()
      .deleteRule('set null')
      .index('user_exercise_interactions_lesson_id_index'),
    /** The lesson run it belongs to (null for practice outside a lesson). */
    lessonSession: p
      .manyToOne(LessonSession)
      .nullable()
      .deleteRule('cascade')
      .index('user_exercise_interactions_lesson_session_id_index'),
    kind: p.enum([...INTERACTION_KINDS]),
    answerGiven: p.text().nullable(),
    isCorrect: p.boolean().nullable(),
    /** Accepted as correct with one typo (costs no heart). */
    isTypo: p.boolean().default(false),
    timeSpentMs: p.integer().nullable(),
    occurredAt: p.datetime().defaultRaw('now()'),
  }),
  indexes: [{ properties: ['user', 'occurredAt'], name: 'user_exercise_interactions_user_occurred_index' }],
  checks: [
    { name: 'user_exercise_interactions_time_non_negative', expression: 'time_spent_ms >= 0' },
    {
      name: 'user_exercise_interactions_attempt_has_result',
      expression: `(kind = 'attempt') = (is_correct is not null)`,
    },
  ],
});
export type UserExerciseInteraction = InferEntity<typeof UserExerciseInteraction>;
