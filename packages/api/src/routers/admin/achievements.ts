import {
  backfillAchievement,
  dryRunAchievement,
} from '@questline/domain/game/server/admin-achievement-rules';
import {
  createAchievement,
  deleteAchievement,
  listAdminAchievements,
  updateAchievement,
} from '@questline/domain/game/server/admin-achievements';
import { publishProgress } from '@questline/domain/game/server/publish-progress';
import { byIdSchema, deletedSchema } from '@questline/domain/shared/universal/admin-fields';
import {
  achievementBackfillInputSchema,
  achievementBackfillSchema,
  achievementDryRunInputSchema,
  achievementDryRunSchema,
  adminAchievementSchema,
  createAchievementInputSchema,
  updateAchievementInputSchema,
} from '@questline/domain/game/universal/admin-achievements';
import { z } from 'zod';
import { adminProcedure, router } from '../../trpc.ts';
import { actorOf } from './actor.ts';

export const adminAchievementsRouter = router({
  list: adminProcedure
    .output(z.array(adminAchievementSchema))
    .query(({ ctx }) => listAdminAchievements(ctx.em)),

  create: adminProcedure
    .input(createAchievementInputSchema)
    .output(adminAchievementSchema)
    .mutation(({ ctx, input }) => createAchievement(ctx.em, actorOf(ctx), input)),

  update: adminProcedure
    .input(updateAchievementInputSchema)
    .output(adminAchievementSchema)
    .mutation(({ ctx, input }) => updateAchievement(ctx.em, actorOf(ctx), input)),

  /** Only an achievement nobody has earned. */
  delete: adminProcedure
    .input(byIdSchema)
    .output(deletedSchema)
    .mutation(({ ctx, input }) => deleteAchievement(ctx.em, actorOf(ctx), input)),

  /** "412 learners would unlock this": a stored rule or a draft, counted without changing anything. */
  dryRun: adminProcedure
    .input(achievementDryRunInputSchema)
    .output(achievementDryRunSchema)
    .query(({ ctx, input }) => dryRunAchievement(ctx.em, input)),

  backfill: adminProcedure
    .input(achievementBackfillInputSchema)
    .output(achievementBackfillSchema)
    .mutation(async ({ ctx, input }) => {
      const { awardedUserIds, ...result } = await backfillAchievement(ctx.em, actorOf(ctx), input);
      // After commit: the awarded learners' XP standings and cached stats (achievement counts) moved.
      for (const userId of awardedUserIds) await publishProgress(ctx.em, ctx.ports, userId, ctx.now());
      return result;
    }),
});
