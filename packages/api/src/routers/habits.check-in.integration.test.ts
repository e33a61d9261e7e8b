import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { expectLedgerBalanced } from '@questline/domain/game/server/testing/ledger-invariant';
import { countRows, habitXpOf, newKey } from '@questline/domain/habits/server/testing/habit-fixtures';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import type { StatsCache } from '@questline/domain/social/server/stats-cache';
import { afterEach, describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { useRedisStatsCache } from '../testing/redis.ts';

const db = useTestDatabase();
const now = new Date('2026-03-20T12:00:00Z');
const later = new Date('2026-03-20T12:05:00Z');
const today = '2026-03-20';

const redisStats = await useRedisStatsCache();
if (!redisStats.cache) console.warn(`[skip] stats cache drop test: ${redisStats.reason}`);

async function learnerWithHabit(statsCache?: StatsCache) {
  const ports = statsCache ? { statsCache } : undefined;
  const learner = await signedUpLearner(db, {}, { now: () => now, ...(ports ? { ports } : {}) });
  const habit = await learner.caller.habits.create({ name: 'Read' });
  /** A further request by the same learner, on its own EntityManager, at `at`. */
  const request = (at = now) => callerFor(db, learner.token, { now: () => at, ...(ports ? { ports } : {}) });
  return { ...learner, habitId: habit.id, request };
}

const domainCodeOf = (error: { cause?: unknown }) =>
  error.cause instanceof DomainError ? error.cause.code : undefined;

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('habits.checkIn and habits.undoCheckIn', () => {
  it('grants 5 XP when the day is met, and the undo reverses exactly that', async () => {
    const { caller, habitId, account, request } = await learnerWithHabit();
    // Each read on a fresh request, as in production: a caller's EntityManager caches entities.
    const xpNow = async () => (await (await request()).game.summary()).xp;
    const checkedIn = await caller.habits.checkIn({ habitId, date: today, idempotencyKey: newKey() });
    expect(checkedIn).toMatchObject({
      habitId,
      date: today,
      value: 1,
      met: true,
      streak: { current: 1, longest: 1 },
      xp: { change: 5, total: 5 },
    });
    expect(await xpNow()).toBe(5);

    const undone = await caller.habits.undoCheckIn({ habitId, date: today, idempotencyKey: newKey() });
    expect(undone).toMatchObject({
      value: null,
      met: false,
      streak: { current: 0 },
      xp: { change: -5, total: 0 },
    });
    expect(await xpNow()).toBe(0);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ?', [account.id])).toBe(2);
  });

  it('answers a repeated key with the first result and grants once', async () => {
    const { habitId, account, request } = await learnerWithHabit();
    const input = { habitId, date: today, value: 1, notes: 'ten pages', idempotencyKey: newKey() };
    const first = await (await request()).habits.checkIn(input);
    const repeat = await (await request(later)).habits.checkIn(input);
    expect(repeat).toEqual(first);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ?', [account.id])).toBe(1);

    const undo = { habitId, date: today, idempotencyKey: newKey() };
    const undone = await (await request()).habits.undoCheckIn(undo);
    expect(await (await request(later)).habits.undoCheckIn(undo)).toEqual(undone);
    expect(await habitXpOf(db.em(), habitId)).toBe(0);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ?', [account.id])).toBe(2);
  });

  it('grants once for 20 identical check-ins at once', async () => {
    const { habitId, account, request } = await learnerWithHabit();
    const input = { habitId, date: today, idempotencyKey: newKey() };
    const callers = await Promise.all(Array.from({ length: 20 }, () => request()));
    const results = await Promise.all(callers.map((caller) => caller.habits.checkIn(input)));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]?.xp.change).toBe(5);
    expect(await countRows(db.em(), 'habit_completions', 'habit_id = ?', [habitId])).toBe(1);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ?', [account.id])).toBe(1);
  });

  it('refuses a key reused for another request, and an undo of a day without a check-in', async () => {
    const { caller, habitId, account } = await learnerWithHabit();
    const idempotencyKey = newKey();
    await caller.habits.checkIn({ habitId, date: today, idempotencyKey });
    const reused = await trpcErrorOf(
      caller.habits.checkIn({ habitId, date: today, value: 3, idempotencyKey }),
    );
    expect([reused.code, domainCodeOf(reused)]).toEqual(['CONFLICT', 'IDEMPOTENCY_KEY_REUSED']);

    const missing = await trpcErrorOf(
      caller.habits.undoCheckIn({ habitId, date: '2026-03-19', idempotencyKey: newKey() }),
    );
    expect([missing.code, domainCodeOf(missing)]).toEqual(['NOT_FOUND', 'CHECK_IN_NOT_FOUND']);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ?', [account.id])).toBe(1);
    expect((await caller.habits.dashboard()).habits[0]?.today.value).toBe(1);
  });

  it.skipIf(!redisStats.cache)(
    'drops the learner’s cached profile stats in Redis after a check-in and after an undo',
    async () => {
      const statsCache = redisStats.cache as StatsCache;
      const { caller, habitId, account } = await learnerWithHabit(statsCache);
      const stale = { xp: 0, level: 1, streak: 0, longestStreak: 0, lessonsCompleted: 0, quizzesTaken: 0 };
      const fill = () =>
        statsCache.set(account.id, { ...stale, accuracy: null, achievements: 0, badges: 0 }, 60);

      await fill();
      // The filled entry reads back: its later absence is the drop, not an unreadable value.
      expect(await statsCache.get(account.id)).not.toBeNull();
      await caller.habits.checkIn({ habitId, date: today, idempotencyKey: newKey() });
      expect(await statsCache.get(account.id)).toBeNull();
      await fill();
      expect(await statsCache.get(account.id)).not.toBeNull();
      await caller.habits.undoCheckIn({ habitId, date: today, idempotencyKey: newKey() });
      expect(await statsCache.get(account.id)).toBeNull();
    },
  );
});
