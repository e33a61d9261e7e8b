import { recomputeStandings } from '@questline/domain/game/server/recompute-standings';
import { recomputeStreaks } from '@questline/domain/game/server/recompute-streaks';
import {
  recomputeStandingsResultSchema,
  recomputeStreaksInputSchema,
  recomputeStreaksResultSchema,
} from '@questline/domain/game/universal/recompute';
import { adminProcedure, router } from '../../trpc.ts';
import { actorOf } from './actor.ts';

// Repairs: stored derived state brought back to what its sources say. Audited by the services.
export const adminMaintenanceRouter = router({
  recomputeStreaks: adminProcedure
    .input(recomputeStreaksInputSchema)
    .output(recomputeStreaksResultSchema)
    .mutation(({ ctx, input }) =>
      recomputeStreaks(ctx.em, { ...input, ...actorOf(ctx) }, ctx.ports.statsCache),
    ),

  recomputeStandings: adminProcedure
    .output(recomputeStandingsResultSchema)
    .mutation(({ ctx }) => recomputeStandings(ctx.em, actorOf(ctx), ctx.ports.standingsMirror)),
});
