// What learners (and anyone browsing) see of the catalog: languages, published courses and a
// course's outline. Content only: no exercise answers, no learner state (that is learning's map).
import { z } from 'zod';
import { entityIdSchema } from '../../shared/universal/entity-id.ts';

const languageCodeSchema = z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as "es"');

export const languageViewSchema = z.object({
  code: z.string(),
  englishName: z.string(),
  nativeName: z.string(),
  flag: z.string(),
});
export type LanguageView = z.infer<typeof languageViewSchema>;

export const listCoursesInputSchema = z.object({
  /** Courses taught in this language (the learner's own). */
  fromLanguage: languageCodeSchema.optional(),
  /** Courses teaching this language. */
  toLanguage: languageCodeSchema.optional(),
});
export type ListCoursesInput = z.infer<typeof listCoursesInputSchema>;

export const courseSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  fromLanguage: languageViewSchema,
  toLanguage: languageViewSchema,
  sectionCount: z.number().int(),
  lessonCount: z.number().int(),
});
export type CourseSummary = z.infer<typeof courseSummarySchema>;

export const courseOutlineInputSchema = z.object({ courseId: entityIdSchema });
export type CourseOutlineInput = z.infer<typeof courseOutlineInputSchema>;

/** Sections → units → lessons, the lesson shape chosen by the view (outline or learner's map). */
export function courseSectionsSchema<Lesson extends z.ZodType>(lesson: Lesson) {
  return z.array(
    z.object({
      id: z.number().int(),
      position: z.number().int(),
      title: z.string(),
      description: z.string(),
      units: z.array(
        z.object({
          id: z.number().int(),
          position: z.number().int(),
          title: z.string(),
          description: z.string(),
          icon: z.string(),
          color: z.string(),
          lessons: z.array(lesson),
        }),
      ),
    }),
  );
}

export interface CourseUnit<Lesson> {
  id: number;
  position: number;
  title: string;
  description: string;
  icon: string;
  color: string;
  lessons: Lesson[];
}

export interface CourseSection<Lesson> {
  id: number;
  position: number;
  title: string;
  description: string;
  units: CourseUnit<Lesson>[];
}

export const outlineLessonSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  xpReward: z.number().int(),
  estimatedMinutes: z.number().int(),
  exerciseCount: z.number().int(),
  /** Lessons to complete before this one opens. */
  prerequisites: z.array(z.number().int()),
});
export type OutlineLesson = z.infer<typeof outlineLessonSchema>;

export const courseOutlineSchema = courseSummarySchema
  .omit({ sectionCount: true, lessonCount: true })
  .extend({ sections: courseSectionsSchema(outlineLessonSchema) });
export type CourseOutline = z.infer<typeof courseOutlineSchema>;
