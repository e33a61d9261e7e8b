import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import type { CreateHabitInput } from '../universal/habit-inputs.ts';
import { checkInHabit } from './check-in-habit.ts';
import {
  countRows,
  createLearner,
  expectDomainError,
  expectHabitConsistent,
  habitXpOf,
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

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('checkInHabit', () => {
  it('checks today in: one completion, 5 XP under the day’s ledger key, a streak of one', async () => {
    const { userId, habitId, rule } = await withHabit();
    const result = await checkInHabit(db.em(), {
      userId,
      habitId,
      date: today,
      notes: 'ch. 3',
      idempotencyKey: newKey(),
      now,
    });

    expect(result).toMatchObject({
      habitId,
      date: today,
      value: 1,
      notes: 'ch. 3',
      met: true,
      streak: { current: 1, longest: 1, atRisk: false, lastMetDate: today },
      xp: { change: 5, total: 5, level: 1 },
    });
    expect(result.strength.score).toBeGreaterThan(0);
    expect(await ledgerOf(db.em(), userId)).toMatchObject([
      { amount: 5, idempotency_key: `habit:${habitId}:${today}` },
    ]);
    await expectHabitConsistent(db.em(), habitId, rule);
  });

  it('updates the day on a second check-in, keeps notes unless given, and grants nothing more', async () => {
    const { userId, habitId, rule } = await withHabit({ targetValue: 3 });
    await checkInHabit(db.em(), {
      userId,
      habitId,
      date: today,
      value: 3,
      notes: 'morning',
      idempotencyKey: newKey(),
      now,
    });
    const second = await checkInHabit(db.em(), {
      userId,
      habitId,
      date: today,
      value: 5,
      idempotencyKey: newKey(),
      now,
    });

    expect(second).toMatchObject({ value: 5, notes: 'morning', met: true, xp: { change: 0, total: 5 } });
    expect(await countRows(db.em(), 'habit_completions', 'habit_id = ?', [habitId])).toBe(1);
    await expectHabitConsistent(db.em(), habitId, rule);
  });

  it('takes the day’s XP back when a lower value no longer meets the target, and grants it again after', async () => {
    const { userId, habitId, rule } = await withHabit({ targetValue: 3 });
    const changes = [];
    for (const value of [3, 1, 4, 0]) {
      changes.push(
        (await checkInHabit(db.em(), { userId, habitId, date: today, value, idempotencyKey: newKey(), now }))
          .xp.change,
      );
      await expectHabitConsistent(db.em(), habitId, rule);
    }
    expect(changes).toEqual([5, -5, 5, -5]);
    expect(await habitXpOf(db.em(), habitId)).toBe(0);
  });

  it('refuses a day ahead of the learner’s local today, in their time zone', async () => {
    // At noon UTC it is already the 21st in Kiritimati (UTC+14) and still the 20th in UTC.
    const east = await withHabit({}, 'Pacific/Kiritimati');
    await checkInHabit(db.em(), { ...east, date: '2026-03-21', idempotencyKey: newKey(), now });
    const utc = await withHabit();
    const error = await expectDomainError(
      checkInHabit(db.em(), { ...utc, date: '2026-03-21', idempotencyKey: newKey(), now }),
      'CHECK_IN_DATE_AHEAD',
    );
    expect(error.details.path).toEqual(['date']);
    // At 05:00 UTC it is still the 19th in Pago Pago (UTC−11).
    const west = await withHabit({}, 'Pacific/Pago_Pago');
    await expectDomainError(
      checkInHabit(db.em(), {
        ...west,
        date: today,
        idempotencyKey: newKey(),
        now: new Date('2026-03-20T05:00:00Z'),
      }),
      'CHECK_IN_DATE_AHEAD',
    );
  });

  it('refuses a day before the habit existed, so a new habit cannot backfill XP', async () => {
    const { userId, habitId } = await withHabit();
    await checkInHabit(db.em(), { userId, habitId, date: '2026-03-01', idempotencyKey: newKey(), now });
    await expectDomainError(
      checkInHabit(db.em(), { userId, habitId, date: '2026-02-28', idempotencyKey: newKey(), now }),
      'CHECK_IN_BEFORE_HABIT',
    );
  });

  it('answers another learner’s habit with NOT_FOUND and changes nothing', async () => {
    const { habitId } = await withHabit();
    const intruder = await createLearner(db.em(), created);
    await expectDomainError(
      checkInHabit(db.em(), { userId: intruder, habitId, date: today, idempotencyKey: newKey(), now }),
      'HABIT_NOT_FOUND',
    );
    await expectDomainError(
      undoHabitCheckIn(db.em(), { userId: intruder, habitId, date: today, idempotencyKey: newKey(), now }),
      'HABIT_NOT_FOUND',
    );
    expect(await countRows(db.em(), 'habit_completions', 'habit_id = ?', [habitId])).toBe(0);
    expect(await countRows(db.em(), 'idempotency_records', 'user_id = ?', [intruder])).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an impossible date', { date: '2026-02-30' }, 'date'],
    ['a negative value', { value: -1 }, 'value'],
    ['a fractional value', { value: 0.5 }, 'value'],
    ['notes past 1,000 characters', { notes: 'x'.repeat(1001) }, 'notes'],
    ['a malformed idempotency key', { idempotencyKey: 'no' }, 'idempotencyKey'],
  ])('refuses %s with its field path and changes nothing', async (_, override, field) => {
    const { userId, habitId } = await withHabit();
    const error = await expectDomainError(
      checkInHabit(db.em(), { userId, habitId, date: today, idempotencyKey: newKey(), now, ...override }),
      'BAD_INPUT',
    );
    expect(error.details.path).toEqual([field]);
    expect(await countRows(db.em(), 'habit_completions', 'habit_id = ?', [habitId])).toBe(0);
    expect(await countRows(db.em(), 'xp_events', 'user_id = ?', [userId])).toBe(0);
    expect(await countRows(db.em(), 'idempotency_records', 'user_id = ?', [userId])).toBe(0);
  });
});
