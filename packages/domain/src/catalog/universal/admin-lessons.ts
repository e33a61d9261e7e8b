// Admin catalog editor: lessons of a unit and the prerequisite graph of a course.
import { z } from 'zod';
import {
  contentKeySchema,
  descriptionSchema,
  idSchema,
  orderedIdsSchema,
  positionSchema,
  requiredText,
} from '../../shared/universal/admin-fields.ts';

const lessonFields = {
  /** Stable and unique across the catalog (`es-greetings-1`). */
  key: contentKeySchema(100),
  title: requiredText(200),
  description: descriptionSchema,
  xpReward: z.number().int().min(1).max(1000),
  estimatedMinutes: z.number().int().min(1).max(240),
};

export const createLessonInputSchema = z.object({
  unitId: idSchema,
  ...lessonFields,
  description: descriptionSchema.default(''),
  position: positionSchema.optional(),
});
export type CreateLessonInput = z.input<typeof createLessonInputSchema>;

export const updateLessonInputSchema = z
  .object({ id: idSchema, ...lessonFields })
  .partial({ key: true, title: true, description: true, xpReward: true, estimatedMinutes: true });
export type UpdateLessonInput = z.input<typeof updateLessonInputSchema>;

export const reorderLessonsInputSchema = z.object({ unitId: idSchema, orderedIds: orderedIdsSchema });
export type ReorderLessonsInput = z.input<typeof reorderLessonsInputSchema>;

export const lessonViewSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  position: z.number().int(),
  key: z.string(),
  title: z.string(),
  description: z.string(),
  xpReward: z.number().int(),
  estimatedMinutes: z.number().int(),
  /** The lessons that must be completed before this one. */
  prerequisiteIds: z.array(z.number().int()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type LessonView = z.infer<typeof lessonViewSchema>;

/** `lessonId` requires `requiredLessonId`; both must be lessons of the same course. */
export const prerequisiteInputSchema = z.object({ lessonId: idSchema, requiredLessonId: idSchema });
export type PrerequisiteInput = z.input<typeof prerequisiteInputSchema>;

export const prerequisiteChangeSchema = z.object({
  lessonId: z.number().int(),
  requiredLessonId: z.number().int(),
  /** False when there was nothing to do: the edge already existed, or was not there to remove. */
  changed: z.boolean(),
});
export type PrerequisiteChange = z.infer<typeof prerequisiteChangeSchema>;

export const prerequisiteGraphSchema = z.object({
  courseId: z.number().int(),
  nodes: z.array(
    z.object({
      lessonId: z.number().int(),
      key: z.string(),
      title: z.string(),
      unitId: z.number().int(),
      sectionId: z.number().int(),
    }),
  ),
  edges: z.array(z.object({ lessonId: z.number().int(), requiredLessonId: z.number().int() })),
  /** Every lesson after all its prerequisites: an order in which the course can be taken. */
  order: z.array(z.number().int()),
});
export type PrerequisiteGraph = z.infer<typeof prerequisiteGraphSchema>;
