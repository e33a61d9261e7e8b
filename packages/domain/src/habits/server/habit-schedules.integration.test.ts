import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import type { CreateHabitInput } from '../universal/habit-inputs.ts';
import type { HabitRule } from '../universal/habit-periods.ts';
import { checkInHabit } from './check-in-habit.ts';
import { createHabit } from './create-habit.ts';
import { createLearner, expectHabitConsistent, newKey } from './testing/habit-fixtures.ts';
import { undoHabitCheckIn } from './undo-check-in.ts';

const db = useTestDatabase();
const created = new Date('2026-03-01T09:00:00Z');

async function learnerWithHabit(habit: Partial<CreateHabitInput>) {
  const userId = await createLearner(db.em(), created);
  const dto = await createHabit(db.em(), { userId, now: created, name: 'Run', ...habit });
  const rule: HabitRule = {
    goalType: dto.goalType,
    targetValue: dto.targetValue,
    scheduleMask: dto.scheduleMask,
  };
  return { userId, habitId: dto.id, rule };
}

/** Checks `date` in at noon UTC of `on` (the learner's today). */
const checkIn = (learner: { userId: number; habitId: number }, date: string, on = date) =>
  checkInHabit(db.em(), { ...learner, date, idempotencyKey: newKey(), now: new Date(`${on}T12:00:00Z`) });

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

// 2026-03-02, 03-09 and 03-16 are Mondays.
describe('a weekly habit (3 days a week)', () => {
  it('counts ISO weeks with enough completed days; the unfinished week does not break the streak', async () => {
    const learner = await learnerWithHabit({ goalType: 'weekly', targetValue: 3 });
    for (const date of ['2026-03-02', '2026-03-04', '2026-03-06']) await checkIn(learner, date);
    const midWeek = await checkIn(learner, '2026-03-10');
    expect(midWeek).toMatchObject({
      met: true,
      xp: { change: 5 },
      streak: { current: 1, longest: 1, atRisk: true },
    });

    await checkIn(learner, '2026-03-11');
    const third = await checkIn(learner, '2026-03-13');
    expect(third.streak).toMatchObject({ current: 2, longest: 2, atRisk: false, lastMetDate: '2026-03-13' });
    await expectHabitConsistent(db.em(), learner.habitId, learner.rule);

    // Taking one day out of the first week breaks the run in the past.
    const undo = await undoHabitCheckIn(db.em(), {
      ...learner,
      date: '2026-03-04',
      idempotencyKey: newKey(),
      now: new Date('2026-03-13T12:00:00Z'),
    });
    expect(undo.streak).toMatchObject({ current: 1, longest: 1 });
    await expectHabitConsistent(db.em(), learner.habitId, learner.rule);
  });

  it('lets a streak lapse after a whole week short of the target', async () => {
    const learner = await learnerWithHabit({ goalType: 'weekly', targetValue: 1 });
    await checkIn(learner, '2026-03-02');
    const later = await checkIn(learner, '2026-03-16');
    expect(later.streak).toMatchObject({ current: 1, longest: 1 });
  });
});

describe('a custom schedule (Monday, Wednesday, Friday)', () => {
  const mask = 0b0010101;

  it('counts only scheduled days and lets days off pass without breaking the streak', async () => {
    const learner = await learnerWithHabit({ goalType: 'custom', scheduleMask: mask });
    for (const date of ['2026-03-02', '2026-03-04', '2026-03-06']) await checkIn(learner, date);
    const monday = await checkIn(learner, '2026-03-09');
    expect(monday.streak).toMatchObject({ current: 4, longest: 4 });
    await expectHabitConsistent(db.em(), learner.habitId, learner.rule);
  });

  it('records a day off without XP or streak', async () => {
    const learner = await learnerWithHabit({ goalType: 'custom', scheduleMask: mask });
    const tuesday = await checkIn(learner, '2026-03-03');
    expect(tuesday).toMatchObject({
      value: 1,
      met: false,
      xp: { change: 0 },
      streak: { current: 0, longest: 0 },
    });
    await expectHabitConsistent(db.em(), learner.habitId, learner.rule);
  });

  it('keeps the streak alive over the weekend and ends it after a missed Monday', async () => {
    const learner = await learnerWithHabit({ goalType: 'custom', scheduleMask: mask });
    await checkIn(learner, '2026-03-04');
    const friday = await checkIn(learner, '2026-03-06', '2026-03-08');
    expect(friday.streak).toMatchObject({ current: 2, atRisk: true });
    const tuesday = await checkIn(learner, '2026-03-03', '2026-03-10');
    expect(tuesday.streak).toMatchObject({ current: 0, longest: 2 });
  });
});
