// Admin catalog editor: sections of a course and units of a section.
import { z } from 'zod';
import {
  descriptionSchema,
  idSchema,
  orderedIdsSchema,
  positionSchema,
  requiredText,
} from '../../shared/universal/admin-fields.ts';

const sectionFields = { title: requiredText(200), description: descriptionSchema };

export const createSectionInputSchema = z.object({
  courseId: idSchema,
  ...sectionFields,
  description: descriptionSchema.default(''),
  position: positionSchema.optional(),
});
export type CreateSectionInput = z.input<typeof createSectionInputSchema>;

export const updateSectionInputSchema = z
  .object({ id: idSchema, ...sectionFields })
  .partial({ title: true, description: true });
export type UpdateSectionInput = z.input<typeof updateSectionInputSchema>;

export const reorderSectionsInputSchema = z.object({ courseId: idSchema, orderedIds: orderedIdsSchema });
export type ReorderSectionsInput = z.input<typeof reorderSectionsInputSchema>;

export const sectionViewSchema = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type SectionView = z.infer<typeof sectionViewSchema>;

const unitFields = {
  title: requiredText(200),
  description: descriptionSchema,
  /** An emoji. */
  icon: requiredText(16),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1cb0f6')
    .transform((color) => color.toLowerCase()),
};

export const createUnitInputSchema = z.object({
  sectionId: idSchema,
  ...unitFields,
  description: descriptionSchema.default(''),
  position: positionSchema.optional(),
});
export type CreateUnitInput = z.input<typeof createUnitInputSchema>;

export const updateUnitInputSchema = z
  .object({ id: idSchema, ...unitFields })
  .partial({ title: true, description: true, icon: true, color: true });
export type UpdateUnitInput = z.input<typeof updateUnitInputSchema>;

export const reorderUnitsInputSchema = z.object({ sectionId: idSchema, orderedIds: orderedIdsSchema });
export type ReorderUnitsInput = z.input<typeof reorderUnitsInputSchema>;

export const unitViewSchema = z.object({
  id: z.number().int(),
  sectionId: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  icon: z.string(),
  color: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type UnitView = z.infer<typeof unitViewSchema>;
