import { listUserBadges } from '@questline/domain/game/server/badge-grants';
import { getPlayerSummary } from '@questline/domain/game/server/get-player-summary';
import { getStreakExplanation } from '@questline/domain/game/server/get-streak-explanation';
import { readHearts } from '@questline/domain/game/server/hearts';
import { listAchievements } from '@questline/domain/game/server/list-achievements';
import { listAvatars, selectAvatar } from '@questline/domain/game/server/select-avatar';
import { viewLeaderboard } from '@questline/domain/game/server/view-leaderboard';
import { achievementViewSchema } from '@questline/domain/game/universal/achievement-view';
import {
  avatarViewSchema,
  selectAvatarInputSchema,
  selectedAvatarSchema,
} from '@questline/domain/game/universal/avatars';
import { userBadgeSchema } from '@questline/domain/game/universal/badge-grants';
import {
  leaderboardPageSchema,
  leaderboardRequestSchema,
} from '@questline/domain/game/universal/leaderboard-view';
import { playerSummarySchema } from '@questline/domain/game/universal/player-summary';
import {
  streakExplanationInputSchema,
  streakExplanationSchema,
} from '@questline/domain/game/universal/streak-explanation';
import { heartsViewSchema } from '@questline/domain/learning/universal/lesson-views';
import { z } from 'zod';
import { protectedProcedure, router } from '../trpc.ts';

// The caller's own game state; leaderboards are the one view of other learners (names and scores).
export const gameRouter = router({
  summary: protectedProcedure
    .output(playerSummarySchema)
    .query(({ ctx }) => getPlayerSummary(ctx.em, ctx.user.id)),
  hearts: protectedProcedure
    .output(heartsViewSchema)
    .query(({ ctx }) => readHearts(ctx.em, ctx.user.id, ctx.now())),
  streak: protectedProcedure
    .input(streakExplanationInputSchema)
    .output(streakExplanationSchema)
    .query(({ ctx, input }) => getStreakExplanation(ctx.em, ctx.user.id, ctx.now(), input.days)),
  achievements: protectedProcedure
    .output(z.array(achievementViewSchema))
    .query(({ ctx }) => listAchievements(ctx.em, ctx.user.id)),
  badges: protectedProcedure
    .output(z.array(userBadgeSchema))
    .query(({ ctx }) => listUserBadges(ctx.em, ctx.user.id)),
  avatars: protectedProcedure
    .output(z.array(avatarViewSchema))
    .query(({ ctx }) => listAvatars(ctx.em, ctx.user.id)),
  selectAvatar: protectedProcedure
    .input(selectAvatarInputSchema)
    .output(selectedAvatarSchema)
    .mutation(({ ctx, input }) => selectAvatar(ctx.em, ctx.user.id, input.avatarId)),
  leaderboard: protectedProcedure
    .input(leaderboardRequestSchema)
    .output(leaderboardPageSchema)
    .query(({ ctx, input }) =>
      viewLeaderboard(ctx.em, ctx.user.id, input, ctx.now(), ctx.ports.standingsMirror),
    ),
});
