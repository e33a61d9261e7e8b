import type { EntityManager } from '@mikro-orm/postgresql';
import { EXAM_TYPES } from '../../quiz/universal/exam-types.ts';
import { isoWeekOf, type Leaderboard } from '../universal/leaderboards.ts';
import { boardStatement } from './leaderboard-queries.ts';
import type { StandingsMirror } from './standings-mirror.ts';

interface BoardRow {
  user_id: string | number;
  score: number;
  reached_us: string;
}

/**
 * Copies the user's current standings — all-time XP, this UTC week's XP, best score per exam — from
 * the table to the mirror. Call it after the transaction that moved them commits. Each write copies
 * the table's value, so it also heals an earlier missed write; a board the mirror has not built
 * yet is rebuilt whole. Best effort: resolves false instead of failing when the mirror is down.
 */
export async function mirrorStandingsOf(
  em: EntityManager,
  mirror: StandingsMirror,
  userId: number,
  now: Date,
): Promise<boolean> {
  try {
    const rows = await em.execute<(BoardRow & { board: Leaderboard; scope: string })[]>(
      `select board, scope, score, ((extract(epoch from reached_at) * 1000000)::bigint)::text as reached_us
         from leaderboard_standings where user_id = ? and (board <> 'xp_weekly' or scope = ?)`,
      [userId, isoWeekOf(now)],
    );
    await Promise.all(
      rows.map(async (row) => {
        const recorded = await mirror.record(row.board, row.scope, userId, row.score, BigInt(row.reached_us));
        if (!recorded) await rebuildStandingsMirror(em, mirror, row.board, row.scope);
      }),
    );
    return true;
  } catch {
    // The table is the truth and the next write or a rebuild heals the mirror.
    return false;
  }
}

/** Replaces one board in the mirror with the table's standings; returns how many it copied. */
export async function rebuildStandingsMirror(
  em: EntityManager,
  mirror: StandingsMirror,
  board: Leaderboard,
  scope: string,
): Promise<number> {
  const statement = boardStatement(board, scope);
  const rows = await em.execute<BoardRow[]>(statement.sql, [...statement.params]);
  await mirror.replace(
    board,
    scope,
    rows.map((row) => ({ userId: Number(row.user_id), score: row.score, reachedAt: BigInt(row.reached_us) })),
  );
  return rows.length;
}

/** Rebuilds every board learners can see at `now` (for start-up, or after Redis lost its data). */
export async function rebuildCurrentStandingsMirrors(
  em: EntityManager,
  mirror: StandingsMirror,
  now: Date,
): Promise<number> {
  const boards: [Leaderboard, string][] = [
    ['xp_all_time', 'all'],
    ['xp_weekly', isoWeekOf(now)],
    ...EXAM_TYPES.map((exam): [Leaderboard, string] => ['quiz_best', exam]),
  ];
  let copied = 0;
  for (const [board, scope] of boards) copied += await rebuildStandingsMirror(em, mirror, board, scope);
  return copied;
}
