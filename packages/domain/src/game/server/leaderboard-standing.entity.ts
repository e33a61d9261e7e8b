import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { LEADERBOARDS } from '../universal/leaderboards.ts';

// Precomputed standings, maintained on write (a window function over all attempts at read time
// is too slow at our scale) and mirrored to Redis sorted sets when Redis is configured.
// Ties go to whoever reached the score first: `reached_at` orders them.
export const LeaderboardStanding = defineEntity({
  name: 'LeaderboardStanding',
  tableName: 'leaderboard_standings',
  properties: (p) => ({
    board: p.enum([...LEADERBOARDS]).primary(),
    /** `all`, an ISO week in UTC (`2026-W48`) or an exam type. */
    scope: p.string().length(32).primary(),
    user: p.manyToOne(User).primary().deleteRule('cascade').index('leaderboard_standings_user_id_index'),
    score: p.double(),
    reachedAt: p.datetime(),
  }),
  indexes: [
    {
      name: 'leaderboard_standings_rank_index',
      expression:
        'create index "leaderboard_standings_rank_index" on "leaderboard_standings" ("board", "scope", "score" desc, "reached_at", "user_id")',
    },
  ],
});
export type LeaderboardStanding = InferEntity<typeof LeaderboardStanding>;
