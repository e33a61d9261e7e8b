import type { Leaderboard } from '../universal/leaderboards.ts';

// The table side of leaderboards, as set-based SQL over `leaderboard_standings_rank_index`
// (board, scope, score desc, reached_at, user_id). Every read is a range of that index: the count
// of standings ahead of a learner, the first N, and the k nearest either side of a learner, so no
// read sorts the whole board. Exported as statements so tests can EXPLAIN exactly what runs.

export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** The µs-precise instant, as text PostgreSQL parses back exactly (JS Dates keep only ms). */
const microsOf = (column: string) => `((extract(epoch from ${column}) * 1000000)::bigint)::text`;

/**
 * The learner's standing and rank: 1 + the standings ahead (a higher score, or the same score
 * reached earlier, then a lower user id), counted as two index ranges.
 */
export function rankStatement(board: Leaderboard, scope: string, userId: number): Statement {
  return {
    sql: `select m.score, m.reached_at::text as reached_at, ${microsOf('m.reached_at')} as reached_us,
            1 + (select count(*) from leaderboard_standings s
                  where s.board = m.board and s.scope = m.scope and s.score > m.score)
              + (select count(*) from leaderboard_standings s
                  where s.board = m.board and s.scope = m.scope and s.score = m.score
                    and (s.reached_at, s.user_id) < (m.reached_at, m.user_id)) as rank
       from leaderboard_standings m
      where m.board = ? and m.scope = ? and m.user_id = ?`,
    params: [board, scope, userId],
  };
}

/** How many standings the board has (an index-only count of its range). */
export function sizeStatement(board: Leaderboard, scope: string): Statement {
  return {
    sql: 'select count(*)::int as size from leaderboard_standings where board = ? and scope = ?',
    params: [board, scope],
  };
}

export interface Anchor {
  readonly userId: number;
  readonly score: number;
  /** `reached_at::text` as the rank statement returned it. */
  readonly reachedAt: string;
}

/**
 * The first `top` standings and, given the learner's anchor, the learner's and up to `around`
 * either side, with usernames and avatars. Rows carry a `part` (top | above | me | below).
 */
export function standingsStatement(
  board: Leaderboard,
  scope: string,
  top: number,
  around: number,
  anchor: Anchor | null,
): Statement {
  const columns = `user_id, score, reached_at from leaderboard_standings where board = ? and scope = ?`;
  const pieces = [`(select 'top' as part, ${columns} order by score desc, reached_at, user_id limit ?)`];
  const params: unknown[] = [board, scope, top];
  if (anchor) {
    const { score, reachedAt, userId } = anchor;
    pieces.push(
      `(select 'above', ${columns} and score = ? and (reached_at, user_id) < (?::timestamptz, ?)
         order by reached_at desc, user_id desc limit ?)`,
      `(select 'above', ${columns} and score > ? order by score, reached_at desc, user_id desc limit ?)`,
      `(select 'me', ${columns} and user_id = ?)`,
      `(select 'below', ${columns} and score = ? and (reached_at, user_id) > (?::timestamptz, ?)
         order by reached_at, user_id limit ?)`,
      `(select 'below', ${columns} and score < ? order by score desc, reached_at, user_id limit ?)`,
    );
    params.push(
      ...[board, scope, score, reachedAt, userId, around],
      ...[board, scope, score, around],
      ...[board, scope, userId],
      ...[board, scope, score, reachedAt, userId, around],
      ...[board, scope, score, around],
    );
  }
  return {
    sql: `select x.part, x.user_id, x.score, ${microsOf('x.reached_at')} as reached_us,
            u.username, coalesce(a.image_url, p.avatar_url) as avatar_url
       from (${pieces.join(' union all ')}) x
       join users u on u.id = x.user_id
       left join user_profiles p on p.user_id = x.user_id
       left join avatars a on a.id = p.selected_avatar_id`,
    params,
  };
}

/** Usernames and avatars of the users a mirror read named. */
export function displayStatement(userIds: readonly number[]): Statement {
  return {
    sql: `select u.id, u.username, coalesce(a.image_url, p.avatar_url) as avatar_url
       from users u
       left join user_profiles p on p.user_id = u.id
       left join avatars a on a.id = p.selected_avatar_id
      where u.id in (select value::bigint from jsonb_array_elements_text(?::jsonb))`,
    params: [JSON.stringify(userIds)],
  };
}

/** The whole board in rank order, for rebuilding a mirror. */
export function boardStatement(board: Leaderboard, scope: string): Statement {
  return {
    sql: `select user_id, score, ${microsOf('reached_at')} as reached_us from leaderboard_standings
      where board = ? and scope = ? order by score desc, reached_at, user_id`,
    params: [board, scope],
  };
}
