import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import type { Leaderboard } from '../../universal/leaderboards.ts';

/**
 * `count` learners with game profiles, made in two statements (no password hashing), so a board
 * can hold thousands of standings. Usernames are unique per call.
 */
export async function insertLearners(em: EntityManager, count: number): Promise<number[]> {
  const tag = randomBytes(4).toString('hex');
  const rows = await em.execute<{ id: string }[]>(
    `insert into users (email, username)
     select 'board.' || ? || '.' || g || '@example.test', 'board_' || ? || '_' || g from generate_series(1, ?) g
     returning id`,
    [tag, tag, count],
  );
  const ids = rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  await em.execute(
    'insert into user_profiles (user_id) select value::bigint from jsonb_array_elements_text(?::jsonb)',
    [JSON.stringify(ids)],
  );
  return ids;
}

export interface StandingSeed {
  readonly userId: number;
  readonly score: number;
  readonly reachedAt: Date;
}

/** Writes standings as they would stand after the writes that made them. */
export async function setStandings(
  em: EntityManager,
  board: Leaderboard,
  scope: string,
  standings: readonly StandingSeed[],
): Promise<void> {
  await em.execute(
    `insert into leaderboard_standings (board, scope, user_id, score, reached_at)
     select ?, ?, s.user_id, s.score, s.reached_at
       from jsonb_to_recordset(?::jsonb) as s(user_id bigint, score double precision, reached_at timestamptz)
     on conflict (board, scope, user_id) do update set score = excluded.score, reached_at = excluded.reached_at`,
    [
      board,
      scope,
      JSON.stringify(standings.map((s) => ({ user_id: s.userId, score: s.score, reached_at: s.reachedAt }))),
    ],
  );
}
