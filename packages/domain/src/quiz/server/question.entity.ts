import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { AnswerLetter } from '../universal/exam-types.ts';
import { ANSWER_LETTERS, EXAM_TYPES } from '../universal/exam-types.ts';

export type QuestionOptions = Record<AnswerLetter, { text: string; explanation: string }>;

// Seed 003's question bank. `question_id` is the external id from the CSV (unique, so an
// import updates in place).
export const Question = defineEntity({
  name: 'Question',
  tableName: 'questions',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    questionId: p.string().length(64).unique('questions_question_id_unique'),
    examType: p.enum([...EXAM_TYPES]).index('questions_exam_type_index'),
    domain: p.string().length(8).index('questions_domain_index'),
    questionText: p.text(),
    correctAnswer: p.enum([...ANSWER_LETTERS]),
    options: p.json<QuestionOptions>(),
    /** Retired by an admin: kept for past attempts and reviews, never drawn into a new quiz. */
    isActive: p.boolean().default(true),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
});
export type Question = InferEntity<typeof Question>;
