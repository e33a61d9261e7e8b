// The whole course as the admin editor shows it: every section, unit, lesson and exercise, answers
// included (admin only: the learner's lesson views never carry answers).
import { z } from 'zod';
import { courseViewSchema } from './admin-courses.ts';
import { lessonExerciseViewSchema } from './admin-exercises.ts';
import { lessonViewSchema } from './admin-lessons.ts';
import { sectionViewSchema, unitViewSchema } from './admin-sections.ts';

export const lessonDetailSchema = lessonViewSchema.extend({ exercises: z.array(lessonExerciseViewSchema) });
export type LessonDetail = z.infer<typeof lessonDetailSchema>;

export const courseTreeSchema = courseViewSchema.extend({
  sections: z.array(
    sectionViewSchema.extend({
      units: z.array(unitViewSchema.extend({ lessons: z.array(lessonDetailSchema) })),
    }),
  ),
});
export type CourseTree = z.infer<typeof courseTreeSchema>;
