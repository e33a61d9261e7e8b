import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { boardStatement } from '@questline/domain/game/server/leaderboard-queries';
import { getLeaderboard, type LeaderboardQuery } from '@questline/domain/game/server/leaderboards';
import {
  mirrorStandingsOf,
  rebuildCurrentStandingsMirrors,
  rebuildStandingsMirror,
} from '@questline/domain/game/server/mirror-standings';
import type { StandingsMirror } from '@questline/domain/game/server/standings-mirror';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { insertLearners, setStandings } from '@questline/domain/game/server/testing/standings-factory';
import { expectLedgerBalanced } from '@questline/domain/game/server/testing/ledger-invariant';
import { isoWeekEnd, isoWeekOf } from '@questline/domain/game/universal/leaderboards';
import { createAccount } from '@questline/domain/identity/server/sign-up';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import { submitQuiz } from '@questline/domain/quiz/server/submit-quiz';
import {
  answersWith,
  bankQuestions,
  newIdempotencyKey,
} from '@questline/domain/quiz/server/testing/quiz-factory';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectTestRedis,
  dropTestRedis,
  findTestRedis,
  hasRedisServerBinary,
  startHungServer,
  startRedisServer,
  waitUntilReady,
} from '../testing/redis.ts';
import { connectRedis } from '../redis.ts';
import { boardExpiry, createRedisStandingsMirror } from './standings-mirror.ts';

const db = useTestDatabase();
const lookup = await findTestRedis();
const canStartRedis = hasRedisServerBinary();
if (!lookup.redis) console.warn(`[skip] Redis-backed standings tests: ${lookup.reason}`);
if (!canStartRedis)
  console.warn('[skip] stopped and hung Redis tests: no redis-server binary to start and stop');

let client: Redis | undefined;
let mirror: StandingsMirror;
const monday = Date.parse('2030-01-07T12:00:00Z');
let weeks = 0;
/** A weekly board of its own for each test, and an instant inside that week. */
const freshWeek = () => {
  const now = new Date(monday + 7 * 86_400_000 * weeks++);
  return { now, scope: isoWeekOf(now) };
};

beforeAll(async () => {
  if (!lookup.redis) return;
  client = await connectTestRedis(lookup.redis.url);
  mirror = createRedisStandingsMirror(client);
});
afterAll(async () => {
  if (client) await dropTestRedis(client);
  await lookup.redis?.stop();
});

/** A weekly board of `count` learners with scores, instants and microseconds that tie often. */
async function boardWithTies(count: number, scope: string) {
  const users = await insertLearners(db.em(), count);
  const base = Date.parse('2030-01-07T08:00:00Z');
  await setStandings(
    db.em(),
    'xp_weekly',
    scope,
    users.map((userId, i) => ({
      userId,
      score: [0, 10, 66.67, 100][(i * 7) % 4] ?? 0,
      reachedAt: new Date(base + (i % 3)),
    })),
  );
  // Ties within one millisecond too: the mirror must keep PostgreSQL's microsecond order.
  await db.em().execute(
    `update leaderboard_standings set reached_at = reached_at + (user_id % 2) * interval '1 microsecond'
      where board = 'xp_weekly' and scope = ?`,
    [scope],
  );
  return users;
}

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

