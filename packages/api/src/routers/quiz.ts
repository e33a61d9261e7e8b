import { getQuizHistory } from '@questline/domain/quiz/server/get-quiz-history';
import { getQuizReview } from '@questline/domain/quiz/server/get-quiz-review';
import { listExamTypes } from '@questline/domain/quiz/server/list-exam-types';
import { startQuiz } from '@questline/domain/quiz/server/start-quiz';
import { submitQuiz } from '@questline/domain/quiz/server/submit-quiz';
import {
  examTypeViewSchema,
  quizHistoryPageSchema,
  quizResultSchema,
  quizReviewSchema,
  startedQuizSchema,
} from '@questline/domain/quiz/universal/quiz-dtos';
import {
  quizHistoryInputSchema,
  quizReviewInputSchema,
  startQuizInputSchema,
  submitQuizInputSchema,
} from '@questline/domain/quiz/universal/quiz-inputs';
import { z } from 'zod';
import { protectedProcedure, publicProcedure, rewardingProcedure, router } from '../trpc.ts';

export const quizRouter = router({
  // What the bank offers is public, like the catalog.
  examTypes: publicProcedure.output(z.array(examTypeViewSchema)).query(({ ctx }) => listExamTypes(ctx.em)),
  // A mutation although nothing is stored: every call draws a new quiz, which no client may cache
  // or refetch behind the learner's back.
  start: protectedProcedure
    .input(startQuizInputSchema)
    .output(startedQuizSchema)
    .mutation(({ ctx, input }) => startQuiz(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),
  submit: rewardingProcedure
    .input(submitQuizInputSchema)
    .output(quizResultSchema)
    .mutation(({ ctx, input }) => submitQuiz(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),
  review: protectedProcedure
    .input(quizReviewInputSchema)
    .output(quizReviewSchema)
    .query(({ ctx, input }) => getQuizReview(ctx.em, { userId: ctx.user.id, attemptId: input.attemptId })),
  history: protectedProcedure
    .input(quizHistoryInputSchema)
    .output(quizHistoryPageSchema)
    .query(({ ctx, input }) => getQuizHistory(ctx.em, ctx.user.id, input.cursor, input.limit)),
});
