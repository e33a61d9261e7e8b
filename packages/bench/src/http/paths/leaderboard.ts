import { rawLeaderboard } from '../../paths/leaderboard.ts';
import { learnerFeed } from '../feeds.ts';
import { defineHttpPath } from '../http-path.ts';

// The all-time board's top 10 and the side's next learner with two neighbours either side.
export const leaderboardHttpPath = defineHttpPath({
  name: 'leaderboard top-10 + own rank',
  procedure: 'game.leaderboard',
  kind: 'query',
  whenMissed: `Two sub-millisecond index-range statements, so the fixed cost of a request through the stack dominates (see the player summary): tRPC's fetch adapter, zod input and output, the session lookup and both statements through MikroORM, several times the raw server's CPU per request (CPU columns).`,
  feed: (setup, side) =>
    Promise.resolve(learnerFeed(setup, side, () => ({ board: 'xp_all_time', top: 10, around: 2 }))),
  raw: (pool, userId) => rawLeaderboard(pool, userId),
});
