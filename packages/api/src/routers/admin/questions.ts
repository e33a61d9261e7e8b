import { importQuestionFile } from '@questline/domain/quiz/server/admin-question-import';
import {
  getQuestion,
  listQuestions,
  setQuestionActive,
  updateQuestion,
} from '@questline/domain/quiz/server/admin-questions';
import {
  adminQuestionSchema,
  listQuestionsInputSchema,
  questionByIdSchema,
  questionPageSchema,
  setQuestionActiveInputSchema,
  updateQuestionInputSchema,
} from '@questline/domain/quiz/universal/question-admin';
import {
  importQuestionsInputSchema,
  importReportSchema,
} from '@questline/domain/quiz/universal/question-import';
import { adminProcedure, router } from '../../trpc.ts';
import { actorOf } from './actor.ts';

// The question bank: every procedure is an adminProcedure and every change is audited.
export const adminQuestionsRouter = router({
  list: adminProcedure
    .input(listQuestionsInputSchema)
    .output(questionPageSchema)
    .query(({ ctx, input }) => listQuestions(ctx.em, input)),
  get: adminProcedure
    .input(questionByIdSchema)
    .output(adminQuestionSchema)
    .query(({ ctx, input }) => getQuestion(ctx.em, input)),
  update: adminProcedure
    .input(updateQuestionInputSchema)
    .output(adminQuestionSchema)
    .mutation(({ ctx, input }) => updateQuestion(ctx.em, actorOf(ctx), input)),
  setActive: adminProcedure
    .input(setQuestionActiveInputSchema)
    .output(adminQuestionSchema)
    .mutation(({ ctx, input }) => setQuestionActive(ctx.em, actorOf(ctx), input)),
  /** A CSV file, or one chunk of a big one with its own header row; `dryRun` writes nothing. */
  import: adminProcedure
    .meta({ reportsNulItself: true })
    .input(importQuestionsInputSchema)
    .output(importReportSchema)
    .mutation(({ ctx, input }) => importQuestionFile(ctx.em, actorOf(ctx), input)),
});
