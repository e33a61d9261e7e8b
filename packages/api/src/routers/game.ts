import { getPlayerSummary } from '@questline/domain/game/server/get-player-summary';
import { playerSummarySchema } from '@questline/domain/game/universal/player-summary';
import { protectedProcedure, router } from '../trpc.ts';

export const gameRouter = router({
  summary: protectedProcedure
    .output(playerSummarySchema)
    .query(({ ctx }) => getPlayerSummary(ctx.em, ctx.user.id)),
});
