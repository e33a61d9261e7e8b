import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { addDays } from '../../game/universal/local-day.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { CreateHabitInput } from '../universal/habit-inputs.ts';
import { checkInHabit } from './check-in-habit.ts';
import {
  expectDomainError,
  expectHabitConsistent,
  learnerWithHabit,
  ledgerOf,
  newKey,
} from './testing/habit-fixtures.ts';
import { undoHabitCheckIn } from './undo-check-in.ts';

const db = useTestDatabase();
const created = new Date('2026-03-01T09:00:00Z');
// Friday 2026-03-20, noon UTC.
const now = new Date('2026-03-20T12:00:00Z');
const today = '2026-03-20';

const withHabit = (habit: Partial<CreateHabitInput> = {}, timeZone = 'UTC') =>
  learnerWithHabit(() => db.em(), created, habit, timeZone);

const ignoreMissingCheckIn = (error: unknown) => {
  if (!(error instanceof DomainError && error.code === 'CHECK_IN_NOT_FOUND')) throw error;
};

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('undoHabitCheckIn', () => {
  it('check → undo → check → undo nets exactly 0 XP, each undo reversing exactly its own grant', async () => {
    const { userId, habitId, rule } = await withHabit();
    for (let round = 0; round < 2; round += 1) {
      await checkInHabit(db.em(), { userId, habitId, date: today, idempotencyKey: newKey(), now });
      await expectHabitConsistent(db.em(), habitId, rule);
      const undone = await undoHabitCheckIn(db.em(), {
        userId,
        habitId,
        date: today,
        idempotencyKey: newKey(),
        now,
      });
      expect(undone).toMatchObject({
        value: null,
        met: false,
        streak: { current: 0, longest: 0 },
        xp: { change: -5, total: 0 },
      });
      await expectHabitConsistent(db.em(), habitId, rule);
    }
    const ledger = await ledgerOf(db.em(), userId);
    const key = `habit:${habitId}:${today}`;
    expect(ledger.map((e) => [e.amount, e.idempotency_key])).toEqual([
      [5, key],
      [-5, `${key}:undo`],
      [5, `${key}:1`],
      [-5, `${key}:1:undo`],
    ]);
    expect(ledger[1]?.reverses_event_id).toBe(ledger[0]?.id);
    expect(ledger[3]?.reverses_event_id).toBe(ledger[2]?.id);
    const [profile] = await db
      .em()
      .execute<{ xp: number }[]>('select xp from user_profiles where user_id = ?', [userId]);
    expect(profile?.xp).toBe(0);
  });

  it('replays a retried undo, and an undo under a new key finds nothing and reverses nothing', async () => {
    const { userId, habitId } = await withHabit();
    await checkInHabit(db.em(), { userId, habitId, date: today, idempotencyKey: newKey(), now });
    const key = newKey();
    const first = await undoHabitCheckIn(db.em(), { userId, habitId, date: today, idempotencyKey: key, now });
    const retry = await undoHabitCheckIn(db.em(), { userId, habitId, date: today, idempotencyKey: key, now });
    expect(retry).toEqual(first);
    await expectDomainError(
      undoHabitCheckIn(db.em(), { userId, habitId, date: today, idempotencyKey: newKey(), now }),
      'CHECK_IN_NOT_FOUND',
    );
    expect((await ledgerOf(db.em(), userId)).map((e) => e.amount)).toEqual([5, -5]);
  });

  it('keeps the stored streak equal to a recomputation through any check-ins and undos, past days included', async () => {
    const operation = fc.record({
      undo: fc.boolean(),
      daysAgo: fc.integer({ min: 0, max: 19 }),
      value: fc.integer({ min: 0, max: 3 }),
    });
    const habit = fc.constantFrom<Partial<CreateHabitInput>>(
      { goalType: 'daily', targetValue: 2 },
      { goalType: 'weekly', targetValue: 2 },
      { goalType: 'custom', targetValue: 1, scheduleMask: 0b0010101 },
    );
    await fc.assert(
      fc.asyncProperty(
        habit,
        fc.array(operation, { minLength: 10, maxLength: 25 }),
        async (shape, operations) => {
          const { userId, habitId, rule } = await withHabit(shape);
          for (const { undo, daysAgo, value } of operations) {
            const date = addDays(today, -daysAgo);
            const command = { userId, habitId, date, idempotencyKey: newKey(), now };
            if (undo) await undoHabitCheckIn(db.em(), command).catch(ignoreMissingCheckIn);
            else await checkInHabit(db.em(), { ...command, value });
            await expectHabitConsistent(db.em(), habitId, rule);
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