describe.skipIf(!lookup.redis)('Redis standings mirror', () => {
  it('orders ties exactly as PostgreSQL ranks them', async () => {
    const { scope } = freshWeek();
    const users = await boardWithTies(60, scope);
    expect(await rebuildStandingsMirror(db.em(), mirror, 'xp_weekly', scope)).toBe(60);

    const statement = boardStatement('xp_weekly', scope);
    const table = await db.em().execute<{ user_id: string }[]>(statement.sql, [...statement.params]);
    const mirrored = await mirror.top('xp_weekly', scope, 100);
    expect(mirrored.hit && mirrored.value.map((s) => s.userId)).toEqual(
      table.map((row) => Number(row.user_id)),
    );
    const queries = users.map((userId): LeaderboardQuery => ({
      board: 'xp_weekly',
      scope,
      userId,
      top: 5,
      around: 3,
    }));
    const fromTable = await Promise.all(queries.map((query) => getLeaderboard(db.em(), query)));
    // Emptied table: whatever still comes back can only have come from Redis.
    await db
      .em()
      .execute(`delete from leaderboard_standings where board = 'xp_weekly' and scope = ?`, [scope]);
    const fromMirror = await Promise.all(queries.map((query) => getLeaderboard(db.em(), query, mirror)));
    expect(fromMirror).toEqual(fromTable);
  });

  it('answers reads from Redis, and a later write of the learner heals a missed one', async () => {
    const { now, scope } = freshWeek();
    const users = await boardWithTies(2, scope);
    await rebuildStandingsMirror(db.em(), mirror, 'xp_weekly', scope);
    const leader = (await getLeaderboard(db.em(), { board: 'xp_weekly', scope, userId: 0 })).top[0]?.userId;
    const second = users.find((userId) => userId !== leader) ?? 0;
    // The table moves without the mirror (a mirror write that failed after commit).
    await setStandings(db.em(), 'xp_weekly', scope, [{ userId: second, score: 500, reachedAt: now }]);
    const query: LeaderboardQuery = { board: 'xp_weekly', scope, userId: second };
    expect((await getLeaderboard(db.em(), query, mirror)).top[0]?.userId).toBe(leader);
    expect((await getLeaderboard(db.em(), query)).top[0]?.userId).toBe(second);

    expect(await mirrorStandingsOf(db.em(), mirror, second, now)).toBe(true);
    expect(await getLeaderboard(db.em(), query, mirror)).toEqual(await getLeaderboard(db.em(), query));
    expect((await getLeaderboard(db.em(), query, mirror)).me).toEqual({ rank: 1, score: 500 });
  });

  it('builds a board it has never seen from the table on the first write', async () => {
    const { now, scope } = freshWeek();
    const users = await boardWithTies(10, scope);
    expect(await mirror.top('xp_weekly', scope, 10)).toEqual({ hit: false });
    const query: LeaderboardQuery = { board: 'xp_weekly', scope, userId: users[3] ?? 0 };
    // Not built yet: the table answers.
    expect(await getLeaderboard(db.em(), query, mirror)).toEqual(await getLeaderboard(db.em(), query));
    expect(await mirror.record('xp_weekly', scope, users[0] ?? 0, 10, 0n)).toBe(false);

    await mirrorStandingsOf(db.em(), mirror, users[0] ?? 0, now);
    const built = await mirror.top('xp_weekly', scope, 100);
    expect(built.hit && built.value).toHaveLength(10);
    expect(await getLeaderboard(db.em(), query, mirror)).toEqual(await getLeaderboard(db.em(), query));
  });

  it('lets a weekly board expire two weeks after its week ends; other boards stay', async () => {
    const { scope } = freshWeek();
    const users = await boardWithTies(3, scope);
    await rebuildStandingsMirror(db.em(), mirror, 'xp_weekly', scope);
    const expiresAt = await client?.pexpiretime(`lb:{xp_weekly:${scope}}`);
    expect(expiresAt).toBe(boardExpiry('xp_weekly', scope));
    expect(expiresAt).toBe((isoWeekEnd(scope)?.getTime() ?? 0) + 14 * 86_400_000);
    expect(await client?.pexpiretime(`lb:{xp_weekly:${scope}}:members`)).toBe(expiresAt);
    // A write keeps the board's expiry.
    await mirror.record('xp_weekly', scope, users[0] ?? 0, 500, 1n);
    expect(await client?.pexpiretime(`lb:{xp_weekly:${scope}}`)).toBe(expiresAt);

    await rebuildStandingsMirror(db.em(), mirror, 'xp_all_time', 'all');
    expect(await client?.pexpiretime('lb:{xp_all_time:all}')).toBe(-1);
  });

  it('mirrors a quiz submission after it commits', async () => {
    await seedQuestionBank(db.em());
    await seedGameContent(db.em());
    const now = new Date('2030-03-06T09:00:00Z');
    await rebuildCurrentStandingsMirrors(db.em(), mirror, now);
    const userId = (await createAccount(db.em(), uniqueSignUpInput(), now)).id;
    const questions = await bankQuestions(db.em(), 'network', 10);
    await submitQuiz(
      db.em(),
      {
        userId,
        examType: 'network',
        answers: answersWith(questions, 9),
        idempotencyKey: newIdempotencyKey(),
        now,
      },
      { standings: mirror },
    );
    for (const [board, scope] of [
      ['quiz_best', 'network'],
      ['xp_all_time', 'all'],
      ['xp_weekly', isoWeekOf(now)],
    ] as const) {
      const query: LeaderboardQuery = { board, scope, userId };
      const fromMirror = await mirror.rankOf(board, scope, userId);
      expect(fromMirror.hit && fromMirror.value?.standing.score).toBe(
        (await getLeaderboard(db.em(), query)).me?.score,
      );
      expect(await getLeaderboard(db.em(), query, mirror)).toEqual(await getLeaderboard(db.em(), query));
    }
    await expectLedgerBalanced(db.em());
  });
});

