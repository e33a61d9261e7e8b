import { z } from 'zod';
import { entityIdSchema } from '../../shared/universal/entity-id.ts';
import { idempotencyKeySchema } from '../../shared/universal/idempotency.ts';
import { ANSWER_LETTERS, EXAM_TYPES } from './exam-types.ts';

export const QUIZ_LIMITS = {
  minQuestions: 5,
  maxQuestions: 50,
  defaultQuestions: 10,
  /** Per question: a day is already far past any real answer; keeps sums inside an int column. */
  maxSecondsPerQuestion: 86_400,
} as const;

export const startQuizInputSchema = z.object({
  examType: z.enum(EXAM_TYPES),
  count: z
    .int()
    .min(QUIZ_LIMITS.minQuestions)
    .max(QUIZ_LIMITS.maxQuestions)
    .default(QUIZ_LIMITS.defaultQuestions),
});
export type StartQuizInput = z.infer<typeof startQuizInputSchema>;

export const quizAnswerInputSchema = z.object({
  questionId: z.int().positive(),
  answer: z.enum(ANSWER_LETTERS, 'must be one of A, B, C or D'),
  timeSpentSeconds: z.int().min(0).max(QUIZ_LIMITS.maxSecondsPerQuestion),
});
export type QuizAnswerInput = z.infer<typeof quizAnswerInputSchema>;

export const submitQuizInputSchema = z.object({
  examType: z.enum(EXAM_TYPES),
  answers: z
    .array(quizAnswerInputSchema)
    .min(QUIZ_LIMITS.minQuestions, `a quiz has at least ${QUIZ_LIMITS.minQuestions} questions`)
    .max(QUIZ_LIMITS.maxQuestions, `a quiz has at most ${QUIZ_LIMITS.maxQuestions} questions`)
    .superRefine((answers, ctx) => {
      const seen = new Set<number>();
      answers.forEach((answer, index) => {
        if (seen.has(answer.questionId)) {
          ctx.addIssue({
            code: 'custom',
            message: 'this question is answered twice',
            path: [index, 'questionId'],
            params: { code: 'QUIZ_QUESTION_REPEATED' },
          });
        }
        seen.add(answer.questionId);
      });
    }),
  idempotencyKey: idempotencyKeySchema,
});
export type SubmitQuizInput = z.infer<typeof submitQuizInputSchema>;

export const quizHistoryInputSchema = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.int().min(1).max(100).default(20),
});
export type QuizHistoryInput = z.infer<typeof quizHistoryInputSchema>;

export const quizReviewInputSchema = z.object({ attemptId: entityIdSchema });
export type QuizReviewInput = z.infer<typeof quizReviewInputSchema>;
