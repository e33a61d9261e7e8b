import {
  createExercise,
  deleteExercise,
  getExercise,
  listExercises,
  updateExercise,
} from '@questline/domain/catalog/server/admin-exercises';
import {
  attachExercise,
  detachExercise,
  reorderLessonExercises,
  setExerciseRequired,
} from '@questline/domain/catalog/server/admin-lesson-exercises';
import {
  adminExerciseViewSchema,
  attachExerciseInputSchema,
  createExerciseInputSchema,
  exerciseListPageSchema,
  lessonExerciseChangeSchema,
  lessonExerciseInputSchema,
  listExercisesInputSchema,
  reorderLessonExercisesInputSchema,
  setExerciseRequiredInputSchema,
  updateExerciseInputSchema,
} from '@questline/domain/catalog/universal/admin-exercises';
import { byIdSchema, deletedSchema, reorderedSchema } from '@questline/domain/shared/universal/admin-fields';
import { adminProcedure, router } from '../../../trpc.ts';
import { actorOf } from '../actor.ts';

export const adminExercisesRouter = router({
  list: adminProcedure
    .input(listExercisesInputSchema)
    .output(exerciseListPageSchema)
    .query(({ ctx, input }) => listExercises(ctx.em, input)),
  get: adminProcedure
    .input(byIdSchema)
    .output(adminExerciseViewSchema)
    .query(({ ctx, input }) => getExercise(ctx.em, input)),
  /** A new exercise, written into `lessonId`, with its options and audio. */
  create: adminProcedure
    .input(createExerciseInputSchema)
    .output(adminExerciseViewSchema)
    .mutation(({ ctx, input }) => createExercise(ctx.em, actorOf(ctx), input)),
  /** Replaces every field; options and audio replace the stored ones. */
  update: adminProcedure
    .input(updateExerciseInputSchema)
    .output(adminExerciseViewSchema)
    .mutation(({ ctx, input }) => updateExercise(ctx.em, actorOf(ctx), input)),
  /** Refused once learners have answered it: detach it from its lessons instead. */
  delete: adminProcedure
    .input(byIdSchema)
    .output(deletedSchema)
    .mutation(({ ctx, input }) => deleteExercise(ctx.em, actorOf(ctx), input)),
  attach: adminProcedure
    .input(attachExerciseInputSchema)
    .output(lessonExerciseChangeSchema)
    .mutation(({ ctx, input }) => attachExercise(ctx.em, actorOf(ctx), input)),
  detach: adminProcedure
    .input(lessonExerciseInputSchema)
    .output(lessonExerciseChangeSchema)
    .mutation(({ ctx, input }) => detachExercise(ctx.em, actorOf(ctx), input)),
  setRequired: adminProcedure
    .input(setExerciseRequiredInputSchema)
    .output(lessonExerciseChangeSchema)
    .mutation(({ ctx, input }) => setExerciseRequired(ctx.em, actorOf(ctx), input)),
  reorder: adminProcedure
    .input(reorderLessonExercisesInputSchema)
    .output(reorderedSchema)
    .mutation(({ ctx, input }) => reorderLessonExercises(ctx.em, actorOf(ctx), input)),
});
