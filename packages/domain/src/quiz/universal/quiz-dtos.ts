// What the quiz services return: plain DTOs, validated as tRPC outputs. A question handed out for
// answering never carries its correct letter or explanations; the review after submitting does.
import { z } from 'zod';
import { ANSWER_LETTERS, EXAM_TYPES } from './exam-types.ts';

const letter = z.enum(ANSWER_LETTERS);

export const examTypeViewSchema = z.object({
  examType: z.enum(EXAM_TYPES),
  name: z.string(),
  questionCount: z.number().int(),
  /** The bank holds enough questions for the shortest quiz. */
  playable: z.boolean(),
});
export type ExamTypeView = z.infer<typeof examTypeViewSchema>;

export const quizQuestionSchema = z.object({
  id: z.number().int(),
  /** The bank's external id (`SEC-0001`). */
  reference: z.string(),
  domain: z.string(),
  text: z.string(),
  options: z.array(z.object({ letter, text: z.string() })),
});
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const startedQuizSchema = z.object({
  examType: z.enum(EXAM_TYPES),
  questions: z.array(quizQuestionSchema),
});
export type StartedQuiz = z.infer<typeof startedQuizSchema>;

export const quizStreakSchema = z.object({
  localDate: z.string(),
  current: z.number().int(),
  longest: z.number().int(),
  freezesHeld: z.number().int(),
  frozenDays: z.array(z.string()),
  /** False when the day had already counted. */
  dayAdded: z.boolean(),
});

export const quizResultSchema = z.object({
  attemptId: z.number().int(),
  score: z.number(),
  correct: z.number().int(),
  total: z.number().int(),
  xpEarned: z.number().int(),
  level: z.number().int(),
  streak: quizStreakSchema,
  unlocks: z.object({ achievements: z.array(z.string()), badges: z.array(z.string()) }),
  /** The learner's place on this exam's best-score board after the attempt. */
  standing: z.object({ rank: z.number().int(), of: z.number().int() }),
});
export type QuizResult = z.infer<typeof quizResultSchema>;

export const reviewedAnswerSchema = z.object({
  /** Null when the question has since been deleted from the bank; the answer is kept. */
  question: z
    .object({
      id: z.number().int(),
      reference: z.string(),
      domain: z.string(),
      text: z.string(),
      options: z.array(z.object({ letter, text: z.string(), explanation: z.string() })),
    })
    .nullable(),
  answer: letter,
  correctAnswer: letter,
  isCorrect: z.boolean(),
  timeSpentSeconds: z.number().int().nullable(),
});
export type ReviewedAnswer = z.infer<typeof reviewedAnswerSchema>;

export const quizAttemptSummarySchema = z.object({
  attemptId: z.number().int(),
  examType: z.enum(EXAM_TYPES),
  score: z.number(),
  correct: z.number().int(),
  total: z.number().int(),
  xpEarned: z.number().int(),
  timeTakenSeconds: z.number().int().nullable(),
  completedAt: z.date(),
});
export type QuizAttemptSummary = z.infer<typeof quizAttemptSummarySchema>;

export const quizReviewSchema = quizAttemptSummarySchema.extend({ answers: z.array(reviewedAnswerSchema) });
export type QuizReview = z.infer<typeof quizReviewSchema>;

export const quizHistoryPageSchema = z.object({
  items: z.array(quizAttemptSummarySchema),
  /** Pass back to get the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type QuizHistoryPage = z.infer<typeof quizHistoryPageSchema>;
