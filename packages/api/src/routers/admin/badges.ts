import { uploadBadgeArtwork } from '@questline/domain/game/server/admin-badge-artwork';
import { createBadge, listAdminBadges, updateBadge } from '@questline/domain/game/server/admin-badges';
import { grantBadge, revokeBadge } from '@questline/domain/game/server/badge-grants';
import { listBadgeHolders } from '@questline/domain/game/server/badge-holders';
import { publishProgress } from '@questline/domain/game/server/publish-progress';
import {
  adminBadgeGrantInputSchema,
  adminBadgeSchema,
  badgeHoldersInputSchema,
  badgeHoldersPageSchema,
  createBadgeInputSchema,
  updateBadgeInputSchema,
} from '@questline/domain/game/universal/admin-badges';
import { uploadArtworkInputSchema } from '@questline/domain/game/universal/artwork';
import { badgeGrantResultSchema } from '@questline/domain/game/universal/badge-grants';
import { z } from 'zod';
import { adminProcedure, router } from '../../trpc.ts';
import { actorOf } from './actor.ts';

const grantOrRevoke = adminProcedure.input(adminBadgeGrantInputSchema).output(badgeGrantResultSchema);

export const adminBadgesRouter = router({
  list: adminProcedure.output(z.array(adminBadgeSchema)).query(({ ctx }) => listAdminBadges(ctx.em)),

  create: adminProcedure
    .input(createBadgeInputSchema)
    .output(adminBadgeSchema)
    .mutation(({ ctx, input }) => createBadge(ctx.em, actorOf(ctx), input)),

  update: adminProcedure
    .input(updateBadgeInputSchema)
    .output(adminBadgeSchema)
    .mutation(({ ctx, input }) => updateBadge(ctx.em, actorOf(ctx), input)),

  /** PNG bytes as base64: 64×64 for the badge, 16×16 for its tag-badge art. */
  uploadArtwork: adminProcedure
    .input(uploadArtworkInputSchema)
    .output(adminBadgeSchema)
    .mutation(({ ctx, input }) => uploadBadgeArtwork(ctx.em, actorOf(ctx), input)),

  grant: grantOrRevoke.mutation(async ({ ctx, input }) => {
    const result = await grantBadge(ctx.em, {
      ...input,
      adminId: ctx.user.id,
      now: ctx.now(),
      ip: ctx.meta.ip,
    });
    // The learner's cached profile stats count their badges.
    if (result.changed) await publishProgress(ctx.em, ctx.ports, input.userId, ctx.now());
    return result;
  }),

  revoke: grantOrRevoke.mutation(async ({ ctx, input }) => {
    const result = await revokeBadge(ctx.em, {
      ...input,
      adminId: ctx.user.id,
      now: ctx.now(),
      ip: ctx.meta.ip,
    });
    if (result.changed) await publishProgress(ctx.em, ctx.ports, input.userId, ctx.now());
    return result;
  }),

  holders: adminProcedure
    .input(badgeHoldersInputSchema)
    .output(badgeHoldersPageSchema)
    .query(({ ctx, input }) => listBadgeHolders(ctx.em, input)),
});
