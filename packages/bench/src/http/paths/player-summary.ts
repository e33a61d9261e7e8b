import { levelProgress } from '@questline/domain/game/universal/level';
import type pg from 'pg';
import { learnerFeed } from '../feeds.ts';
import { defineHttpPath } from '../http-path.ts';

// The lightest authenticated read: one profile row by key. Through the stack it is mostly the
// fixed cost every request pays (HTTP, tRPC, the session lookup, output validation, encoding the answer).
async function rawPlayerSummary(pool: pg.Pool, userId: number) {
  const { rows } = await pool.query<{
    xp: number;
    study_streak_current: number;
    study_streak_longest: number;
  }>('select u0.* from user_profiles as u0 where u0.user_id = $1 limit 1', [userId]);
  const profile = rows[0];
  if (!profile) return null;
  return {
    ...levelProgress(profile.xp),
    studyStreakCurrent: profile.study_streak_current,
    studyStreakLongest: profile.study_streak_longest,
  };
}

export const playerSummaryHttpPath = defineHttpPath({
  name: 'player summary (one row: the fixed cost of a request)',
  procedure: 'game.summary',
  kind: 'query',
  whenMissed: `One row by key (one plain statement), so this is the fixed cost of any request through the stack: tRPC's fetch adapter (Node request → Fetch Request → Response, an AbortSignal and a web stream per request), the session lookup, zod on input and output, and MikroORM's per-statement work (knex's raw builder, parameter quoting) on both statements. The answer leaves in one socket write (it took two before); figures of this path swing by ±30% between runs. Throughput follows CPU per request here (two cores shared with PostgreSQL and the load generator).`,
  feed: (setup, side) => Promise.resolve(learnerFeed(setup, side)),
  raw: (pool, userId) => rawPlayerSummary(pool, userId),
});
