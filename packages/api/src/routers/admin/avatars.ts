import { byIdSchema, deletedSchema } from '@questline/domain/shared/universal/admin-fields';
import {
  createAvatar,
  deleteAvatar,
  listAdminAvatars,
  updateAvatar,
} from '@questline/domain/game/server/admin-avatars';
import {
  adminAvatarSchema,
  createAvatarInputSchema,
  updateAvatarInputSchema,
} from '@questline/domain/game/universal/admin-avatars';
import { z } from 'zod';
import { adminProcedure, router } from '../../trpc.ts';
import { actorOf } from './actor.ts';

export const adminAvatarsRouter = router({
  list: adminProcedure.output(z.array(adminAvatarSchema)).query(({ ctx }) => listAdminAvatars(ctx.em)),

  create: adminProcedure
    .input(createAvatarInputSchema)
    .output(adminAvatarSchema)
    .mutation(({ ctx, input }) => createAvatar(ctx.em, actorOf(ctx), input)),

  update: adminProcedure
    .input(updateAvatarInputSchema)
    .output(adminAvatarSchema)
    .mutation(({ ctx, input }) => updateAvatar(ctx.em, actorOf(ctx), input)),

  /** Learners who selected it fall back to the first default avatar; the last default stays. */
  delete: adminProcedure
    .input(byIdSchema)
    .output(deletedSchema)
    .mutation(({ ctx, input }) => deleteAvatar(ctx.em, actorOf(ctx), input)),
});
