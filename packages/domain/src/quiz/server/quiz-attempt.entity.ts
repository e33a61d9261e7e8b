import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { EXAM_TYPES } from '../universal/exam-types.ts';

export const QuizAttempt = defineEntity({
  name: 'QuizAttempt',
  tableName: 'quiz_attempts',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade').index('quiz_attempts_user_id_index'),
    examType: p.enum([...EXAM_TYPES]).index('quiz_attempts_exam_type_index'),
    totalQuestions: p.integer(),
    correctAnswers: p.integer(),
    scorePercentage: p.double(),
    timeTakenSeconds: p.integer().nullable(),
    xpEarned: p.integer().default(0),
    completedAt: p.datetime().defaultRaw('now()').index('quiz_attempts_completed_at_index'),
  }),
  indexes: [
    // Seed 003's leaderboard and history indexes.
    { properties: ['examType', 'scorePercentage', 'completedAt'], name: 'quiz_attempts_leaderboard_index' },
    { properties: ['user', 'completedAt'], name: 'quiz_attempts_user_completed_index' },
  ],
  checks: [
    { name: 'quiz_attempts_total_questions_positive', expression: 'total_questions > 0' },
    { name: 'quiz_attempts_correct_answers_non_negative', expression: 'correct_answers >= 0' },
    { name: 'quiz_attempts_correct_within_total', expression: 'correct_answers <= total_questions' },
    {
      name: 'quiz_attempts_score_range',
      expression: 'score_percentage >= 0::double precision and score_percentage <= 100::double precision',
    },
    { name: 'quiz_attempts_time_non_negative', expression: 'time_taken_seconds >= 0' },
    { name: 'quiz_attempts_xp_non_negative', expression: 'xp_earned >= 0' },
  ],
});
export type QuizAttempt = InferEntity<typeof QuizAttempt>;
