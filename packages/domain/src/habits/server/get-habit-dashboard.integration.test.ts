import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import type { HabitDashboard } from '../universal/habit-dtos.ts';
import type { HabitRule } from '../universal/habit-periods.ts';
import { computeHabitStrength } from '../universal/habit-strength.ts';
import { computeHabitStreak } from '../universal/habit-streak.ts';
import { archiveHabit } from './archive-habit.ts';
import { checkInHabit } from './check-in-habit.ts';
import { createHabit } from './create-habit.ts';
import { getHabitDashboard } from './get-habit-dashboard.ts';
import { loadHabitDays, refreshHabitStreak } from './store-habit-streak.ts';
import { createLearner, newKey } from './testing/habit-fixtures.ts';

const db = useTestDatabase();
const created = new Date('2026-03-01T09:00:00Z');
const now = new Date('2026-03-20T12:00:00Z');
const today = '2026-03-20';

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

/** The dashboard must agree with a recomputation from each habit's whole history. */
async function expectMatchesRecomputation(dashboard: HabitDashboard) {
  for (const { habit, streak, strength } of dashboard.habits) {
    const rule: HabitRule = {
      goalType: habit.goalType,
      targetValue: habit.targetValue,
      scheduleMask: habit.scheduleMask,
    };
    const history = await loadHabitDays(db.em(), habit.id, null);
    const expected = computeHabitStreak(rule, history, dashboard.today);
    expect(streak, habit.name).toMatchObject({ current: expected.current, longest: expected.longest });
    expect(
      Math.abs(strength.score - computeHabitStrength(rule, history, dashboard.today)),
    ).toBeLessThanOrEqual(0.05 + 1e-6);
  }
}

describe('getHabitDashboard', () => {
  it('shows every active habit with today’s check-in, streaks, strength and the last seven days', async () => {
    const userId = await createLearner(db.em(), created);
    const water = await createHabit(db.em(), { userId, now: created, name: 'Water', targetValue: 3 });
    const run = await createHabit(db.em(), {
      userId,
      now: created,
      name: 'Run',
      goalType: 'weekly',
      targetValue: 2,
    });
    const old = await createHabit(db.em(), { userId, now: created, name: 'Old' });
    await archiveHabit(db.em(), { userId, habitId: old.id, now: created });
    const checkIn = (habitId: number, date: string, value = 1, notes?: string) =>
      checkInHabit(db.em(), { userId, habitId, date, value, notes, idempotencyKey: newKey(), now });
    await checkIn(water.id, '2026-03-18', 3);
    await checkIn(water.id, '2026-03-19', 4);
    await checkIn(water.id, today, 2, 'one to go');
    await checkIn(run.id, '2026-03-16');

    const dashboard = await getHabitDashboard(db.em(), userId, today);

    expect(dashboard.habits.map((entry) => entry.habit.name)).toEqual(['Water', 'Run']);
    const [waterEntry, runEntry] = dashboard.habits;
    expect(waterEntry).toMatchObject({
      today: { date: today, value: 2, met: false, notes: 'one to go', scheduled: true },
      progress: { done: 2, target: 3 },
      streak: { current: 2, longest: 2, atRisk: true, lastMetDate: '2026-03-19' },
    });
    expect(waterEntry?.lastSevenDays.map((day) => day.value)).toEqual([null, null, null, null, 3, 4, 2]);
    expect(waterEntry?.strength.explanation).toMatch(/^Strength \d+%/);
    // Week of Monday 16 March: one of two days done, the week still open.
    expect(runEntry).toMatchObject({ progress: { done: 1, target: 2 }, streak: { current: 0, longest: 0 } });
    await expectMatchesRecomputation(dashboard);
  });

  it('reads stored streaks on later days: a lapsed streak shows 0 and strength decays', async () => {
    const userId = await createLearner(db.em(), created);
    const habit = await createHabit(db.em(), { userId, now: created, name: 'Stretch' });
    for (const date of ['2026-03-17', '2026-03-18', '2026-03-19', today]) {
      await checkInHabit(db.em(), { userId, habitId: habit.id, date, idempotencyKey: newKey(), now });
    }
    const onTheDay = await getHabitDashboard(db.em(), userId, today);
    const later = await getHabitDashboard(db.em(), userId, '2026-03-24');
    expect(onTheDay.habits[0]?.streak).toMatchObject({ current: 4, longest: 4 });
    expect(later.habits[0]?.streak).toMatchObject({ current: 0, longest: 4, atRisk: false });
    expect(later.habits[0]?.strength.score).toBeLessThan(onTheDay.habits[0]?.strength.score ?? 0);
    await expectMatchesRecomputation(later);
  });

  it('answers 200 habits with a year of check-ins in one query, matching a recomputation', async () => {
    const userId = await createLearner(db.em(), created);
    const em = db.em();
    await em.execute(
      `insert into habits (user_id, name, goal_type, target_value, schedule_mask, created_at)
       select ?, 'Habit ' || g, (array['daily', 'weekly', 'custom'])[g % 3 + 1], 1 + g % 2,
              case when g % 3 = 2 then 1 + g % 127 end, '2025-03-01T00:00:00Z'
         from generate_series(1, 200) g`,
      [userId],
    );
    // A deterministic pattern with gaps, so runs have many lengths.
    await em.execute(
      `insert into habit_completions (habit_id, user_id, completion_date, value)
       select h.id, h.user_id, d::date, 1 + (h.id + extract(doy from d)::int) % 3
         from habits h cross join generate_series('2025-03-01'::date, ?::date, '1 day') d
        where h.user_id = ? and (h.id * 7 + extract(doy from d)::int) % 11 <> 0`,
      [today, userId],
    );
    const habits = await em.execute<
      {
        id: string;
        goal_type: 'daily' | 'weekly' | 'custom';
        target_value: number;
        schedule_mask: number | null;
      }[]
    >('select id, goal_type, target_value, schedule_mask from habits where user_id = ?', [userId]);
    for (const row of habits) {
      await refreshHabitStreak(em, Number(row.id), {
        goalType: row.goal_type,
        targetValue: row.target_value,
        scheduleMask: row.schedule_mask,
      });
    }

    const reader = db.em();
    const execute = vi.spyOn(reader, 'execute');
    const dashboard = await getHabitDashboard(reader, userId, today);

    expect(execute).toHaveBeenCalledTimes(1);
    expect(dashboard.habits).toHaveLength(200);
    expect(dashboard.habits.every((entry) => entry.lastSevenDays.length === 7)).toBe(true);
    await expectMatchesRecomputation(dashboard);
  });

  it('refuses a malformed day', async () => {
    const userId = await createLearner(db.em(), created);
    await expect(getHabitDashboard(db.em(), userId, '2026-02-30')).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });
});
