import {
  getProfileSettings,
  updateProfileSettings,
} from '@questline/domain/identity/server/profile-settings';
import {
  profileSettingsSchema,
  updateProfileSettingsInputSchema,
} from '@questline/domain/identity/universal/profile-settings';
import { getPublicProfile } from '@questline/domain/social/server/get-public-profile';
import { getProfileStats, invalidateProfileStats } from '@questline/domain/social/server/profile-stats';
import { profileStatsSchema } from '@questline/domain/social/universal/profile-stats';
import {
  publicProfileInputSchema,
  publicProfileSchema,
} from '@questline/domain/social/universal/public-profile';
import { protectedProcedure, router } from '../trpc.ts';

export const profileRouter = router({
  /** The signed-in learner's own settings. */
  me: protectedProcedure
    .output(profileSettingsSchema)
    .query(({ ctx }) => getProfileSettings(ctx.em, ctx.user.id)),

  updateSettings: protectedProcedure
    .input(updateProfileSettingsInputSchema)
    .output(profileSettingsSchema)
    .mutation(async ({ ctx, input }) => {
      const settings = await updateProfileSettings(ctx.em, ctx.user.id, input);
      // The streak shown in the stats is read against the learner's today, which a move shifts.
      if (input.timezone !== undefined)
        await invalidateProfileStats(ctx.em, ctx.ports.statsCache, ctx.user.id);
      return settings;
    }),

  /** What any signed-in learner may see of another: no email, time zone or settings. */
  public: protectedProcedure
    .input(publicProfileInputSchema)
    .output(publicProfileSchema)
    .query(({ ctx, input }) => getPublicProfile(ctx.em, input.username)),

  /** The learner's own numbers, cached for five minutes (dropped when their progress moves). */
  stats: protectedProcedure
    .output(profileStatsSchema)
    .query(({ ctx }) => getProfileStats(ctx.em, ctx.ports.statsCache, ctx.user.id, ctx.now())),
});
