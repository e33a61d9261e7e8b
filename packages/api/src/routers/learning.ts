import { answerExercise } from '@questline/domain/learning/server/answer-exercise';
import { completeLesson } from '@questline/domain/learning/server/complete-lesson';
import { getCourseMap } from '@questline/domain/learning/server/get-course-map';
import { getLessonSession } from '@questline/domain/learning/server/get-lesson-session';
import { getActiveLesson } from '@questline/domain/learning/server/resume-lesson';
import { skipExercise } from '@questline/domain/learning/server/skip-exercise';
import { startLesson } from '@questline/domain/learning/server/start-lesson';
import { useHint } from '@questline/domain/learning/server/use-hint';
import { courseMapSchema } from '@questline/domain/learning/universal/course-map';
import {
  activeLessonInputSchema,
  answerExerciseInputSchema,
  completeLessonInputSchema,
  courseMapInputSchema,
  lessonSessionInputSchema,
  skipExerciseInputSchema,
  startLessonInputSchema,
  useHintInputSchema,
} from '@questline/domain/learning/universal/lesson-inputs';
import {
  answerResultSchema,
  hintResultSchema,
  lessonCompletionSchema,
  lessonSessionViewSchema,
  skipResultSchema,
} from '@questline/domain/learning/universal/lesson-views';
import { protectedProcedure, rewardingProcedure, router } from '../trpc.ts';

// Every run is the caller's own: the services find sessions by id AND user, so another learner's
// id answers NOT_FOUND exactly like a missing one.
export const learningRouter = router({
  courseMap: protectedProcedure
    .input(courseMapInputSchema)
    .output(courseMapSchema)
    .query(({ ctx, input }) => getCourseMap(ctx.em, ctx.user.id, input.courseId)),
  start: protectedProcedure
    .input(startLessonInputSchema)
    .output(lessonSessionViewSchema)
    .mutation(({ ctx, input }) => startLesson(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),
  active: protectedProcedure
    .input(activeLessonInputSchema)
    .output(lessonSessionViewSchema.nullable())
    .query(({ ctx, input }) => getActiveLesson(ctx.em, ctx.user.id, input.lessonId, ctx.now())),
  session: protectedProcedure
    .input(lessonSessionInputSchema)
    .output(lessonSessionViewSchema)
    .query(({ ctx, input }) => getLessonSession(ctx.em, ctx.user.id, input.sessionId, ctx.now())),
  answer: protectedProcedure
    .input(answerExerciseInputSchema)
    .output(answerResultSchema)
    .mutation(({ ctx, input }) => answerExercise(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),
  hint: protectedProcedure
    .input(useHintInputSchema)
    .output(hintResultSchema)
    .mutation(({ ctx, input }) => useHint(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),
  skip: protectedProcedure
    .input(skipExerciseInputSchema)
    .output(skipResultSchema)
    .mutation(({ ctx, input }) => skipExercise(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),
  complete: rewardingProcedure
    .input(completeLessonInputSchema)
    .output(lessonCompletionSchema)
    .mutation(({ ctx, input }) => completeLesson(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),
});
