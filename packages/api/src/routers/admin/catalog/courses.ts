import { getCourseTree } from '@questline/domain/catalog/server/admin-course-tree';
import {
  createCourse,
  deleteCourse,
  listCourses,
  updateCourse,
} from '@questline/domain/catalog/server/admin-courses';
import { getPrerequisiteGraph } from '@questline/domain/catalog/server/admin-prerequisites';
import { courseTreeSchema } from '@questline/domain/catalog/universal/admin-course-tree';
import {
  courseViewSchema,
  createCourseInputSchema,
  updateCourseInputSchema,
} from '@questline/domain/catalog/universal/admin-courses';
import { byIdSchema, deletedSchema } from '@questline/domain/shared/universal/admin-fields';
import { prerequisiteGraphSchema } from '@questline/domain/catalog/universal/admin-lessons';
import { z } from 'zod';
import { adminProcedure, router } from '../../../trpc.ts';
import { actorOf } from '../actor.ts';

export const adminCoursesRouter = router({
  list: adminProcedure.output(z.array(courseViewSchema)).query(({ ctx }) => listCourses(ctx.em)),
  /** The whole course (sections, units, lessons, exercises with answers) for the editor. */
  get: adminProcedure
    .input(byIdSchema)
    .output(courseTreeSchema)
    .query(({ ctx, input }) => getCourseTree(ctx.em, input)),
  /** Lessons and prerequisite edges of the course, for the graph editor. */
  graph: adminProcedure
    .input(byIdSchema)
    .output(prerequisiteGraphSchema)
    .query(({ ctx, input }) => getPrerequisiteGraph(ctx.em, input)),
  create: adminProcedure
    .input(createCourseInputSchema)
    .output(courseViewSchema)
    .mutation(({ ctx, input }) => createCourse(ctx.em, actorOf(ctx), input)),
  update: adminProcedure
    .input(updateCourseInputSchema)
    .output(courseViewSchema)
    .mutation(({ ctx, input }) => updateCourse(ctx.em, actorOf(ctx), input)),
  delete: adminProcedure
    .input(byIdSchema)
    .output(deletedSchema)
    .mutation(({ ctx, input }) => deleteCourse(ctx.em, actorOf(ctx), input)),
});
