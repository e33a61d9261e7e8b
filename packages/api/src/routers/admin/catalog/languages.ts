import {
  createLanguage,
  deleteLanguage,
  listLanguages,
  updateLanguage,
} from '@questline/domain/catalog/server/admin-languages';
import {
  createLanguageInputSchema,
  languageViewSchema,
  updateLanguageInputSchema,
} from '@questline/domain/catalog/universal/admin-courses';
import { byIdSchema, deletedSchema } from '@questline/domain/shared/universal/admin-fields';
import { z } from 'zod';
import { adminProcedure, router } from '../../../trpc.ts';
import { actorOf } from '../actor.ts';

export const adminLanguagesRouter = router({
  list: adminProcedure.output(z.array(languageViewSchema)).query(({ ctx }) => listLanguages(ctx.em)),
  create: adminProcedure
    .input(createLanguageInputSchema)
    .output(languageViewSchema)
    .mutation(({ ctx, input }) => createLanguage(ctx.em, actorOf(ctx), input)),
  update: adminProcedure
    .input(updateLanguageInputSchema)
    .output(languageViewSchema)
    .mutation(({ ctx, input }) => updateLanguage(ctx.em, actorOf(ctx), input)),
  delete: adminProcedure
    .input(byIdSchema)
    .output(deletedSchema)
    .mutation(({ ctx, input }) => deleteLanguage(ctx.em, actorOf(ctx), input)),
});
