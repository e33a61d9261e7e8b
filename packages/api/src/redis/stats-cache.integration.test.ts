import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { expectLedgerBalanced } from '@questline/domain/game/server/testing/ledger-invariant';
import { createAccount } from '@questline/domain/identity/server/sign-up';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import { submitQuiz } from '@questline/domain/quiz/server/submit-quiz';
import {
  answersWith,
  bankQuestions,
  newIdempotencyKey,
  type BankQuestion,
} from '@questline/domain/quiz/server/testing/quiz-factory';
import {
  computeProfileStats,
  getProfileStats,
  invalidateProfileStats,
} from '@questline/domain/social/server/profile-stats';
import type { StatsCache } from '@questline/domain/social/server/stats-cache';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../redis.ts';
import {
  connectTestRedis,
  dropTestRedis,
  findTestRedis,
  hasRedisServerBinary,
  startHungServer,
  startRedisServer,
  waitUntilReady,
} from '../testing/redis.ts';
import { createRedisStatsCache } from './stats-cache.ts';

const db = useTestDatabase();
const lookup = await findTestRedis();
const canStartRedis = hasRedisServerBinary();
if (!lookup.redis) console.warn(`[skip] Redis-backed profile stats tests: ${lookup.reason}`);
if (!canStartRedis)
  console.warn('[skip] stopped and hung Redis tests: no redis-server binary to start and stop');

const now = new Date('2026-03-04T21:30:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
let client: Redis | undefined;
let cache: StatsCache;
let questions: BankQuestion[] = [];

beforeAll(async () => {
  await seedQuestionBank(db.em());
  await seedGameContent(db.em());
  questions = await bankQuestions(db.em(), 'a1101', 20);
  if (!lookup.redis) return;
  client = await connectTestRedis(lookup.redis.url);
  cache = createRedisStatsCache(client);
});
afterAll(async () => {
  if (client) await dropTestRedis(client);
  await lookup.redis?.stop();
});

const newLearner = async () => (await createAccount(db.em(), uniqueSignUpInput(), now)).id;
const takeQuiz = (userId: number, correct: number, effects: { statsCache?: StatsCache } = {}) =>
  submitQuiz(
    db.em(),
    {
      userId,
      examType: 'a1101',
      answers: answersWith(questions.slice(0, 10), correct),
      idempotencyKey: newIdempotencyKey(),
      now: minutes(1),
    },
    effects,
  );
const tableCopies = async (userId: number) =>
  (
    await db
      .em()
      .execute<{ n: number }[]>('select count(*)::int as n from user_stats_cache where user_id = ?', [userId])
  )[0]?.n;
const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

describe.skipIf(!lookup.redis)('profile stats cached in Redis', () => {
  it('stores them at stats:<userId> for five minutes and serves them from there', async () => {
    const userId = await newLearner();
    await takeQuiz(userId, 8);
    const first = await getProfileStats(db.em(), cache, userId, minutes(2));
    expect(first).toEqual(await computeProfileStats(db.em(), userId, minutes(2)));
    expect(JSON.parse((await client?.get(`stats:${userId}`)) ?? 'null')).toEqual(first);
    const ttl = (await client?.ttl(`stats:${userId}`)) ?? 0;
    expect(ttl).toBeGreaterThan(290);
    expect(ttl).toBeLessThanOrEqual(300);
    // Served from Redis: a change nobody invalidated is not seen, and the table is not used.
    await db.em().execute('update user_profiles set total_lessons_completed = 9 where user_id = ?', [userId]);
    expect(await getProfileStats(db.em(), cache, userId, minutes(3))).toEqual(first);
    expect(await tableCopies(userId)).toBe(0);
  });

  it('is invalidated in Redis and in the table when a quiz changes the XP', async () => {
    const userId = await newLearner();
    expect(await getProfileStats(db.em(), cache, userId, now)).toMatchObject({ xp: 0, quizzesTaken: 0 });
    await takeQuiz(userId, 10, { statsCache: cache });
    const after = await getProfileStats(db.em(), cache, userId, minutes(2));
    expect(after).toMatchObject({ quizzesTaken: 1, accuracy: 100 });
    expect(after).toEqual(await computeProfileStats(db.em(), userId, minutes(2)));
    await expectLedgerBalanced(db.em());
  });

  it('drops both copies on invalidateProfileStats', async () => {
    const userId = await newLearner();
    await getProfileStats(db.em(), cache, userId, now);
    await getProfileStats(db.em(), null, userId, now);
    await invalidateProfileStats(db.em(), cache, userId);
    expect(await client?.exists(`stats:${userId}`)).toBe(0);
    expect(await tableCopies(userId)).toBe(0);
  });
});

describe.skipIf(!canStartRedis)('profile stats when Redis fails', () => {
  async function cachedLearner() {
    const server = await startRedisServer();
    const handle = connectRedis(server.url, () => undefined);
    await waitUntilReady(handle.client);
    const own = createRedisStatsCache(handle.client);
    const userId = await newLearner();
    await takeQuiz(userId, 6);
    await getProfileStats(db.em(), own, userId, minutes(2));
    expect(await handle.client.exists(`stats:${userId}`)).toBe(1);
    // The XP moves on and Redis cannot be told: only a read that reaches PostgreSQL is right.
    await takeQuiz(userId, 10);
    return { server, handle, own, userId, expected: await computeProfileStats(db.em(), userId, minutes(3)) };
  }

  it('answers from PostgreSQL, in bounded time, once Redis is stopped mid-test', async () => {
    const { server, handle, own, userId, expected } = await cachedLearner();
    try {
      await server.stop();
      const { value, ms } = await timed(() => getProfileStats(db.em(), own, userId, minutes(3)));
      expect(ms).toBeLessThan(2_000);
      expect(value).toEqual(expected);
      expect(value.quizzesTaken).toBe(2);
      // The table keeps the copy while Redis is away, and invalidation still reaches it.
      expect(await tableCopies(userId)).toBe(1);
      await invalidateProfileStats(db.em(), own, userId);
      expect(await tableCopies(userId)).toBe(0);
    } finally {
      await handle.close();
      await server.stop();
    }
  });

  it('answers from PostgreSQL, in bounded time, when Redis hangs after connecting', async () => {
    const { server, handle, own, userId, expected } = await cachedLearner();
    try {
      server.process.kill('SIGSTOP');
      const { value, ms } = await timed(() => getProfileStats(db.em(), own, userId, minutes(3)));
      expect(ms).toBeLessThan(2_000);
      expect(value).toEqual(expected);
    } finally {
      server.process.kill('SIGCONT');
      await handle.close();
      await server.stop();
    }
  });
});

describe('profile stats when Redis never answers', () => {
  it('answers from PostgreSQL in bounded time when the server accepts and stays silent', async () => {
    const hung = await startHungServer();
    const handle = connectRedis(hung.url, () => undefined);
    try {
      const silent = createRedisStatsCache(handle.client);
      const userId = await newLearner();
      await takeQuiz(userId, 4);
      const { value, ms } = await timed(() => getProfileStats(db.em(), silent, userId, minutes(2)));
      expect(ms).toBeLessThan(2_000);
      expect(value).toEqual(await computeProfileStats(db.em(), userId, minutes(2)));
      expect(await tableCopies(userId)).toBe(1);
      const again = await timed(() => getProfileStats(db.em(), silent, userId, minutes(3)));
      expect(again.value).toEqual(value);
      expect(again.ms).toBeLessThan(2_000);
    } finally {
      await handle.close();
      await hung.close();
    }
  });
});
