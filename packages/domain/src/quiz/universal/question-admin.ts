// The admin's question bank: search, read with answer statistics, and edit one question.
import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import { ANSWER_LETTERS, EXAM_TYPES } from './exam-types.ts';
import { questionRecordSchema } from './question-csv.ts';

const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const listQuestionsInputSchema = z.object({
  examType: z.enum(EXAM_TYPES).optional(),
  /** A substring of the question text or of its external id. */
  search: z.string().trim().max(200).refine(withoutNul, NUL_MESSAGE).optional(),
  /** Only active (drawn into quizzes) or only retired questions; both when absent. */
  active: z.boolean().optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** The last id of the previous page (keyset pagination, newest first). */
  cursor: idSchema.optional(),
});
export type ListQuestionsInput = z.input<typeof listQuestionsInputSchema>;

export const questionByIdSchema = z.object({ id: idSchema });
export type QuestionById = z.input<typeof questionByIdSchema>;

/** Every field of a question, checked by the same rules as a CSV row (docs/question-import.md). */
export const updateQuestionInputSchema = questionRecordSchema.extend({ id: idSchema });
export type UpdateQuestionInput = z.input<typeof updateQuestionInputSchema>;

/** Retire a question from new quizzes (past attempts keep it), or bring it back. */
export const setQuestionActiveInputSchema = z.object({ id: idSchema, active: z.boolean() });
export type SetQuestionActiveInput = z.input<typeof setQuestionActiveInputSchema>;

const optionSchema = z.object({ text: z.string(), explanation: z.string() });

export const adminQuestionSchema = z.object({
  id: z.number().int(),
  questionId: z.string(),
  examType: z.enum(EXAM_TYPES),
  domain: z.string(),
  questionText: z.string(),
  options: z.object({ A: optionSchema, B: optionSchema, C: optionSchema, D: optionSchema }),
  correctAnswer: z.enum(ANSWER_LETTERS),
  isActive: z.boolean(),
  /** How often learners answered it, and answered it right. */
  timesAnswered: z.number().int(),
  timesCorrect: z.number().int(),
  createdAt: z.date(),
});
export type AdminQuestion = z.infer<typeof adminQuestionSchema>;

export const questionPageSchema = z.object({
  items: z.array(adminQuestionSchema),
  nextCursor: z.number().int().nullable(),
});
export type QuestionPage = z.infer<typeof questionPageSchema>;
