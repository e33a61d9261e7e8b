import { generateSessionToken } from '@questline/domain/identity/server/session-token';
import type pg from 'pg';
import type { Side } from './http-path.ts';

export interface Learners {
  /** The nth learner of a side (round its half): the raw server's half first, then the API's. */
  learnerOf(side: Side, n: number): number;
  /** How many learners each side has. */
  readonly perSide: number;
  /** The side's learners as one id range. */
  rangeOf(side: Side): { first: number; count: number };
  /** The session cookie token that signs in as `userId`. */
  tokenOf(userId: number): string;
  /** Marks every bench session seen now, so neither server refreshes last_seen_at mid-run. */
  touch(): Promise<void>;
}

/** One fresh session per bench learner, made directly in the table (no argon2 sign-in per learner). */
export async function createLearnerSessions(
  pool: pg.Pool,
  firstUserId: number,
  userCount: number,
): Promise<Learners> {
  const userIds = Array.from({ length: userCount }, (_, offset) => firstUserId + offset);
  const issued = userIds.map(() => generateSessionToken());
  const lastId = firstUserId + userCount - 1;
  await pool.query('delete from sessions where user_id between $1 and $2', [firstUserId, lastId]);
  await pool.query(
    `insert into sessions (user_id, token_hash, created_at, last_seen_at, expires_at)
     select t.user_id, t.token_hash, now(), now(), now() + interval '1 day'
       from unnest($1::bigint[], $2::text[]) as t(user_id, token_hash)`,
    [userIds, issued.map((session) => session.tokenHash)],
  );
  // The first bench user (1,000 habits × 5 years) is kept for the dashboard: no side's learner.
  const firstLearner = firstUserId + 1;
  const perSide = Math.floor((userCount - 1) / 2);
  const firstOf = (side: Side) => firstLearner + (side === 'api' ? perSide : 0);
  return {
    perSide,
    learnerOf: (side, n) => firstOf(side) + (n % perSide),
    rangeOf: (side) => ({ first: firstOf(side), count: perSide }),
    tokenOf: (userId) => {
      const session = issued[userId - firstUserId];
      if (!session) throw new Error(`no bench session for user ${userId}`);
      return session.token;
    },
    touch: async () => {
      await pool.query('update sessions set last_seen_at = now() where user_id between $1 and $2', [
        firstUserId,
        lastId,
      ]);
    },
  };
}
