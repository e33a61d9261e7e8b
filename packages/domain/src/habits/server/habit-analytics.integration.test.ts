import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { archiveHabit } from './archive-habit.ts';
import { checkInHabit } from './check-in-habit.ts';
import { createHabit } from './create-habit.ts';
import { getHabitHeatmap } from './get-habit-heatmap.ts';
import { getHabitTrends } from './get-habit-trends.ts';
import { createLearner, expectDomainError, newKey } from './testing/habit-fixtures.ts';

const db = useTestDatabase();
// Monday 2026-02-16: the habits' first day.
const created = new Date('2026-02-16T09:00:00Z');
const now = new Date('2026-03-20T12:00:00Z');
const today = '2026-03-20';

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

async function learnerWithHabit(name = 'Read') {
  const userId = await createLearner(db.em(), created);
  const habit = await createHabit(db.em(), { userId, now: created, name, targetValue: 2 });
  const checkIn = (date: string, value: number, habitId = habit.id) =>
    checkInHabit(db.em(), { userId, habitId, date, value, idempotencyKey: newKey(), now });
  return { userId, habitId: habit.id, checkIn };
}

describe('getHabitHeatmap', () => {
  it('gives every day of the year with its value and whether it met the goal', async () => {
    const { userId, habitId, checkIn } = await learnerWithHabit();
    await checkIn('2026-02-16', 2);
    await checkIn('2026-03-01', 1);

    const heatmap = await getHabitHeatmap(db.em(), userId, habitId, 2026);

    expect(heatmap.days).toHaveLength(365);
    expect(heatmap.days[0]).toEqual({ date: '2026-01-01', value: null, met: false, scheduled: true });
    expect(heatmap.days[46]).toEqual({ date: '2026-02-16', value: 2, met: true, scheduled: true });
    expect(heatmap.days[59]).toEqual({ date: '2026-03-01', value: 1, met: false, scheduled: true });
    expect(heatmap.days.at(-1)?.date).toBe('2026-12-31');
    expect((await getHabitHeatmap(db.em(), userId, habitId, 2028)).days).toHaveLength(366);
  });

  it('shows archived habits but never another learner’s', async () => {
    const { userId, habitId } = await learnerWithHabit();
    await archiveHabit(db.em(), { userId, habitId, now });
    expect((await getHabitHeatmap(db.em(), userId, habitId, 2026)).days).toHaveLength(365);
    const intruder = await createLearner(db.em(), created);
    await expectDomainError(getHabitHeatmap(db.em(), intruder, habitId, 2026), 'HABIT_NOT_FOUND');
    await expectDomainError(getHabitHeatmap(db.em(), userId, habitId, 0), 'BAD_INPUT');
  });
});

describe('getHabitTrends', () => {
  it('rates each of the last 12 ISO weeks, with nothing due before the habit began', async () => {
    const { userId, habitId, checkIn } = await learnerWithHabit();
    // Week of 16 Feb: 3 met days of 7. Week of 16 March (to Friday 20th): 2 of 5; one short day.
    for (const date of ['2026-02-16', '2026-02-18', '2026-02-20']) await checkIn(date, 2);
    for (const date of ['2026-03-16', '2026-03-17']) await checkIn(date, 3);
    await checkIn('2026-03-18', 1);

    const trends = await getHabitTrends(db.em(), userId, today, habitId);

    expect(trends.habitId).toBe(habitId);
    expect(trends.weeks).toHaveLength(12);
    expect(trends.weeks.slice(0, 7).every((week) => week.completionRate === null)).toBe(true);
    expect(trends.weeks[7]).toEqual({ weekStart: '2026-02-16', completionRate: 3 / 7 });
    expect(trends.weeks[8]?.completionRate).toBe(0);
    expect(trends.weeks[11]).toEqual({ weekStart: '2026-03-16', completionRate: 2 / 5 });
  });

  it('adds all active habits together, and answers another learner’s habit with NOT_FOUND', async () => {
    const { userId, habitId, checkIn } = await learnerWithHabit();
    const weekly = await createHabit(db.em(), {
      userId,
      now: created,
      name: 'Run',
      goalType: 'weekly',
      targetValue: 2,
    });
    await checkIn('2026-03-16', 2);
    await checkIn('2026-03-17', 1, weekly.id);

    const trends = await getHabitTrends(db.em(), userId, today);

    // Daily: 1 of 5 days; weekly: half of its target. (1 + 0.5) / (5 + 1).
    expect(trends).toMatchObject({ habitId: null });
    expect(trends.weeks[11]?.completionRate).toBeCloseTo(1.5 / 6, 10);
    const intruder = await createLearner(db.em(), created);
    await expectDomainError(getHabitTrends(db.em(), intruder, today, habitId), 'HABIT_NOT_FOUND');
  });
});
