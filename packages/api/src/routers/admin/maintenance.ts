import { recomputeStandings } from '@questline/domain/game/server/recompute-standings';
import { recomputeStreaks } from '@questline/domain/game/server/recompute-streaks';
import {
  recomputeStandingsResultSchema,
  recomputeStreaksInputSchema,
  recomputeStreaksResultSchema,
} from '@questline/domain/game/universal/recompute';
import { adminProcedure, router } from '../../trpc.ts';

// Repairs: stored derived state brought back to what its sources say. Audited by the services.
export const adminMaintenanceRouter = router({
  recomputeStreaks: adminProcedure
    .input(recomputeStreaksInputSchema)
    .output(recomputeStreaksResultSchema)
    .mutation(({ ctx, input }) =>
      recomputeStreaks(
        ctx.em,
        { ...input, adminId: ctx.user.id, now: ctx.now(), ip: ctx.meta.ip },
        ctx.ports.statsCache,
      ),
    ),

  recomputeStandings: adminProcedure
    .output(recomputeStandingsResultSchema)
    .mutation(({ ctx }) =>
      recomputeStandings(
        ctx.em,
        { adminId: ctx.user.id, now: ctx.now(), ip: ctx.meta.ip },
        ctx.ports.standingsMirror,
      ),
    ),
});
