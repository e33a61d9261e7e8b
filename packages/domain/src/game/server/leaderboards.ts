import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import {
  isValidLeaderboardScope,
  LEADERBOARD_LIMITS,
  type LeaderboardEntry,
  type LeaderboardView,
} from '../universal/leaderboard-view.ts';
import { LEADERBOARDS, type Leaderboard } from '../universal/leaderboards.ts';
import {
  displayStatement,
  rankStatement,
  sizeStatement,
  standingsStatement,
  type Statement,
} from './leaderboard-queries.ts';
import {
  compareStandings,
  type MirroredStanding,
  type RankedStanding,
  type StandingsMirror,
} from './standings-mirror.ts';

export interface LeaderboardQuery {
  readonly board: Leaderboard;
  readonly scope: string;
  /** Whose rank and neighbours to show. */
  readonly userId: number;
  readonly top?: number;
  readonly around?: number;
}

interface RankRow {
  score: number;
  reached_at: string;
  reached_us: string;
  rank: string | number;
}

interface StandingRow {
  part: 'top' | 'above' | 'me' | 'below';
  user_id: string | number;
  score: number;
  reached_us: string;
  username: string;
  avatar_url: string | null;
}

const run = <T>(em: EntityManager, statement: Statement) =>
  em.execute<T[]>(statement.sql, [...statement.params]);

function assertQuery(query: LeaderboardQuery): { top: number; around: number } {
  const top = query.top ?? LEADERBOARD_LIMITS.defaultTop;
  const around = query.around ?? LEADERBOARD_LIMITS.defaultAround;
  const bad = (path: string, message: string) =>
    new DomainError('LEADERBOARD_QUERY_INVALID', 'BAD_INPUT', message, { path: [path] });
  if (!(LEADERBOARDS as readonly string[]).includes(query.board)) throw bad('board', 'Unknown leaderboard');
  if (!isValidLeaderboardScope(query.board, query.scope)) {
    throw bad(
      'scope',
      'All-time takes "all", weekly an ISO week like 2026-W48, best quiz scores an exam type',
    );
  }
  if (!Number.isInteger(top) || top < 1 || top > LEADERBOARD_LIMITS.maxTop) {
    throw bad('top', `Show between 1 and ${LEADERBOARD_LIMITS.maxTop} standings`);
  }
  if (!Number.isInteger(around) || around < 0 || around > LEADERBOARD_LIMITS.maxAround) {
    throw bad('around', `Show between 0 and ${LEADERBOARD_LIMITS.maxAround} neighbours`);
  }
  return { top, around };
}

/**
 * A board's top N and the learner's rank with neighbours. Ranks are unique: ties go to whoever
 * reached the score first, then to the lower user id. Reads the mirror when one is given and
 * answers (built and reachable); otherwise, or when it fails, the table.
 */
export async function getLeaderboard(
  em: EntityManager,
  query: LeaderboardQuery,
  mirror?: StandingsMirror,
): Promise<LeaderboardView> {
  const limits = assertQuery(query);
  if (mirror) {
    try {
      const view = await readMirror(em, mirror, query, limits);
      if (view) return view;
    } catch {
      // Redis down or hung (the client fails fast): the table answers the same question.
    }
  }
  return readTable(em, query, limits);
}

/** The learner's rank on a board and the board's size, from the table (for results of a write). */
export async function readStandingRank(
  em: EntityManager,
  board: Leaderboard,
  scope: string,
  userId: number,
): Promise<{ rank: number; of: number } | null> {
  const [me] = await run<RankRow>(em, rankStatement(board, scope, userId));
  if (!me) return null;
  const [size] = await run<{ size: number }>(em, sizeStatement(board, scope));
  return { rank: Number(me.rank), of: size?.size ?? 0 };
}

async function readTable(
  em: EntityManager,
  query: LeaderboardQuery,
  { top, around }: { top: number; around: number },
): Promise<LeaderboardView> {
  const [me] = await run<RankRow>(em, rankStatement(query.board, query.scope, query.userId));
  const anchor = me ? { userId: query.userId, score: me.score, reachedAt: me.reached_at } : null;
  const rows = await run<StandingRow>(em, standingsStatement(query.board, query.scope, top, around, anchor));
  const part = (name: StandingRow['part']) =>
    rows.filter((row) => row.part === name).sort((a, b) => compareStandings(standingOf(a), standingOf(b)));
  const rank = Number(me?.rank ?? 0);
  // Each side came as two index ranges (same score, then beyond it); keep the `around` nearest.
  const above = around ? part('above').slice(-around) : [];
  const below = part('below').slice(0, around);
  const neighbours = me
    ? [
        ...above.map((row, index) => entryOf(row, rank - above.length + index)),
        ...part('me').map((row) => entryOf(row, rank)),
        ...below.map((row, index) => entryOf(row, rank + 1 + index)),
      ]
    : [];
  return {
    top: part('top').map((row, index) => entryOf(row, index + 1)),
    me: me ? { rank, score: me.score } : null,
    neighbours,
  };
}

const standingOf = (row: StandingRow): MirroredStanding => ({
  userId: Number(row.user_id),
  score: row.score,
  reachedAt: BigInt(row.reached_us),
});

const entryOf = (row: StandingRow, rank: number): LeaderboardEntry => ({
  rank,
  userId: Number(row.user_id),
  username: row.username,
  score: row.score,
  avatarUrl: row.avatar_url,
});

async function readMirror(
  em: EntityManager,
  mirror: StandingsMirror,
  query: LeaderboardQuery,
  { top, around }: { top: number; around: number },
): Promise<LeaderboardView | null> {
  const { board, scope, userId } = query;
  const [first, mine] = await Promise.all([
    mirror.top(board, scope, top),
    mirror.rankOf(board, scope, userId),
  ]);
  if (!first.hit || !mine.hit) return null;
  const nearby = mine.value ? await mirror.around(board, scope, userId, around) : { hit: true, value: [] };
  if (!nearby.hit) return null;
  const named = [...first.value, ...nearby.value];
  const ids = [...new Set(named.map((standing) => standing.userId))];
  const users = ids.length
    ? await run<{ id: string | number; username: string; avatar_url: string | null }>(
        em,
        displayStatement(ids),
      )
    : [];
  const byId = new Map(users.map((user) => [Number(user.id), user]));
  // A member whose user is gone means the mirror drifted from the table: let the table answer.
  if (byId.size !== ids.length) return null;
  const entry = (standing: RankedStanding): LeaderboardEntry => ({
    rank: standing.rank,
    userId: standing.userId,
    username: byId.get(standing.userId)?.username ?? '',
    score: standing.score,
    avatarUrl: byId.get(standing.userId)?.avatar_url ?? null,
  });
  return {
    top: first.value.map(entry),
    me: mine.value ? { rank: mine.value.standing.rank, score: mine.value.standing.score } : null,
    neighbours: nearby.value.map(entry),
  };
}
