import { getLessonDetail } from '@questline/domain/catalog/server/admin-course-tree';
import {
  createLesson,
  deleteLesson,
  reorderLessons,
  updateLesson,
} from '@questline/domain/catalog/server/admin-lessons';
import { addPrerequisite, removePrerequisite } from '@questline/domain/catalog/server/admin-prerequisites';
import { lessonDetailSchema } from '@questline/domain/catalog/universal/admin-course-tree';
import { byIdSchema, deletedSchema, reorderedSchema } from '@questline/domain/shared/universal/admin-fields';
import {
  createLessonInputSchema,
  lessonViewSchema,
  prerequisiteChangeSchema,
  prerequisiteInputSchema,
  reorderLessonsInputSchema,
  updateLessonInputSchema,
} from '@questline/domain/catalog/universal/admin-lessons';
import { adminProcedure, router } from '../../../trpc.ts';
import { actorOf } from '../actor.ts';

export const adminLessonsRouter = router({
  /** One lesson with its prerequisites and its exercises, answers included. */
  get: adminProcedure
    .input(byIdSchema)
    .output(lessonDetailSchema)
    .query(({ ctx, input }) => getLessonDetail(ctx.em, input)),
  create: adminProcedure
    .input(createLessonInputSchema)
    .output(lessonViewSchema)
    .mutation(({ ctx, input }) => createLesson(ctx.em, actorOf(ctx), input)),
  update: adminProcedure
    .input(updateLessonInputSchema)
    .output(lessonViewSchema)
    .mutation(({ ctx, input }) => updateLesson(ctx.em, actorOf(ctx), input)),
  delete: adminProcedure
    .input(byIdSchema)
    .output(deletedSchema)
    .mutation(({ ctx, input }) => deleteLesson(ctx.em, actorOf(ctx), input)),
  reorder: adminProcedure
    .input(reorderLessonsInputSchema)
    .output(reorderedSchema)
    .mutation(({ ctx, input }) => reorderLessons(ctx.em, actorOf(ctx), input)),
  /** Refused with PREREQUISITE_CYCLE when the edge would close a cycle. */
  addPrerequisite: adminProcedure
    .input(prerequisiteInputSchema)
    .output(prerequisiteChangeSchema)
    .mutation(({ ctx, input }) => addPrerequisite(ctx.em, actorOf(ctx), input)),
  removePrerequisite: adminProcedure
    .input(prerequisiteInputSchema)
    .output(prerequisiteChangeSchema)
    .mutation(({ ctx, input }) => removePrerequisite(ctx.em, actorOf(ctx), input)),
});
