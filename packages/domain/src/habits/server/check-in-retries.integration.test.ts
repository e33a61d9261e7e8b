import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { HabitRule } from '../universal/habit-periods.ts';
import { archiveHabit } from './archive-habit.ts';
import { checkInHabit } from './check-in-habit.ts';
import { createHabit } from './create-habit.ts';
import {
  countRows,
  createLearner,
  expectDomainError,
  expectHabitConsistent,
  habitXpOf,
  newKey,
} from './testing/habit-fixtures.ts';
import { undoHabitCheckIn } from './undo-check-in.ts';

const db = useTestDatabase();
const created = new Date('2026-03-01T09:00:00Z');
const now = new Date('2026-03-20T12:00:00Z');
const today = '2026-03-20';
const daily: HabitRule = { goalType: 'daily', targetValue: 1, scheduleMask: null };

async function learnerWithHabit() {
  const userId = await createLearner(db.em(), created);
  const habit = await createHabit(db.em(), { userId, now: created, name: 'Stretch' });
  return { userId, habitId: habit.id };
}

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('retried check-ins', () => {
  it('replays a retry under the same key with the first result, changing nothing', async () => {
    const { userId, habitId } = await learnerWithHabit();
    const command = { userId, habitId, date: today, value: 1, idempotencyKey: newKey(), now };
    const first = await checkInHabit(db.em(), command);
    const retry = await checkInHabit(db.em(), { ...command, now: new Date(now.getTime() + 60_000) });
    expect(retry).toEqual(first);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ?', [userId])).toBe(1);
  });

  it('refuses the same key for a different check-in', async () => {
    const { userId, habitId } = await learnerWithHabit();
    const idempotencyKey = newKey();
    await checkInHabit(db.em(), { userId, habitId, date: today, idempotencyKey, now });
    await expectDomainError(
      checkInHabit(db.em(), { userId, habitId, date: '2026-03-19', idempotencyKey, now }),
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(await countRows(db.em(), 'habit_completions', 'habit_id = ?', [habitId])).toBe(1);
  });

  it('grants once for 20 identical check-ins at once: one completion row, one ledger entry', async () => {
    const { userId, habitId } = await learnerWithHabit();
    const command = { userId, habitId, date: today, idempotencyKey: newKey(), now };
    const results = await Promise.all(Array.from({ length: 20 }, () => checkInHabit(db.em(), command)));

    for (const result of results) expect(result).toEqual(results[0]);
    expect(await countRows(db.em(), 'habit_completions', 'habit_id = ?', [habitId])).toBe(1);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ?', [userId])).toBe(1);
    await expectHabitConsistent(db.em(), habitId, daily);
  });

  it('grants once for 20 check-ins of the same day under different keys at once', async () => {
    const { userId, habitId } = await learnerWithHabit();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        checkInHabit(db.em(), { userId, habitId, date: today, idempotencyKey: newKey(), now }),
      ),
    );
    expect(results.map((result) => result.xp.change).sort()).toEqual([...Array(19).fill(0), 5]);
    expect(await countRows(db.em(), 'habit_completions', 'habit_id = ?', [habitId])).toBe(1);
    await expectHabitConsistent(db.em(), habitId, daily);
  });

  it('stays consistent under 20 concurrent check-ins and undos across past days', async () => {
    const { userId, habitId } = await learnerWithHabit();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => {
        const command = {
          userId,
          habitId,
          date: `2026-03-${String(10 + (index % 5)).padStart(2, '0')}`,
          idempotencyKey: newKey(),
          now,
        };
        return index % 3 === 2
          ? undoHabitCheckIn(db.em(), command).catch((error: unknown) => {
              if (!(error instanceof DomainError && error.code === 'CHECK_IN_NOT_FOUND')) throw error;
            })
          : checkInHabit(db.em(), command);
      }),
    );
    await expectHabitConsistent(db.em(), habitId, daily);
  });

  it('takes 20 concurrent undos of one day back exactly once', async () => {
    const { userId, habitId } = await learnerWithHabit();
    await checkInHabit(db.em(), { userId, habitId, date: today, idempotencyKey: newKey(), now });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        undoHabitCheckIn(db.em(), { userId, habitId, date: today, idempotencyKey: newKey(), now }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await habitXpOf(db.em(), habitId)).toBe(0);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ? and amount < 0', [userId])).toBe(1);
  });
});

describe('archived habits', () => {
  it('take no check-ins or undos until restored', async () => {
    const { userId, habitId } = await learnerWithHabit();
    await checkInHabit(db.em(), { userId, habitId, date: '2026-03-19', idempotencyKey: newKey(), now });
    await archiveHabit(db.em(), { userId, habitId, now });
    await expectDomainError(
      checkInHabit(db.em(), { userId, habitId, date: today, idempotencyKey: newKey(), now }),
      'HABIT_ARCHIVED',
    );
    await expectDomainError(
      undoHabitCheckIn(db.em(), { userId, habitId, date: '2026-03-19', idempotencyKey: newKey(), now }),
      'HABIT_ARCHIVED',
    );
    await archiveHabit(db.em(), { userId, habitId, archived: false, now });
    const result = await checkInHabit(db.em(), {
      userId,
      habitId,
      date: today,
      idempotencyKey: newKey(),
      now,
    });
    expect(result.streak.current).toBe(2);
  });
});
