// Admin catalog editor: exercises with their answers, options and audio, and their place in lessons.
import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import {
  contentKeySchema,
  idSchema,
  orderedIdsSchema,
  positionSchema,
  requiredText,
  searchSchema,
} from '../../shared/universal/admin-fields.ts';
import { EXERCISE_CONTENT_SCHEMAS, exerciseProblems, type ExerciseDraft } from './exercise-content.ts';
import { AUDIO_QUALITIES, EXERCISE_TYPE_CODES } from './exercise-types.ts';

const audioInputSchema = z.object({
  quality: z.enum(AUDIO_QUALITIES),
  /** A path served by the app (`/audio/es/…`) or an https URL. */
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^(\/|https:\/\/)\S+$/, 'must be a path starting with / or an https URL')
    .refine(withoutNul, NUL_MESSAGE),
  durationMs: z.number().int().min(1).max(600_000),
  speaker: z.string().trim().max(100).refine(withoutNul, NUL_MESSAGE).nullable().default(null),
});

// An exercise is edited as a whole (its type, content, options and answer must agree), so
// create and update both take every field; options and audio replace the stored ones.
const exerciseShape = {
  /** Stable and unique across the catalog (`es-greetings-1-3`). */
  key: contentKeySchema(120),
  type: z.enum(EXERCISE_TYPE_CODES),
  prompt: requiredText(1000),
  correctAnswer: requiredText(500),
  alternateAnswers: z.array(requiredText(500)).max(20).default([]),
  hints: z.array(requiredText(500)).max(5).default([]),
  difficulty: z.number().int().min(1).max(5),
  timeLimitSeconds: z.number().int().min(1).max(3600).nullable().default(null),
  xpOverride: z.number().int().min(1).max(1000).nullable().default(null),
  content: z.record(z.string(), z.unknown()).default({}),
  options: z
    .array(z.object({ text: requiredText(500), isCorrect: z.boolean() }))
    .max(6)
    .default([]),
  audio: z.array(audioInputSchema).max(AUDIO_QUALITIES.length).default([]),
};

function checkDraft(draft: ExerciseDraft, ctx: z.RefinementCtx): void {
  for (const problem of exerciseProblems(draft)) ctx.addIssue({ code: 'custom', ...problem });
}

/** The content as stored: trimmed by its type's schema (already checked by `checkDraft`). */
function withCleanContent<T extends ExerciseDraft>(draft: T): T & { content: Record<string, unknown> } {
  return { ...draft, content: EXERCISE_CONTENT_SCHEMAS[draft.type].parse(draft.content) };
}

export const createExerciseInputSchema = z
  .object({
    /** The lesson it is written for; it can be attached to others later. */
    lessonId: idSchema,
    position: positionSchema.optional(),
    isRequired: z.boolean().default(true),
    ...exerciseShape,
  })
  .superRefine(checkDraft)
  .transform(withCleanContent);
export type CreateExerciseInput = z.input<typeof createExerciseInputSchema>;

export const updateExerciseInputSchema = z
  .object({ id: idSchema, ...exerciseShape })
  .superRefine(checkDraft)
  .transform(withCleanContent);
export type UpdateExerciseInput = z.input<typeof updateExerciseInputSchema>;
export type ExerciseFields = Omit<z.output<typeof updateExerciseInputSchema>, 'id'>;

export const listExercisesInputSchema = z.object({
  /** A substring of the key or the prompt. */
  search: searchSchema.optional(),
  type: z.enum(EXERCISE_TYPE_CODES).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** The last id of the previous page (keyset pagination, newest first). */
  cursor: idSchema.optional(),
});
export type ListExercisesInput = z.input<typeof listExercisesInputSchema>;

export const attachExerciseInputSchema = z.object({
  lessonId: idSchema,
  exerciseId: idSchema,
  position: positionSchema.optional(),
  isRequired: z.boolean().default(true),
});
export type AttachExerciseInput = z.input<typeof attachExerciseInputSchema>;

export const lessonExerciseInputSchema = z.object({ lessonId: idSchema, exerciseId: idSchema });
export type LessonExerciseInput = z.input<typeof lessonExerciseInputSchema>;

export const setExerciseRequiredInputSchema = lessonExerciseInputSchema.extend({ isRequired: z.boolean() });
export type SetExerciseRequiredInput = z.input<typeof setExerciseRequiredInputSchema>;

export const reorderLessonExercisesInputSchema = z.object({
  lessonId: idSchema,
  orderedIds: orderedIdsSchema,
});
export type ReorderLessonExercisesInput = z.input<typeof reorderLessonExercisesInputSchema>;

export const adminExerciseViewSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  type: z.enum(EXERCISE_TYPE_CODES),
  prompt: z.string(),
  correctAnswer: z.string(),
  alternateAnswers: z.array(z.string()),
  hints: z.array(z.string()),
  difficulty: z.number().int(),
  timeLimitSeconds: z.number().int().nullable(),
  xpOverride: z.number().int().nullable(),
  content: z.record(z.string(), z.unknown()),
  options: z.array(
    z.object({ id: z.number().int(), position: z.number().int(), text: z.string(), isCorrect: z.boolean() }),
  ),
  audio: z.array(
    z.object({
      id: z.number().int(),
      quality: z.enum(AUDIO_QUALITIES),
      url: z.string(),
      durationMs: z.number().int(),
      speaker: z.string().nullable(),
    }),
  ),
  /** The lessons it is part of. */
  lessonIds: z.array(z.number().int()),
  /** Learners' recorded attempts, hints and skips: while any exist it cannot be deleted. */
  interactionCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AdminExerciseView = z.infer<typeof adminExerciseViewSchema>;

export const lessonExerciseViewSchema = adminExerciseViewSchema.extend({
  position: z.number().int(),
  isRequired: z.boolean(),
});
export type LessonExerciseView = z.infer<typeof lessonExerciseViewSchema>;

export const exerciseListPageSchema = z.object({
  items: z.array(adminExerciseViewSchema),
  nextCursor: z.number().int().nullable(),
});
export type ExerciseListPage = z.infer<typeof exerciseListPageSchema>;

export const lessonExerciseChangeSchema = z.object({
  lessonId: z.number().int(),
  exerciseId: z.number().int(),
  /** False when there was nothing to do. */
  changed: z.boolean(),
});
export type LessonExerciseChange = z.infer<typeof lessonExerciseChangeSchema>;
