// Admin catalog editor: languages and courses (inputs and the views sent back).
import { z } from 'zod';
import { descriptionSchema, idSchema, requiredText } from '../../shared/universal/admin-fields.ts';

const languageFields = {
  /** ISO 639-1. */
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code'),
  englishName: requiredText(100),
  nativeName: requiredText(100),
  /** An emoji flag. */
  flag: requiredText(16),
};

export const createLanguageInputSchema = z.object(languageFields);
export type CreateLanguageInput = z.input<typeof createLanguageInputSchema>;

export const updateLanguageInputSchema = z.object({ id: idSchema, ...languageFields }).partial({
  code: true,
  englishName: true,
  nativeName: true,
  flag: true,
});
export type UpdateLanguageInput = z.input<typeof updateLanguageInputSchema>;

export const languageViewSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  englishName: z.string(),
  nativeName: z.string(),
  flag: z.string(),
  /** Courses from or to this language: while any exist it cannot be deleted. */
  courseCount: z.number().int(),
  createdAt: z.date(),
});
export type LanguageView = z.infer<typeof languageViewSchema>;

const courseFields = {
  fromLanguageId: idSchema,
  toLanguageId: idSchema,
  title: requiredText(200),
  description: descriptionSchema,
  /** Learners see published courses only; unpublishing is how a course with learners is retired. */
  isPublished: z.boolean(),
};

const languagesDiffer = (course: { fromLanguageId?: number; toLanguageId?: number }) =>
  course.fromLanguageId === undefined || course.fromLanguageId !== course.toLanguageId;
const LANGUAGES_DIFFER = { message: 'must differ from the language taught from', path: ['toLanguageId'] };

export const createCourseInputSchema = z
  .object({
    ...courseFields,
    description: descriptionSchema.default(''),
    isPublished: z.boolean().default(false),
  })
  .refine(languagesDiffer, LANGUAGES_DIFFER);
export type CreateCourseInput = z.input<typeof createCourseInputSchema>;

export const updateCourseInputSchema = z
  .object({ id: idSchema, ...courseFields })
  .partial({ fromLanguageId: true, toLanguageId: true, title: true, description: true, isPublished: true });
export type UpdateCourseInput = z.input<typeof updateCourseInputSchema>;

const languageRefSchema = z.object({ id: z.number().int(), code: z.string(), englishName: z.string() });

export const courseViewSchema = z.object({
  id: z.number().int(),
  fromLanguage: languageRefSchema,
  toLanguage: languageRefSchema,
  title: z.string(),
  description: z.string(),
  isPublished: z.boolean(),
  sectionCount: z.number().int(),
  lessonCount: z.number().int(),
  /** Learners enrolled: while any are, the course is unpublished rather than deleted. */
  learnerCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CourseView = z.infer<typeof courseViewSchema>;
