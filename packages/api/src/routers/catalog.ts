import { getCourseOutline, listCourses, listLanguages } from '@questline/domain/catalog/server/read-catalog';
import {
  courseOutlineInputSchema,
  courseOutlineSchema,
  courseSummarySchema,
  languageViewSchema,
  listCoursesInputSchema,
} from '@questline/domain/catalog/universal/catalog-views';
import { z } from 'zod';
import { publicProcedure, router } from '../trpc.ts';

// Published content is public: a visitor may browse the catalog before signing up.
export const catalogRouter = router({
  languages: publicProcedure.output(z.array(languageViewSchema)).query(({ ctx }) => listLanguages(ctx.em)),
  courses: publicProcedure
    .input(listCoursesInputSchema)
    .output(z.array(courseSummarySchema))
    .query(({ ctx, input }) => listCourses(ctx.em, input)),
  outline: publicProcedure
    .input(courseOutlineInputSchema)
    .output(courseOutlineSchema)
    .query(({ ctx, input }) => getCourseOutline(ctx.em, input.courseId)),
});
