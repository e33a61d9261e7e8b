import {
  createSection,
  createUnit,
  deleteSection,
  deleteUnit,
  reorderSections,
  reorderUnits,
  updateSection,
  updateUnit,
} from '@questline/domain/catalog/server/admin-sections';
import { byIdSchema, deletedSchema, reorderedSchema } from '@questline/domain/shared/universal/admin-fields';
import {
  createSectionInputSchema,
  createUnitInputSchema,
  reorderSectionsInputSchema,
  reorderUnitsInputSchema,
  sectionViewSchema,
  unitViewSchema,
  updateSectionInputSchema,
  updateUnitInputSchema,
} from '@questline/domain/catalog/universal/admin-sections';
import { adminProcedure, router } from '../../../trpc.ts';
import { actorOf } from '../actor.ts';

// Sections and units are read through `courses.get`, the editor's tree of the whole course.

export const adminSectionsRouter = router({
  create: adminProcedure
    .input(createSectionInputSchema)
    .output(sectionViewSchema)
    .mutation(({ ctx, input }) => createSection(ctx.em, actorOf(ctx), input)),
  update: adminProcedure
    .input(updateSectionInputSchema)
    .output(sectionViewSchema)
    .mutation(({ ctx, input }) => updateSection(ctx.em, actorOf(ctx), input)),
  delete: adminProcedure
    .input(byIdSchema)
    .output(deletedSchema)
    .mutation(({ ctx, input }) => deleteSection(ctx.em, actorOf(ctx), input)),
  reorder: adminProcedure
    .input(reorderSectionsInputSchema)
    .output(reorderedSchema)
    .mutation(({ ctx, input }) => reorderSections(ctx.em, actorOf(ctx), input)),
});

export const adminUnitsRouter = router({
  create: adminProcedure
    .input(createUnitInputSchema)
    .output(unitViewSchema)
    .mutation(({ ctx, input }) => createUnit(ctx.em, actorOf(ctx), input)),
  update: adminProcedure
    .input(updateUnitInputSchema)
    .output(unitViewSchema)
    .mutation(({ ctx, input }) => updateUnit(ctx.em, actorOf(ctx), input)),
  delete: adminProcedure
    .input(byIdSchema)
    .output(deletedSchema)
    .mutation(({ ctx, input }) => deleteUnit(ctx.em, actorOf(ctx), input)),
  reorder: adminProcedure
    .input(reorderUnitsInputSchema)
    .output(reorderedSchema)
    .mutation(({ ctx, input }) => reorderUnits(ctx.em, actorOf(ctx), input)),
});
