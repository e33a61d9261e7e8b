import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { ANSWER_LETTERS } from '../universal/exam-types.ts';
import { Question } from './question.entity.ts';
import { QuizAttempt } from './quiz-attempt.entity.ts';

export const UserAnswer = defineEntity({
  name: 'UserAnswer',
  tableName: 'user_answers',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade').index('user_answers_user_id_index'),
    quizAttempt: p.manyToOne(QuizAttempt).deleteRule('cascade').index('user_answers_quiz_attempt_id_index'),
    // SET NULL: deleting a question keeps the learner's history of having answered it.
    question: p.manyToOne(Question).nullable().deleteRule('set null').index('user_answers_question_id_index'),
    userAnswer: p.enum([...ANSWER_LETTERS]),
    correctAnswer: p.enum([...ANSWER_LETTERS]),
    isCorrect: p.boolean().index('user_answers_is_correct_index'),
    timeSpentSeconds: p.integer().nullable(),
    answeredAt: p.datetime().defaultRaw('now()'),
  }),
  indexes: [
    { properties: ['user', 'isCorrect'], name: 'user_answers_user_correct_index' },
    { properties: ['quizAttempt', 'isCorrect'], name: 'user_answers_attempt_correct_index' },
    { properties: ['question', 'isCorrect'], name: 'user_answers_question_correct_index' },
  ],
  checks: [
    { name: 'user_answers_time_non_negative', expression: 'time_spent_seconds >= 0' },
    { name: 'user_answers_is_correct_consistent', expression: 'is_correct = (user_answer = correct_answer)' },
  ],
});
export type UserAnswer = InferEntity<typeof UserAnswer>;
