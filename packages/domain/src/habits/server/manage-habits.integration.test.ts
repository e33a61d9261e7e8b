import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { archiveHabit } from './archive-habit.ts';
import { checkInHabit } from './check-in-habit.ts';
import { createHabit } from './create-habit.ts';
import {
  countRows,
  createLearner,
  expectDomainError,
  expectHabitConsistent,
  newKey,
} from './testing/habit-fixtures.ts';
import { updateHabit } from './update-habit.ts';

const db = useTestDatabase();
const created = new Date('2026-03-01T09:00:00Z');
const now = new Date('2026-03-20T12:00:00Z');

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('createHabit', () => {
  it('creates the habit with an empty streak row', async () => {
    const userId = await createLearner(db.em(), created);
    const habit = await createHabit(db.em(), {
      userId,
      now: created,
      name: '  Read  ',
      category: 'Learning',
      goalType: 'custom',
      targetValue: 20,
      scheduleMask: 0b0011111,
    });
    expect(habit).toEqual({
      id: expect.any(Number),
      name: 'Read',
      description: null,
      category: 'Learning',
      goalType: 'custom',
      targetValue: 20,
      scheduleMask: 0b0011111,
      archivedAt: null,
      createdAt: created,
    });
    expect(await countRows(db.em(), 'habit_streaks', 'habit_id = ? and current_streak = 0', [habit.id])).toBe(
      1,
    );
  });

  it.each([
    [{ goalType: 'custom' as const }, 'scheduleMask'],
    [{ goalType: 'daily' as const, scheduleMask: 1 }, 'scheduleMask'],
    [{ goalType: 'weekly' as const, targetValue: 9 }, 'targetValue'],
    [{ name: '' }, 'name'],
  ])('refuses %o and creates nothing', async (input, field) => {
    const userId = await createLearner(db.em(), created);
    const error = await expectDomainError(
      createHabit(db.em(), { userId, now, name: 'Run', ...input }),
      'BAD_INPUT',
    );
    expect(error.details.path).toEqual([field]);
    expect(await countRows(db.em(), 'habits', 'user_id = ?', [userId])).toBe(0);
  });
});

describe('updateHabit', () => {
  it('recomputes the stored streak when the rule changes', async () => {
    const userId = await createLearner(db.em(), created);
    const { id: habitId } = await createHabit(db.em(), {
      userId,
      now: created,
      name: 'Water',
      targetValue: 2,
    });
    for (const [date, value] of [
      ['2026-03-18', 2],
      ['2026-03-19', 1],
      ['2026-03-20', 2],
    ] as const) {
      await checkInHabit(db.em(), { userId, habitId, date, value, idempotencyKey: newKey(), now });
    }
    const updated = await updateHabit(db.em(), { userId, habitId, targetValue: 1, description: 'glasses' });
    expect(updated).toMatchObject({ targetValue: 1, description: 'glasses', name: 'Water' });
    // XP settled under the old target stays: only the streak follows the new rule.
    await expectHabitConsistent(
      db.em(),
      habitId,
      { goalType: 'daily', targetValue: 1, scheduleMask: null },
      { checkXp: false },
    );
    const [row] = await db
      .em()
      .execute<{ current_streak: number }[]>('select current_streak from habit_streaks where habit_id = ?', [
        habitId,
      ]);
    expect(row?.current_streak).toBe(3);
  });

  it('drops the schedule when leaving the custom goal type, and asks for one when entering it', async () => {
    const userId = await createLearner(db.em(), created);
    const habit = await createHabit(db.em(), {
      userId,
      now,
      name: 'Gym',
      goalType: 'custom',
      scheduleMask: 5,
    });
    expect(
      await updateHabit(db.em(), { userId, habitId: habit.id, goalType: 'weekly', targetValue: 2 }),
    ).toMatchObject({
      goalType: 'weekly',
      scheduleMask: null,
    });
    const error = await expectDomainError(
      updateHabit(db.em(), { userId, habitId: habit.id, goalType: 'custom' }),
      'HABIT_RULE_INVALID',
    );
    expect(error.details.path).toEqual(['scheduleMask']);
  });

  it('answers another learner with NOT_FOUND and changes nothing', async () => {
    const owner = await createLearner(db.em(), created);
    const habit = await createHabit(db.em(), { userId: owner, now, name: 'Gym' });
    const intruder = await createLearner(db.em(), created);
    await expectDomainError(
      updateHabit(db.em(), { userId: intruder, habitId: habit.id, name: 'Mine' }),
      'HABIT_NOT_FOUND',
    );
    await expectDomainError(
      archiveHabit(db.em(), { userId: intruder, habitId: habit.id, now }),
      'HABIT_NOT_FOUND',
    );
    expect(
      await countRows(db.em(), 'habits', `id = ? and name = 'Gym' and archived_at is null`, [habit.id]),
    ).toBe(1);
  });
});

describe('archiveHabit', () => {
  it('archives and restores, and repeating either changes nothing', async () => {
    const userId = await createLearner(db.em(), created);
    const habit = await createHabit(db.em(), { userId, now: created, name: 'Gym' });
    const archived = await archiveHabit(db.em(), { userId, habitId: habit.id, now });
    expect(archived.archivedAt).toEqual(now);
    const again = await archiveHabit(db.em(), {
      userId,
      habitId: habit.id,
      now: new Date(now.getTime() + 1000),
    });
    expect(again.archivedAt).toEqual(now);
    expect(
      (await archiveHabit(db.em(), { userId, habitId: habit.id, archived: false, now })).archivedAt,
    ).toBeNull();
    await expectDomainError(updateHabit(db.em(), { userId, habitId: habit.id, name: '' }), 'BAD_INPUT');
  });
});