describe.skipIf(!canStartRedis)('leaderboards when Redis fails', () => {
  async function mirroredBoard() {
    const { now, scope } = freshWeek();
    const users = await boardWithTies(12, scope);
    const server = await startRedisServer();
    const handle = connectRedis(server.url, () => undefined);
    await waitUntilReady(handle.client);
    const own = createRedisStandingsMirror(handle.client);
    await rebuildStandingsMirror(db.em(), own, 'xp_weekly', scope);
    const query: LeaderboardQuery = { board: 'xp_weekly', scope, userId: users[5] ?? 0 };
    expect(await getLeaderboard(db.em(), query, own)).toEqual(await getLeaderboard(db.em(), query));
    // From here the table moves on: only a read that really reaches PostgreSQL sees the change.
    await setStandings(db.em(), 'xp_weekly', scope, [
      { userId: users[5] ?? 0, score: 1_000, reachedAt: now },
    ]);
    return { now, users, server, handle, own, query };
  }

  it('answers from PostgreSQL, in bounded time, once Redis is stopped mid-test', async () => {
    const { now, users, server, handle, own, query } = await mirroredBoard();
    try {
      await server.stop();
      const { value, ms } = await timed(() => getLeaderboard(db.em(), query, own));
      expect(ms).toBeLessThan(2_000);
      expect(value).toEqual(await getLeaderboard(db.em(), query));
      expect(value.me).toEqual({ rank: 1, score: 1_000 });
      const write = await timed(() => mirrorStandingsOf(db.em(), own, users[5] ?? 0, now));
      expect(write).toMatchObject({ value: false });
      expect(write.ms).toBeLessThan(2_000);
    } finally {
      await handle.close();
      await server.stop();
    }
  });

  it('answers from PostgreSQL, in bounded time, when Redis hangs after connecting', async () => {
    const { server, handle, own, query } = await mirroredBoard();
    try {
      server.process.kill('SIGSTOP');
      const { value, ms } = await timed(() => getLeaderboard(db.em(), query, own));
      expect(ms).toBeLessThan(2_000);
      expect(value).toEqual(await getLeaderboard(db.em(), query));
      expect(value.me?.score).toBe(1_000);
    } finally {
      server.process.kill('SIGCONT');
      await handle.close();
      await server.stop();
    }
  });
});

describe('leaderboards when Redis never answers', () => {
  it('answers from PostgreSQL in bounded time when the server accepts and stays silent', async () => {
    const { now, scope } = freshWeek();
    const users = await boardWithTies(5, scope);
    const hung = await startHungServer();
    const handle = connectRedis(hung.url, () => undefined);
    try {
      const silent = createRedisStandingsMirror(handle.client);
      const query: LeaderboardQuery = { board: 'xp_weekly', scope, userId: users[2] ?? 0 };
      const { value, ms } = await timed(() => getLeaderboard(db.em(), query, silent));
      expect(ms).toBeLessThan(2_000);
      expect(value).toEqual(await getLeaderboard(db.em(), query));
      expect(value.me).not.toBeNull();
      const write = await timed(() => mirrorStandingsOf(db.em(), silent, users[2] ?? 0, now));
      expect(write.value).toBe(false);
      expect(write.ms).toBeLessThan(2_000);
    } finally {
      await handle.close();
      await hung.close();
    }
  });
});
