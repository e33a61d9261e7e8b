import { getLeaderboard } from '@questline/domain/game/server/leaderboards';
import { rankStatement, standingsStatement } from '@questline/domain/game/server/leaderboard-queries';
import type pg from 'pg';
import { userFor, type BenchPath } from '../context.ts';
import { toPgPlaceholders } from '../pg-sql.ts';

const BOARD = 'xp_all_time';
const SCOPE = 'all';

// The service's table path, as raw pg sends the same SQL: the learner's rank (two index-range
// counts), then the top 10 and two neighbours either side in one statement of index ranges.
export async function rawLeaderboard(pool: pg.Pool, userId: number) {
  const rank = rankStatement(BOARD, SCOPE, userId);
  const me = await pool.query<{ score: number; reached_at: string; rank: string }>(
    toPgPlaceholders(rank.sql),
    [...rank.params],
  );
  const row = me.rows[0];
  const anchor = row ? { userId, score: row.score, reachedAt: row.reached_at } : null;
  const standings = standingsStatement(BOARD, SCOPE, 10, 2, anchor);
  const rows = await pool.query(toPgPlaceholders(standings.sql), [...standings.params]);
  return { me: row ? { rank: Number(row.rank), score: row.score } : null, rows: rows.rows };
}

export const leaderboardPath: BenchPath = {
  name: 'leaderboard top-10 + own rank',
  targets: { minRatio: 0.7, maxP99Ms: 10 },
  iterations: 2000,
  raw: (ctx, i) => rawLeaderboard(ctx.pool, userFor(ctx, i)),
  service: (ctx, i) =>
    getLeaderboard(ctx.orm.em.fork(), {
      board: BOARD,
      scope: SCOPE,
      userId: userFor(ctx, i),
      top: 10,
      around: 2,
    }),
};
