import {
  getReactionsTab,
  reactionsTabFloorQuery,
  reactionsTabPageQuery,
} from '@questline/domain/social/server/reactions';
import type pg from 'pg';
import { userFor, type BenchPath } from '../context.ts';
import { toPgPlaceholders } from '../pg-sql.ts';

// The first page of a learner's reactions tab (20 posts): the 8192-reaction floor, then one
// range of ix_reactions_user_created. The raw side sends the very same SQL through plain pg.
export async function rawReactionsTab(pool: pg.Pool, userId: number) {
  const floorQuery = reactionsTabFloorQuery(userId);
  const floor = await pool.query<{ at: string; id: string }>(toPgPlaceholders(floorQuery.sql), [
    ...floorQuery.params,
  ]);
  const row = floor.rows[0];
  const page = reactionsTabPageQuery(userId, null, row ? { at: row.at, id: Number(row.id) } : null, 21);
  const result = await pool.query(toPgPlaceholders(page.sql), [...page.params]);
  return result.rows.slice(0, 20);
}

export const reactionsTabPath: BenchPath = {
  name: 'reactions tab page (1,000,000 reactions)',
  targets: { minRatio: 0.7, maxP99Ms: 10 },
  iterations: 2000,
  raw: (ctx, i) => rawReactionsTab(ctx.pool, userFor(ctx, i)),
  service: (ctx, i) => getReactionsTab(ctx.orm.em.fork(), userFor(ctx, i), { limit: 20 }),
};
